"""`reportgen build`: what it writes, where, and what it refuses to write."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from buildkit import DATA, EXAMPLES, ROOT, run_reportgen


def _files(folder: Path) -> list[str]:
    """Every entry of ``folder`` (hidden temporary files included), sorted."""
    return sorted(path.name for path in folder.iterdir()) if folder.exists() else []


def _broken_copy(tmp_path: Path) -> Path:
    """The 2021 example with one 总计 that disagrees with its row (an error)."""
    text = EXAMPLES[1].read_text(encoding="utf-8")
    broken = text.replace(
        "carried_over:       [  3,  1, 0, 0, 0, 0,   4]", "carried_over:       [  3,  1, 0, 0, 0, 0,   5]"
    )
    assert broken != text
    source = tmp_path / "broken.yaml"
    source.write_text(broken, encoding="utf-8")
    return source


def test_default_build_writes_docx_and_html(tmp_path: Path) -> None:
    out = tmp_path / "out"
    done = run_reportgen("build", EXAMPLES[1], "-o", out)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [str(out / "2021.docx"), str(out / "2021.html")]
    assert _files(out) == ["2021.docx", "2021.html"]  # no temporary files left behind
    assert zipfile.is_zipfile(out / "2021.docx")
    assert (
        docx.Document(str(out / "2021.docx")).paragraphs[0].text
        == "江北市市场监督管理局2021年政府信息公开工作年度报告"
    )
    assert (out / "2021.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert done.stderr == ""
    umask = os.umask(0o022)
    os.umask(umask)
    for name in ("2021.docx", "2021.html"):  # readable like any new file, ready to publish
        assert stat.S_IMODE((out / name).stat().st_mode) == 0o666 & ~umask


def test_output_folder_defaults_to_the_current_one(tmp_path: Path) -> None:
    done = run_reportgen("build", EXAMPLES[0], "--to", "md", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "2020.md"
    assert _files(tmp_path) == ["2020.md"]


def test_to_chooses_the_formats_in_order(tmp_path: Path) -> None:
    done = run_reportgen("build", EXAMPLES[0], "-o", tmp_path, "--to", "md, html,md")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [str(tmp_path / "2020.md"), str(tmp_path / "2020.html")]
    assert _files(tmp_path) == ["2020.html", "2020.md"]


@pytest.mark.parametrize("formats", ["pdf", "html,odt", ","])
def test_unknown_format_is_a_usage_error(tmp_path: Path, formats: str) -> None:
    out = tmp_path / "out"
    done = run_reportgen("build", EXAMPLES[0], "-o", out, "--to", formats)
    assert done.returncode == 2
    assert "docx, html, md" in done.stderr
    assert "Traceback" not in done.stderr
    assert not out.exists()


def test_invalid_data_is_refused_unless_forced(tmp_path: Path) -> None:
    source = _broken_copy(tmp_path)
    out = tmp_path / "out"
    done = run_reportgen("build", source, "-o", out, "--to", "docx,html,md")
    assert done.returncode == 1
    assert done.stdout == ""
    assert "T303" in done.stderr and f"{source}:" in done.stderr
    assert "未生成文件" in done.stderr and "--force" in done.stderr
    assert not out.exists()

    english = run_reportgen("build", source, "-o", out, "--lang", "en")
    assert english.returncode == 1 and "nothing written" in english.stderr

    forced = run_reportgen("build", source, "-o", out, "--to", "docx,html,md", "--force")
    assert forced.returncode == 0, forced.stderr
    assert "T303" in forced.stderr  # still told what is wrong
    assert _files(out) == ["broken.docx", "broken.html", "broken.md"]
    # the wrong total is printed as written, never silently corrected
    html = (out / "broken.html").read_text(encoding="utf-8")
    cell = 'data-record="applications.carried_over" data-field="total"'
    assert f'{cell} data-kind="count" data-derived="true">5</td>' in html


def test_warnings_do_not_stop_the_build(tmp_path: Path) -> None:
    done = run_reportgen("build", DATA / "derived-2020.yaml", "-o", tmp_path, "--to", "html")
    assert done.returncode == 0
    assert "V003" in done.stderr
    assert _files(tmp_path) == ["derived-2020.html"]


def test_unreadable_input_is_a_usage_error(tmp_path: Path) -> None:
    source = tmp_path / "bad.yaml"
    source.write_text("year: 2021\nagency: [unclosed\n", encoding="utf-8")
    out = tmp_path / "out"
    for extra in ((), ("--force",)):
        done = run_reportgen("build", source, "-o", out, *extra)
        assert done.returncode == 2
        assert str(source) in done.stderr and "Traceback" not in done.stderr
        assert not out.exists()
    missing = run_reportgen("build", tmp_path / "missing.yaml", "-o", out)
    assert missing.returncode == 2 and "Traceback" not in missing.stderr


def test_output_folder_that_is_a_file_is_a_usage_error(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder", encoding="utf-8")
    for out in (blocker, blocker / "sub"):
        done = run_reportgen("build", EXAMPLES[0], "-o", out, "--to", "html")
        assert done.returncode == 2, done.stderr
        assert str(blocker) in done.stderr and "Traceback" not in done.stderr
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_never_overwrites_the_input(tmp_path: Path) -> None:
    source = tmp_path / "2021.md"  # an input whose name an output would take
    source.write_text("# 不是报告数据\n", encoding="utf-8")
    done = run_reportgen("build", source, "-o", tmp_path, "--to", "md", "--force")
    assert done.returncode == 2
    assert "输入文件" in done.stderr
    assert source.read_text(encoding="utf-8") == "# 不是报告数据\n"


def test_rebuild_replaces_outputs_and_a_failed_build_leaves_them_whole(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "2021.html").write_text("old page", encoding="utf-8")
    (out / "2021.md").write_text("old text", encoding="utf-8")
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "report.md.j2").write_text("{{ report.title }}\n{{ report.missing }}\n", encoding="utf-8")
    failed = run_reportgen("build", EXAMPLES[1], "-o", out, "--to", "html,md", "--template-dir", templates)
    assert failed.returncode == 2
    assert failed.stdout == ""
    # the HTML rendered fine, but nothing is written unless every document rendered
    assert (out / "2021.html").read_text(encoding="utf-8") == "old page"
    assert (out / "2021.md").read_text(encoding="utf-8") == "old text"
    assert _files(out) == ["2021.html", "2021.md"]

    done = run_reportgen("build", EXAMPLES[1], "-o", out, "--to", "html,md")
    assert done.returncode == 0, done.stderr
    assert (out / "2021.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert (out / "2021.md").read_text(encoding="utf-8").startswith("# 江北市")
    assert _files(out) == ["2021.html", "2021.md"]


@pytest.mark.parametrize(
    ("formats", "loaded", "not_loaded"), [(("html", "md"), "jinja2", "docx"), (("docx",), "docx", "jinja2")]
)
def test_a_build_loads_only_the_libraries_its_formats_need(
    tmp_path: Path, formats: tuple[str, ...], loaded: str, not_loaded: str
) -> None:
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from reportgen.api.build import BuildOptions, run_build\n"
        "assert 'jinja2' not in sys.modules and 'docx' not in sys.modules\n"
        f"options = BuildOptions(Path({str(tmp_path)!r}), {formats!r})\n"
        f"result = run_build(Path({str(EXAMPLES[0])!r}), options)\n"
        f"assert result.exit_code == 0 and len(result.written) == {len(formats)}\n"
        f"assert {loaded!r} in sys.modules and {not_loaded!r} not in sys.modules\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=ROOT)
    assert done.returncode == 0, done.stderr


def test_help_lists_the_options() -> None:
    done = run_reportgen("build", "--help")
    assert done.returncode == 0
    for option in ("--output-dir", "--to", "--force", "--template-dir", "docx, html, md"):
        assert option in done.stdout
