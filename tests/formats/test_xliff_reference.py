"""XLIFF 1.2 carries a reference translation in <alt-trans alttranstype="reference">."""

from __future__ import annotations

import shutil
from pathlib import Path

from tqa.formats import read_segments

XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="story" source-language="es" target-language="en" datatype="plaintext">
    <body>
      <trans-unit id="u1">
        <source>Al menos 311 personas murieron.</source>
        <target>At least 311 people died.</target>
        <alt-trans alttranstype="reference"><target>At least 311 people have died.</target>
        </alt-trans>
      </trans-unit>
      <trans-unit id="u2">
        <source>Hola.</source>
        <target>Hello.</target>
        <alt-trans><target>Hi.</target></alt-trans>
      </trans-unit>
    </body>
  </file>
</xliff>
"""


def test_reference_from_alt_trans(tmp_path: Path) -> None:
    path = tmp_path / "ref.xlf"
    path.write_text(XLIFF, encoding="utf-8")
    segments = list(read_segments(path))
    assert [(s.id, s.reference) for s in segments] == [
        ("u1", "At least 311 people have died."),
        ("u2", None),  # a plain alt-trans is a proposal, not a reference
    ]


def test_demo_xliff_has_no_reference(tmp_path: Path) -> None:
    demo = Path(__file__).resolve().parents[2] / "corpora" / "demo" / "demo.xlf"
    copy = tmp_path / "demo.xlf"
    shutil.copy(demo, copy)
    assert {s.reference for s in read_segments(copy)} == {None}
