"""HTML: main text, dropped furniture, blocks, entities and comments mapped to the source."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.errors import InputFileError
from factcheck.ingest import Limits, line_starts_of, load_document
from factcheck.ingest.html import parse_html

PAGE = """<!DOCTYPE html>
<html><head><title>Site title</title><style>p { color: red }</style>
<script>var s = "<p>not text</p>";</script></head>
<body>
<nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<header>Site banner</header>
<article>
  <header><h1>Plant opens &amp; hires</h1></header>
  <p>The plant   has a capacity of
     16&nbsp;GWh and cost &euro;3 billion.<br>It opens in 2026.</p>
  <!-- factcheck: ignore FC301 -->
  <ul><li>Caisse d&#39;Epargne<li>AT&T</ul>
  <table><tr><td>Jobs</td><td>1,200</td></tr></table>
  <form><input value="x">Subscribe now</form>
</article>
<aside>Related stories</aside>
<footer>Copyright</footer>
</body></html>
"""


def _parse(source: str = PAGE, limits: Limits | None = None):
    return parse_html(source, "page.html", limits or Limits())


def test_main_text_and_blocks() -> None:
    text = _parse().text
    assert text == (
        "Plant opens & hires\n\n"
        "The plant has a capacity of 16\xa0GWh and cost €3 billion.\n\nIt opens in 2026.\n\n"
        "Caisse d'Epargne\n\nAT&T\n\nJobs\n\n1,200"
    )


@pytest.mark.parametrize(
    "dropped",
    ["Home", "Site banner", "Site title", "color", "not text", "Subscribe", "Related", "Copyright"],
)
def test_furniture_dropped(dropped: str) -> None:
    assert dropped not in _parse().text


def test_main_then_body_fallback() -> None:
    assert _parse("<body><p>Body</p><main><p>Main text</p></main></body>").text == "Main text"
    assert _parse("<body><div>Only body</div></body>").text == "Only body"


def test_locations_point_into_the_html(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    doc = load_document(path)
    lines = PAGE.splitlines()
    for phrase in ["16\xa0GWh", "capacity of", "€3 billion", "1,200", "d'Epargne", "2026"]:
        start = doc.text.index(phrase)
        span = doc.span(start, start + len(phrase))
        line = lines[span.line - 1]
        assert line[span.column - 1] == PAGE[doc.source_map.source_offset(start)]
        assert phrase[-1] == line[span.end_column - 2] or phrase[-1] in "\xa0€'"
    euro = doc.text.index("€")
    assert PAGE[doc.source_map.source_offset(euro) :].startswith("&euro;")
    assert doc.comments and doc.comments[0][1] == "factcheck: ignore FC301"


def test_comment_offset_is_where_it_stood() -> None:
    parsed = _parse("<p>One</p><!-- factcheck: ignore FC101 --><p>Two</p>")
    assert parsed.text == "One\n\nTwo"
    assert parsed.comments == ((3, "factcheck: ignore FC101"),)


def test_nesting_limit() -> None:
    deep = "<div>" * 50 + "x" + "</div>" * 50
    assert _parse(deep).text == "x"
    with pytest.raises(InputFileError, match="nested deeper than 40 levels"):
        _parse(deep, Limits(html_max_depth=40))
    assert _parse("<p>a" * 1000).text.count("a") == 1000  # unclosed <p> do not nest


def test_crlf_html_lines(tmp_path: Path) -> None:
    path = tmp_path / "crlf.htm"
    path.write_bytes(b"<html>\r\n<body>\r\n<p>\r\nTarget here</p>\r\n</body></html>")
    doc = load_document(path)
    start = doc.text.index("Target")
    assert (doc.span(start, start + 6).line, doc.span(start, start + 6).column) == (4, 1)


_PIECES = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<br>",
        "<b>",
        "</b>",
        "&amp;",
        "&eacute;",
        "&#8364;",
        "&zz;",
        "<!-- c -->",
        "word",
        "16 GWh",
        " ",
        "\n",
        "\r\n",
        "\t",
        "é",
        "<li>",
        "<script>x</script>",
        "<",
        ">",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_copied_characters_point_at_themselves(source: str) -> None:
    parsed = _parse(source)
    synthetic = {i for start, end in parsed.synthetic for i in range(start, end)}
    starts = line_starts_of(source)
    for i, ch in enumerate(parsed.text):
        offset = parsed.source_map.source_offset(i)
        if i not in synthetic:
            assert source[offset] == ch
        assert 0 <= offset <= len(source)
        assert parsed.source_map.line_col(offset)[0] <= len(starts)
