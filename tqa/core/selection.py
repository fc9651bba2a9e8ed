"""Which checks run: ``--select`` / ``--ignore`` by code prefix or name, longest match wins."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from tqa.core.check import Check
from tqa.errors import UsageError

_CODE_PREFIX = re.compile(r"^[A-Za-z]{2,}[0-9]*$")


def split_selectors(values: Iterable[str]) -> list[str]:
    """``["TQA4,TQA5", "TQA203"]`` -> ``["TQA4", "TQA5", "TQA203"]``."""
    out: list[str] = []
    for value in values:
        out.extend(part.strip() for part in value.split(",") if part.strip())
    return out


class Selection:
    """Decides whether a check runs.

    Each selector is a code prefix (``TQA2``, ``TQA203``) or a check name or name prefix
    (``numbers``, ``numbers.changed``). For a check, the most specific matching selector of
    ``select`` and of ``ignore`` are compared: the longer one wins, and on a tie ``ignore``
    wins. Without ``select``, the checks that are enabled by default are selected.
    """

    def __init__(
        self,
        select: Sequence[str] = (),
        ignore: Sequence[str] = (),
        known: Iterable[type[Check]] = (),
    ) -> None:
        self.select = split_selectors(select)
        self.ignore = split_selectors(ignore)
        known = list(known)
        if known:
            for selector in [*self.select, *self.ignore]:
                if not any(self._match(selector, cls) for cls in known):
                    raise UsageError(
                        f"selector {selector!r} matches no check (see 'tqa checks list')"
                    )

    @staticmethod
    def _match(selector: str, cls: type[Check]) -> int:
        """Specificity of ``selector`` for ``cls``: 0 when it does not match."""
        code = cls.code
        if selector.upper() == "ALL":
            return 1
        if _CODE_PREFIX.match(selector) and code.startswith(selector.upper()):
            return len(selector)
        name = cls.name
        sel = selector.lower()
        if name == sel:
            return len(code)
        if name.startswith(sel + "."):
            # a family name is as specific as the family's code prefix (TQA2)
            return len(code) - 2
        return 0

    def wants(self, cls: type[Check]) -> bool:
        best_select = max((self._match(s, cls) for s in self.select), default=0)
        best_ignore = max((self._match(s, cls) for s in self.ignore), default=0)
        if not self.select:
            return cls.enabled_by_default and best_ignore == 0
        return best_select > best_ignore
