"""``python -m tqa`` is the ``tqa`` command."""

from __future__ import annotations

from tqa.cli.app import main

main()
