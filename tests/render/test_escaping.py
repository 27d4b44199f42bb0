"""Narrative that looks like HTML, Markdown or Jinja is printed as text in every output format."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import pytest
import yaml
from buildkit import EXAMPLES, load, run_reportgen
from htmlgrid import Element, parse_html
from markdown_it import MarkdownIt

from reportgen.core.model import Report
from reportgen.write.render.docx_render import render_docx
from reportgen.write.render.html import render_html
from reportgen.write.render.markdown import escape_markdown, render_markdown

TITLE = "<i>斜体</i> & {{ report.title }} 报告"
AGENCY = "营口局 <b>粗体</b> & {% raw %}"
OVERVIEW_LINES = (
    '<script>alert("x")</script> & &amp; &lt; {{ 7*7 }} {% if true %}是{% endif %} {# 注释 #}',
    "<b>粗</b> | 竖线 *星号* _下划线_ [链接](https://example.org) `代码` ~~删除~~ \\反斜杠 ![图](x.png)",
)
OTHER_LINES = (
    "1. 像列表",
    "- 像列表",
    "+ 像列表",
    "> 像引用",
    "# 像标题",
    "---",
    "<!-- 注释 -->",
    "    缩进",
)
OVERVIEW = "\n".join(OVERVIEW_LINES)
OTHER = "\n\n".join(OTHER_LINES)


def _tricky(report: Report) -> Report:
    report.title = TITLE
    report.agency = AGENCY
    report.texts["overview"] = OVERVIEW
    report.texts["other_matters"] = OTHER
    return report


@pytest.fixture
def report() -> Report:
    return _tricky(load(EXAMPLES[1]))


def _forbidden_elements(document: Element, tags: tuple[str, ...]) -> list[str]:
    return [element.tag for element in document.iter() if element.tag in tags]


def test_html_shows_markup_as_text(report: Report) -> None:
    text = render_html(report).decode("utf-8")
    document = parse_html(text)
    assert _forbidden_elements(document, ("script", "b", "i", "a", "img", "code")) == []
    assert "<!-- 注释 -->" not in text
    h1 = document.find("h1")
    assert h1 is not None and h1.text() == TITLE
    title = document.find("title")
    assert title is not None and title.text() == TITLE
    paragraphs = [p.text() for p in document.iter("p")]
    assert "\n".join(OVERVIEW_LINES) in paragraphs
    for line in OTHER_LINES:
        assert line.strip() in paragraphs
    assert AGENCY in paragraphs


def test_markdown_shows_markup_as_text(report: Report) -> None:
    markdown = render_markdown(report).decode("utf-8")
    html = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown)
    document = parse_html(html)
    tags = (
        "script",
        "b",
        "i",
        "a",
        "img",
        "code",
        "em",
        "strong",
        "s",
        "ul",
        "ol",
        "blockquote",
        "hr",
        "pre",
    )
    # the only strong elements are table 二's block captions
    assert [t for t in _forbidden_elements(document, tags) if t != "strong"] == []
    assert [h.tag for h in document.iter() if re.fullmatch(r"h[1-6]", h.tag)] == ["h1"] + ["h2"] * 6
    h1 = document.find("h1")
    assert h1 is not None and h1.text() == TITLE
    paragraphs = [re.sub(r"\n+", "\n", p.text()) for p in document.iter("p")]
    assert OVERVIEW in paragraphs
    for line in OTHER_LINES:
        assert line.strip() in paragraphs
    assert paragraphs[-1].split("\n")[0] == AGENCY
    assert "{{ 7*7 }}" not in markdown  # braces are escaped for site generators that run templates


def test_docx_shows_markup_as_text(report: Report) -> None:
    document = docx.Document(io.BytesIO(render_docx(report)))
    texts = [paragraph.text for paragraph in document.paragraphs]
    body = "\n".join(texts)
    assert TITLE in texts
    for line in (*OVERVIEW_LINES, *(line.strip() for line in OTHER_LINES)):
        assert line in body
    assert AGENCY in texts


def test_build_from_yaml_escapes_in_every_format(tmp_path: Path) -> None:
    data = yaml.safe_load(EXAMPLES[1].read_text(encoding="utf-8"))
    data["title"], data["agency"] = TITLE, AGENCY
    data["text"]["overview"], data["text"]["other_matters"] = OVERVIEW, OTHER
    source = tmp_path / "tricky.yaml"
    source.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    done = run_reportgen("build", source, "-o", tmp_path / "out", "--to", "html,md,docx")
    assert done.returncode == 0, done.stderr
    html = (tmp_path / "out" / "tricky.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &amp;amp; &amp;lt; {{ 7*7 }}" in html
    assert "<script" not in html
    markdown = (tmp_path / "out" / "tricky.md").read_text(encoding="utf-8")
    assert r'\<script\>alert("x")\</script\> \& \&amp; \&lt; \{\{ 7\*7 \}\}' in markdown
    document = docx.Document(str(tmp_path / "out" / "tricky.docx"))
    assert OVERVIEW_LINES[0] in "\n".join(p.text for p in document.paragraphs)


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("1.属于国家秘密", "1.属于国家秘密"),
        ("1. 列表", "1\\. 列表"),
        ("-3", "-3"),
        ("- 项", "\\- 项"),
        ("#话题", "#话题"),
        ("## 标题", "\\## 标题"),
        ("3.85", "3.85"),
        ("a|b", "a\\|b"),
        ("{{ x }}", "\\{\\{ x \\}\\}"),
    ],
)
def test_escape_markdown_touches_only_what_has_a_meaning(text: str, escaped: str) -> None:
    assert escape_markdown(text) == escaped


def test_markdown_values_stay_on_their_line() -> None:
    report = load(EXAMPLES[0])
    report.title = "第一行\n# 第二行"
    markdown = render_markdown(report).decode("utf-8")
    assert markdown.startswith("# 第一行 # 第二行\n")


NEVER_EVALUATED = (
    "{{ 7*7 }}",
    "{% if true %}是{% endif %}",
    "{__class__}",
    "{新收申请.__class__}",
    "{applications.new_received.total.real}",
    "{新收申请.total}",
)


def test_braces_that_name_nothing_print_as_written_in_every_format() -> None:
    report = load(EXAMPLES[1])
    report.texts["other_matters"] = "\n\n".join(NEVER_EVALUATED)
    body = "\n".join(p.text for p in docx.Document(io.BytesIO(render_docx(report))).paragraphs)
    page = [p.text() for p in parse_html(render_html(report).decode("utf-8")).iter("p")]
    markdown = render_markdown(report).decode("utf-8")
    shown = [p.text() for p in parse_html(MarkdownIt("commonmark").render(markdown)).iter("p")]
    for text in NEVER_EVALUATED:
        assert text in body
        assert text in page
        assert text in shown
