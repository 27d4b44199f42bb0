"""The HTML page in a real browser (headless Chromium): column alignment, A4 print width, phones.

Runs wherever /usr/bin/chromium exists (`.ci/run` installs the Debian package); skipped without it,
except in CI (``CI`` set), where a missing browser is a failure. Never downloads a browser.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from buildkit import EXAMPLES, run_reportgen
from playwright.sync_api import Browser, Page, Route, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
A4_WIDTH = 794  # 210 mm at 96 px per inch
A4_TEXT_WIDTH = 590  # 210 mm less the 28 mm and 26 mm side margins of the print stylesheet
PHONE_WIDTH = 375

if not CHROMIUM.exists():
    if os.environ.get("CI"):
        pytest.fail(f"{CHROMIUM} is missing: CI must install the Debian package chromium", pytrace=False)
    pytest.skip(f"{CHROMIUM} not installed (Debian package chromium)", allow_module_level=True)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("browser")
    for source in EXAMPLES:
        done = run_reportgen("build", source, "-o", out, "--to", "html")
        assert done.returncode == 0, done.stderr
    return {source.stem: out / f"{source.stem}.html" for source in EXAMPLES}


def _open(browser: Browser, path: Path, width: int, media: str) -> tuple[Page, list[str]]:
    """Open ``path`` at ``width`` CSS pixels; any request for another address is recorded and refused."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    outside: list[str] = []

    def guard(route: Route) -> None:
        if route.request.url == path.as_uri():
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", guard)
    page.emulate_media(media=media)  # type: ignore[arg-type]
    page.goto(path.as_uri())
    return page, outside


def _boxes(page: Page, selector: str) -> list[dict[str, Any]]:
    return page.eval_on_selector_all(
        selector,
        "els => els.map(e => { const r = e.getBoundingClientRect();"
        " return {text: e.textContent, x: r.x, width: r.width, right: r.right}; })",
    )


@pytest.mark.parametrize("stem", ["2020", "2021"])
def test_table_three_values_line_up_under_their_headers(
    browser: Browser, pages: dict[str, Path], stem: str, tmp_path: Path
) -> None:
    page, outside = _open(browser, pages[stem], 1000, "screen")
    leaves = sorted(_boxes(page, "#table-applications thead th[scope=col]"), key=lambda box: box["x"])
    assert [box["text"] for box in leaves] == [
        "自然人",
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
        "总计",
    ]
    rows = page.eval_on_selector_all("#table-applications tbody tr", "rows => rows.length")
    assert rows == (23 if stem == "2020" else 25)  # 一, 二, the result rows (20 or 22), 四
    for row in range(1, rows + 1):
        values = _boxes(page, f"#table-applications tbody tr:nth-child({row}) td.value")
        assert len(values) == 7
        for header, value in zip(leaves, sorted(values, key=lambda box: box["x"]), strict=True):
            assert abs(header["x"] - value["x"]) < 0.5, (row, header["text"])
            assert abs(header["width"] - value["width"]) < 0.5, (row, header["text"])
    # the corner note and the row labels sit left of the first value column
    labels = _boxes(page, "#table-applications tbody th")
    assert max(box["right"] for box in labels) <= leaves[0]["x"] + 0.5
    page.locator("#section-applications").screenshot(path=str(tmp_path / f"table-3-{stem}.png"))
    assert (tmp_path / f"table-3-{stem}.png").stat().st_size > 10_000
    assert outside == []
    page.close()


def _overflow(page: Page) -> dict[str, float]:
    return page.evaluate(
        """() => ({
            scroll: document.documentElement.scrollWidth,
            client: document.documentElement.clientWidth,
            widest: Math.max(...[...document.querySelectorAll('.gov-report *')]
                .map(e => e.getBoundingClientRect().right)),
        })"""
    )


@pytest.mark.parametrize("width", [A4_WIDTH, A4_TEXT_WIDTH])
@pytest.mark.parametrize("stem", ["2020", "2021"])
def test_nothing_overflows_an_a4_page_in_print(
    browser: Browser, pages: dict[str, Path], stem: str, width: int, tmp_path: Path
) -> None:
    page, outside = _open(browser, pages[stem], width, "print")
    sizes = _overflow(page)
    assert sizes["scroll"] <= sizes["client"] == width
    assert sizes["widest"] <= width + 0.5
    for key in ("active_disclosure", "applications", "review_litigation"):
        table = _boxes(page, f"#table-{key}")[0]
        assert table["right"] <= width + 0.5, key
    if width == A4_WIDTH:
        page.screenshot(path=str(tmp_path / f"print-{stem}.png"), full_page=True)
        pdf = page.pdf(format="A4", print_background=True)
        assert pdf.startswith(b"%PDF")
    assert outside == []
    page.close()


@pytest.mark.parametrize("stem", ["2020", "2021"])
def test_on_a_phone_the_tables_scroll_not_the_page(
    browser: Browser, pages: dict[str, Path], stem: str, tmp_path: Path
) -> None:
    page, outside = _open(browser, pages[stem], PHONE_WIDTH, "screen")
    sizes = _overflow(page)
    assert sizes["scroll"] <= sizes["client"] == PHONE_WIDTH
    wrappers = page.eval_on_selector_all(
        ".table-wrap",
        "els => els.map(e => ({scroll: e.scrollWidth, client: e.clientWidth,"
        " overflow: getComputedStyle(e).overflowX, right: e.getBoundingClientRect().right}))",
    )
    assert len(wrappers) == 3
    for wrapper in wrappers:
        assert wrapper["right"] <= PHONE_WIDTH
        assert wrapper["overflow"] == "auto"
    assert all(wrapper["scroll"] > wrapper["client"] for wrapper in wrappers[1:])  # 三 and 四 scroll
    page.eval_on_selector("#table-applications", "t => t.parentElement.scrollLeft = 10000")
    assert page.eval_on_selector("#table-applications", "t => t.parentElement.scrollLeft") > 0
    page.screenshot(path=str(tmp_path / f"phone-{stem}.png"))
    assert outside == []
    page.close()
