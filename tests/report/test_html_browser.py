"""The HTML report in a real browser: headless Chromium driven by Playwright.

`make test` installs Debian's chromium where it can (root); on a machine without it these
tests skip, except under CI where a missing browser is a failure.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.report.reports import SEGMENTS, render

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if os.environ.get("CI"):
            raise
        pytest.skip("playwright is not installed")
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed (make test installs it as root)")
        pytest.skip("chromium is not installed")
    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()


@pytest.fixture()
def page(browser: Any, tmp_path: Path) -> Iterator[tuple[Any, list[str]]]:
    html, _ = render("html")
    path = tmp_path / "report.html"
    path.write_text(html, encoding="utf-8")
    page = browser.new_page()
    events: list[str] = []
    page.on("console", lambda m: events.append(f"console.{m.type}: {m.text}"))
    page.on("pageerror", lambda e: events.append(f"pageerror: {e}"))

    def dismiss(dialog: Any) -> None:
        events.append(f"dialog: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", dismiss)
    page.on(
        "request",
        lambda r: (
            None if r.url.startswith(("file:", "data:")) else events.append(f"request: {r.url}")
        ),
    )
    page.goto(path.as_uri())
    yield page, events
    page.close()


def visible_ids(page: Any) -> list[str]:
    return page.eval_on_selector_all(
        "tr.seg", "rows => rows.filter(r => r.offsetParent !== null).map(r => r.id)"
    )


def test_loads_without_console_errors_or_network(page: tuple[Any, list[str]]) -> None:
    pg, events = page
    assert pg.text_content("#n-segments") == "5"
    assert pg.text_content("#shown") == "5 of 5 segments shown"
    assert events == []


def test_filters_hide_and_show_the_right_rows(page: tuple[Any, list[str]]) -> None:
    pg, _ = page
    pg.select_option("#f-severity", "minor")
    assert visible_ids(pg) == ["seg-s2"]
    pg.select_option("#f-severity", "clean")
    assert visible_ids(pg) == ["seg-s5"]
    pg.select_option("#f-severity", "")
    pg.select_option("#f-code", "TST101")
    assert visible_ids(pg) == ["seg-s3"]
    pg.select_option("#f-code", "")
    pg.fill("#f-search", "personas")
    assert visible_ids(pg) == ["seg-s1"]
    pg.fill("#f-search", "")
    assert visible_ids(pg) == [f"seg-s{i}" for i in range(1, 6)]
    assert pg.text_content("#shown") == "5 of 5 segments shown"


def test_highlighted_spans_match_the_findings(page: tuple[Any, list[str]]) -> None:
    pg, _ = page
    marks = pg.eval_on_selector_all(
        "td.target mark:not(.point)",
        "ms => ms.map(m => [m.closest('tr').id, m.textContent, m.dataset.f])",
    )
    assert marks == [["seg-s1", "311", "0"], ["seg-s2", "311", "0"], ["seg-s4", "311", "0"]]
    points = pg.eval_on_selector_all(
        "td.target mark.point", "ms => ms.map(m => m.closest('tr').id)"
    )
    assert points == ["seg-s3"]
    source_marks = pg.eval_on_selector_all("td.source mark", "ms => ms.map(m => m.textContent)")
    assert source_marks == ["alert"]
    # the target cell reads back exactly as the segment's text
    assert pg.text_content("#seg-s2 td.target") == SEGMENTS[1].target
    assert pg.get_attribute("#seg-s4 td.target", "dir") == "rtl"


def test_xss_payload_does_not_execute(page: tuple[Any, list[str]]) -> None:
    pg, events = page
    assert pg.evaluate("window.__pwned === undefined")
    assert pg.eval_on_selector_all("img", "imgs => imgs.length") == 0
    assert pg.eval_on_selector_all("script", "s => s.length") == 1
    assert not [e for e in events if e.startswith("dialog")]
    assert SEGMENTS[1].source in pg.text_content("#seg-s2 td.source")
