"""The HTML report in a real headless Chromium: counts, filters, no script injection.

Needs /usr/bin/chromium and Playwright's Python client (`pip install playwright`; do NOT
run `playwright install`: the system Chromium is used). Skipped with a reason otherwise.
Reports checked: one rendered from a hand-built Report, reports/seeds.html when it
exists (its count is compared with reports/seeds.json when that exists too), and an
XSS fixture whose payloads would set `window.__xss` or open a dialog if they ran.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

CHROMIUM = Path("/usr/bin/chromium")
REPO = Path(__file__).resolve().parents[2]
SEEDS_HTML = REPO / "reports" / "seeds.html"
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

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} not found (apt-get install -y chromium)", allow_module_level=True)
sync_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright not installed (pip install playwright)"
)


def _factory() -> ModuleType:
    """tests/report/reportfactory.py, loaded by path (it is not a package)."""
    if "reportfactory" in sys.modules:
        return sys.modules["reportfactory"]
    path = REPO / "tests" / "report" / "reportfactory.py"
    spec = importlib.util.spec_from_file_location("reportfactory", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["reportfactory"] = module
    spec.loader.exec_module(module)
    return module


def _write(tmp_path: Path, name: str, pair) -> tuple[Path, int]:
    from factcheck.report import render

    report, ctx = pair
    path = tmp_path / name
    path.write_text(render("html", report, ctx), encoding="utf-8")
    return path, len(report.findings)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    """A page that records dialogs and refuses (and records) any non-file request."""
    context = browser.new_context(java_script_enabled=True)
    pg = context.new_page()
    pg.dialogs, pg.requests = [], []  # type: ignore[attr-defined]
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(("file:", "data:"))
            else (pg.requests.append(route.request.url), route.abort())
        ),
    )
    yield pg
    context.close()


@pytest.fixture(params=["sample", "seeds"])
def report_file(request, tmp_path) -> tuple[Path, int | None]:
    """(HTML report path, expected finding count or None when unknown)."""
    if request.param == "sample":
        return _write(tmp_path, "sample.html", _factory().sample())
    if not SEEDS_HTML.exists():
        pytest.skip("reports/seeds.html not generated yet (make demo)")
    seeds_json = SEEDS_HTML.with_suffix(".json")
    expected = None
    if seeds_json.exists():
        expected = len(json.loads(seeds_json.read_text("utf-8"))["findings"])
    return SEEDS_HTML, expected


def _count(page, selector: str) -> int:
    return page.locator(selector).count()


def test_counts_and_severity_filter(page, report_file, tmp_path):
    path, expected = report_file
    page.goto(path.as_uri())
    total = _count(page, "article.finding")
    if expected is not None:
        assert total == expected
    assert page.inner_text("#finding-count") == str(total)
    assert page.inner_text("#visible-count") == str(total)
    assert _count(page, "article.finding:visible") == total

    for sev in ("error", "warning", "info"):
        box = page.locator(f'input[data-filter="severity"][value="{sev}"]')
        n = _count(page, f'article.finding[data-severity="{sev}"]')
        box.uncheck()
        assert page.inner_text("#visible-count") == str(total - n)
        assert _count(page, "article.finding:visible") == total - n
        assert _count(page, f'article.finding[data-severity="{sev}"]:visible') == 0
        box.check()
        assert page.inner_text("#visible-count") == str(total)

    page.screenshot(path=str(tmp_path / f"{path.stem}.png"), full_page=True)
    assert (tmp_path / f"{path.stem}.png").stat().st_size > 0
    assert page.requests == []


def test_rule_filter_hides_that_rule(page, tmp_path):
    path, total = _write(tmp_path, "sample.html", _factory().sample())
    page.goto(path.as_uri())
    page.locator('input[data-filter="rule"][value="FC201"]').uncheck()
    assert page.inner_text("#visible-count") == str(total - 1)
    assert _count(page, 'article.finding[data-rule="FC201"]:visible') == 0


def test_xss_fixture_runs_no_injected_script(page, tmp_path):
    path, total = _write(tmp_path, "xss.html", _factory().hostile())
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.dialogs == []
    assert page.requests == []  # the <img src=x> payloads never became elements
    assert _count(page, "img") == 0 and _count(page, "main script") == 0
    # our own script (allowed by its CSP hash) still runs
    page.locator('input[data-filter="severity"][value="error"]').uncheck()
    assert page.inner_text("#visible-count") == str(total - 1)
    assert "<script>window.__xss=2</script>" in page.text_content("main")
    page.screenshot(path=str(tmp_path / "xss.png"), full_page=True)


def test_detection_works_on_a_deliberately_unsafe_page(page):
    """Control: without our escaping and CSP the same payloads do run and are seen."""
    page.set_content('<img src="x" onerror="window.__xss=1"><script>alert("xss")</script>')
    page.wait_for_function("window.__xss === 1")
    assert page.dialogs == ["xss"]


def test_csp_blocks_injected_markup_even_if_escaping_failed(page, tmp_path):
    """Defence in depth: raw payloads spliced into a report still cannot run."""
    path, _ = _write(tmp_path, "sample.html", _factory().sample())
    raw = '<img src="x" onerror="window.__xss=1"><script>window.__xss=2;alert(2)</script>'
    text = path.read_text("utf-8").replace('<main id="findings">', '<main id="findings">' + raw)
    path.write_text(text, "utf-8")
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.dialogs == []
    # our own script, allowed by its hash, still runs
    page.locator('input[data-filter="severity"][value="error"]').uncheck()
    assert page.inner_text("#visible-count") == "2"
