"""Discovery of check classes through the ``tqa.checks`` entry-point group.

Built-in families are registered in ``pyproject.toml`` exactly as a plugin would register its
own: an entry point names a module with a ``CHECKS`` list, or a single ``Check`` subclass.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Iterator
from importlib import metadata

from tqa.core.check import CODE_RE, NAME_RE, Check, iter_checks_in
from tqa.errors import TqaError

GROUP = "tqa.checks"


class RegistryError(TqaError):
    """A plugin registers a malformed or duplicate check."""


class Registry:
    """All known checks, by code, in code order."""

    def __init__(self, classes: list[type[Check]]) -> None:
        by_code: dict[str, type[Check]] = {}
        by_name: dict[str, type[Check]] = {}
        for cls in classes:
            if not CODE_RE.match(getattr(cls, "code", "")):
                raise RegistryError(f"check {cls.__qualname__} has an invalid code {cls.code!r}")
            if not NAME_RE.match(getattr(cls, "name", "")):
                raise RegistryError(f"check {cls.code} has an invalid name {cls.name!r}")
            other = by_code.get(cls.code)
            if other is not None and other is not cls:
                raise RegistryError(
                    f"check code {cls.code} is registered twice "
                    f"({other.__module__}.{other.__qualname__} and "
                    f"{cls.__module__}.{cls.__qualname__})"
                )
            if cls.name in by_name and by_name[cls.name] is not cls:
                raise RegistryError(f"check name {cls.name} is registered twice")
            by_code[cls.code] = cls
            by_name[cls.name] = cls
        self._by_code = dict(sorted(by_code.items()))
        self._by_name = by_name

    def __iter__(self) -> Iterator[type[Check]]:
        return iter(self._by_code.values())

    def __len__(self) -> int:
        return len(self._by_code)

    def get(self, code_or_name: str) -> type[Check] | None:
        key = code_or_name.strip()
        return self._by_code.get(key.upper()) or self._by_name.get(key.lower())

    def codes(self) -> list[str]:
        return list(self._by_code)

    def names(self) -> dict[str, str]:
        return {name: cls.code for name, cls in self._by_name.items()}


def _classes_from(obj: object) -> list[type[Check]]:
    if inspect.isclass(obj) and issubclass(obj, Check):
        return [obj]
    return list(iter_checks_in(obj))


@functools.lru_cache(maxsize=1)
def default_registry() -> Registry:
    classes: list[type[Check]] = []
    for entry_point in sorted(metadata.entry_points(group=GROUP), key=lambda e: e.name):
        classes.extend(_classes_from(entry_point.load()))
    if not classes:
        raise RegistryError("no checks are registered: is tqa installed? Run: pip install -e .")
    return Registry(classes)
