"""Templates: shipped with the package, replaceable with --template-dir, sandboxed, errors with file:line."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from buildkit import EXAMPLES, ROOT, load, run_reportgen
from htmlgrid import parse_html, tables_by_key

from reportgen.write.render.tableview import FlatTable, HtmlBody, HtmlCell, HtmlRow, TableView
from reportgen.write.render.templating import PackageTemplateLoader
from reportgen.write.render.view import DocumentView, SectionView


def _templates(tmp_path: Path, files: dict[str, str]) -> Path:
    folder = tmp_path / "agency-templates"
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_builtin_templates_ship_with_the_package() -> None:
    names = PackageTemplateLoader().list_templates()
    for name in ("report.html.j2", "macros.html.j2", "report.css", "report.md.j2", "table.md.j2"):
        assert name in names


def test_agency_header_and_footer_around_the_builtin_page(tmp_path: Path) -> None:
    folder = _templates(
        tmp_path,
        {
            "report.html.j2": (
                '{% extends "builtin/report.html.j2" %}\n'
                '{% block header %}<header class="site">{{ report.agency }}门户网站</header>{% endblock %}\n'
                "{% block footer %}<footer>主办：{{ report.agency }} · {{ report.generator }}</footer>"
                "{% endblock %}\n"
                "{% block extra_style %}.site { color: #b00; }{% endblock %}\n"
            )
        },
    )
    out = tmp_path / "out"
    done = run_reportgen("build", EXAMPLES[1], "-o", out, "--to", "html", "--template-dir", folder)
    assert done.returncode == 0, done.stderr
    text = (out / "2021.html").read_text(encoding="utf-8")
    document = parse_html(text)
    header, footer = document.find("header"), document.find("footer")
    assert header is not None and header.text() == "江北市市场监督管理局门户网站"
    assert footer is not None and footer.text().startswith("主办：江北市市场监督管理局 · reportgen ")
    assert ".site { color: #b00; }" in text
    assert len(tables_by_key(document)) == 3  # the official content is all there


def test_replacing_one_included_file(tmp_path: Path) -> None:
    folder = _templates(tmp_path, {"report.css": "/* 本单位样式 */ .gov-report { color: #333; }\n"})
    done = run_reportgen("build", EXAMPLES[0], "-o", tmp_path, "--to", "html", "--template-dir", folder)
    assert done.returncode == 0, done.stderr
    text = (tmp_path / "2020.html").read_text(encoding="utf-8")
    assert "/* 本单位样式 */" in text and "@media print" not in text


def test_markdown_template_receives_the_documented_context(tmp_path: Path) -> None:
    folder = _templates(
        tmp_path,
        {
            "report.md.j2": (
                "{{ report.title }}|{{ report.year }}|{{ report.format_key }}|{{ report.date_text }}\n"
                "{% for s in report.sections %}{{ s.number }}:{{ s.heading }}:{{ s.paragraphs | length }}"
                "{% if s.table %}:{{ s.table.number }}:{{ s.table.flat | length }}{% endif %}\n\n{% endfor %}"
                "{{ report.sections[2].table.flat[0].header[2] }}\n"
            )
        },
    )
    done = run_reportgen("build", EXAMPLES[1], "-o", tmp_path, "--to", "md", "--template-dir", folder)
    assert done.returncode == 0, done.stderr
    lines = (tmp_path / "2021.md").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "江北市市场监督管理局2021年政府信息公开工作年度报告|2021|2021|2022年1月25日"
    assert lines[1:7] == [
        "一:一、总体情况:6",
        "二:二、主动公开政府信息情况:0:二:4",
        "三:三、收到和处理政府信息公开申请情况:0:三:1",
        "四:四、政府信息公开行政复议、行政诉讼情况:0:四:1",
        "五:五、存在的主要问题及改进情况:3",
        "六:六、其他需要报告的事项:2",
    ]
    assert lines[7] == "申请人情况 / 法人或其他组织 / 商业企业"


@pytest.mark.parametrize(
    ("name", "text", "line", "detail"),
    [
        ("report.html.j2", "<html>\n<body>\n{% if %}\n</body>\n", 3, "Expected an expression"),
        ("report.html.j2", "<html>\n{{ report.nonexistent }}\n", 2, "nonexistent"),
        ("report.css", "body {}\n\n\n{{ missing_variable }}\n", 4, "missing_variable"),
        ("report.html.j2", "{{ report.__class__.__init__.__globals__ }}\n", 1, "unsafe"),
        ("report.html.j2", "\n{{ ''.__class__.__mro__[1].__subclasses__() }}\n", 2, "unsafe"),
        ("report.html.j2", "x\n{% include 'nowhere.j2' %}\n", 2, "nowhere.j2"),
        ("report.md.j2", "ok\n{{ report.sections[9] }}\n", 2, "UndefinedError"),
    ],
)
def test_template_errors_name_the_file_and_line(
    tmp_path: Path, name: str, text: str, line: int, detail: str
) -> None:
    folder = _templates(tmp_path, {name: text})
    out = tmp_path / "out"
    to = "md" if name.endswith(".md.j2") else "html"
    done = run_reportgen("build", EXAMPLES[0], "-o", out, "--to", to, "--template-dir", folder)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert f"{folder / name}:{line}: 模板错误：" in done.stderr
    assert detail in done.stderr
    assert not out.exists()


def test_template_error_in_english(tmp_path: Path) -> None:
    folder = _templates(tmp_path, {"report.md.j2": "{{ report.nope }}\n"})
    done = run_reportgen(
        "build", EXAMPLES[0], "-o", tmp_path, "--to", "md", "--template-dir", folder, "--lang", "en"
    )
    assert done.returncode == 2
    assert f"{folder / 'report.md.j2'}:1: template error: " in done.stderr


def test_missing_template_folder_is_a_usage_error(tmp_path: Path) -> None:
    done = run_reportgen("build", EXAMPLES[0], "-o", tmp_path, "--template-dir", tmp_path / "nope")
    assert done.returncode == 2
    assert "nope" in done.stderr and "Traceback" not in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_readme_documents_every_context_attribute() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("### What the templates receive")
    end = readme.find("\n## ", start)
    section = readme[start : end if end != -1 else len(readme)]
    for view in (DocumentView, SectionView, TableView, FlatTable, HtmlBody, HtmlRow, HtmlCell):
        for field in dataclasses.fields(view):
            assert re.search(rf"`{field.name}`", section), f"{view.__name__}.{field.name} is not documented"
    for attribute in ("lead", "lines", "text"):  # content.Paragraph
        assert f"`{attribute}`" in section


def test_paragraph_attributes_exist() -> None:
    report = load(EXAMPLES[1])
    from reportgen.write.render.view import document_view

    view = document_view(report)
    paragraph = view.sections[0].paragraphs[0]
    assert paragraph.lines and paragraph.text.startswith(paragraph.lead)
