"""Domain errors. The library raises these; only ``tqa.cli`` turns them into exit codes."""

from __future__ import annotations


class TqaError(Exception):
    """Base class of every error tqa reports to a user."""

    exit_code = 2


class InputError(TqaError):
    """Input that cannot be read: names the file and, where known, the line or unit."""

    def __init__(
        self,
        path: str,
        message: str,
        *,
        line: int | None = None,
        column: int | None = None,
        unit: str | None = None,
    ) -> None:
        self.path = str(path)
        self.line = line
        self.column = column
        self.unit = unit
        self.detail = message
        where = self.path
        if line is not None:
            where += f":{line}"
            if column is not None:
                where += f":{column}"
        if unit is not None:
            where += f" (unit {unit})"
        super().__init__(f"{where}: {message}")


class ConfigError(TqaError):
    """A configuration file or option is wrong: names the key and the file."""


class UsageError(TqaError):
    """The command line asks for something impossible (e.g. no language given)."""


class MissingExtraError(TqaError):
    """An optional dependency is not installed; the message carries the install command."""

    def __init__(self, what: str, extra: str) -> None:
        self.extra = extra
        super().__init__(f"{what} needs the optional extra '{extra}': pip install 'tqa[{extra}]'")


class CheckUnavailable(TqaError):
    """A check cannot run in this environment (missing extra, no glossary...).

    The pipeline drops the check and prints the message once; the run goes on.
    """
