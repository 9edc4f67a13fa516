"""The self-contained HTML report: escaping, no network, CSP, filters' hooks."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from factcheck.report.html import render
from factcheck.report.html_assets import CSS, JS, csp_hash


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in = tag if tag in ("script", "style") else None

    def handle_data(self, data):
        if self._in == "script":
            self.scripts.append(data)
        elif self._in == "style":
            self.styles.append(data)

    def handle_endtag(self, tag):
        self._in = None


def _parse(text: str) -> _Collector:
    c = _Collector()
    c.feed(text)
    return c


def test_no_external_references(sample_report, hostile_report):
    for report, ctx in (sample_report, hostile_report):
        page = _parse(render(report, ctx))
        for tag, attrs in page.tags:
            for name in ("src", "href", "action", "data", "poster", "srcset", "xlink:href"):
                value = (attrs.get(name) or "").strip().lower()
                assert not value.startswith(("http:", "https:", "//", "javascript:")), (tag, attrs)
        assert "url(" not in "".join(page.styles) and "@import" not in "".join(page.styles)


def test_only_our_own_script_and_style(hostile_report):
    page = _parse(render(*hostile_report))
    assert [t for t, _ in page.tags if t in ("script", "img", "svg", "iframe", "b", "i")] == [
        *(["svg"] * 7),
        "script",
    ]
    assert page.scripts == [JS] and page.styles == [CSS]
    handlers = [(t, a) for t, a in page.tags for k in a if k.startswith("on")]
    assert handlers == []


def test_csp_pins_the_inline_script_and_style_by_hash(sample_report):
    page = _parse(render(*sample_report))
    metas = [a for t, a in page.tags if t == "meta" and a.get("http-equiv")]
    policy = metas[0]["content"]
    assert metas[0]["http-equiv"] == "Content-Security-Policy"
    assert "default-src 'none'" in policy
    assert f"script-src {csp_hash(page.scripts[0])};" in policy
    assert f"style-src {csp_hash(page.styles[0])};" in policy
    assert "unsafe-inline" not in policy


def test_every_piece_of_document_text_is_escaped(hostile_report):
    out = render(*hostile_report)
    for payload in (
        "<script>window",
        "<img src=x",
        "<svg onload",
        "<b>x</b>",
        "<i>t</i>",
        "<b>bold",
    ):
        assert payload not in out
    assert "&lt;script&gt;window.__xss=2&lt;/script&gt;" in out
    assert 'data-rule="FC201"' in out
    assert "&quot;&gt;&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt;.md" in out
    assert "\x00" not in out and "\x1b" not in out


def test_counts_and_filter_hooks(sample_report):
    report, ctx = sample_report
    out = render(report, ctx)
    assert re.search(r'id="finding-count">4<', out) and re.search(r'id="visible-count">4<', out)
    assert out.count('class="finding"') == 4
    assert re.findall(r'data-severity="(\w+)"', out) == ["error", "error", "warning", "info"]
    assert out.count('data-filter="severity"') == 3 and out.count('data-filter="rule"') == 4
    assert "@media print" in out


def test_both_sides_highlighted_and_diff(sample_report):
    out = render(*sample_report)
    assert "The site will produce <mark>15 GWh</mark> a year" in out
    assert "The plant will produce <mark>16 GWh</mark> a year." in out
    assert "<ins>very </ins>" in out and "<del>超高速 </del>" in out
    assert "docs/article.txt:2:23" in out and "docs/press release.md:3" in out
