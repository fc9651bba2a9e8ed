"""``python -m tqa`` is the ``tqa`` command."""

from __future__ import annotations

from tqa.cli.app import main

if __name__ == "__main__":  # not when a spawned worker process imports it
    main()
