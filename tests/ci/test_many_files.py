"""Many files: folders, globs, the order of results, and parallel runs identical to serial ones."""

from __future__ import annotations

import shutil
from pathlib import Path, PurePath

import pytest
from cihelp import run

from reportgen.check.parallel import AUTO_MIN_FILES, worker_count
from reportgen.read.inputs import collect_inputs, previous_for


def _names(arguments: list[str]) -> list[str]:
    return [item.path.as_posix() for item in collect_inputs(arguments)]


def test_a_folder_gives_its_report_files_recursively_in_order(sample: Path) -> None:
    Path("submissions/.git").mkdir()
    Path("submissions/.git/x.yaml").write_text("year: 2021\n", encoding="utf-8")
    Path("submissions/~$lock.xlsx").write_bytes(b"")
    Path("submissions/z-unit.XLSX").write_bytes(b"")
    Path("submissions/units/f.yml").write_text("year: 2021\n", encoding="utf-8")
    assert _names(["submissions"]) == [
        "submissions/a-ok.yaml",
        "submissions/b-total.yaml",
        "submissions/c-blank.yaml",
        "submissions/d-broken.yaml",
        "submissions/units/e-ok.yaml",
        "submissions/units/f.yml",
        "submissions/z-unit.XLSX",
    ]


def test_globs_files_and_duplicates(sample: Path) -> None:
    assert _names(["submissions/*-ok.yaml", "submissions/**/e-*.yaml", "submissions/a-ok.yaml"]) == [
        "submissions/a-ok.yaml",
        "submissions/units/e-ok.yaml",
    ]
    # a file named directly is taken whatever its suffix; a missing one is reported when read
    assert _names(["submissions/notes.txt", "missing.yaml"]) == ["submissions/notes.txt", "missing.yaml"]


def test_relative_names_pair_with_last_years_folder(sample: Path) -> None:
    items = {item.path.as_posix(): item for item in collect_inputs(["submissions", "submissions/*.yaml"])}
    assert items["submissions/units/e-ok.yaml"].relative == PurePath("units/e-ok.yaml")
    assert items["submissions/a-ok.yaml"].relative == PurePath("a-ok.yaml")
    assert previous_for(items["submissions/a-ok.yaml"], Path("previous")) == Path("previous/a-ok.yaml")
    assert previous_for(items["submissions/units/e-ok.yaml"], Path("previous")) is None
    Path("previous/d-broken.yml").write_text("year: 2020\n", encoding="utf-8")
    assert previous_for(items["submissions/d-broken.yaml"], Path("previous")) == Path("previous/d-broken.yml")


def test_a_folder_or_pattern_without_reports_is_a_usage_error(sample: Path) -> None:
    Path("empty").mkdir()
    for argument in ("empty", "submissions/*.docx"):
        outcome = run("validate", argument, "--no-config")
        assert outcome.code == 2
        assert argument in outcome.stderr and "没有找到 .yaml、.yml 或 .xlsx 文件" in outcome.stderr


def test_missing_file_is_unreadable(sample: Path) -> None:
    outcome = run("validate", "missing.yaml", "--no-config", "--lang", "en")
    assert outcome.code == 2
    assert outcome.stdout.startswith("missing.yaml: error F001 cannot read the file: no such file")


def _mixed_folder(root: Path, copies: int) -> None:
    """``copies`` rounds of the sample submissions under one folder: valid, invalid and unreadable."""
    for index in range(copies):
        shutil.copytree("submissions", root / f"batch-{index:02d}")


@pytest.mark.parametrize("output_format", ["text", "json", "github", "junit", "sarif"])
def test_two_jobs_give_byte_identical_output(sample: Path, output_format: str) -> None:
    _mixed_folder(Path("many"), 8)  # 40 files
    common = ("validate", "many", "--format", output_format, "--waivers", "waivers.toml", "--no-config")
    serial = run(*common, "--jobs", "1")
    parallel = run(*common, "--jobs", "2")
    assert serial.code == parallel.code == 2
    assert serial.stdout == parallel.stdout
    assert serial.stdout.count("d-broken.yaml") >= 8


def test_two_jobs_with_last_years_folder(sample: Path) -> None:
    for index in range(6):
        shutil.copytree("submissions", f"this/{index}")
        shutil.copytree("previous", f"last/{index}")
    common = ("validate", "this", "--previous", "last", "--format", "json", "--no-config")
    serial, parallel, auto = run(*common, "--jobs", "1"), run(*common, "--jobs", "2"), run(*common)
    assert serial.stdout == parallel.stdout == auto.stdout
    assert serial.stdout.count('"code": "X101"') == 12


def test_automatic_jobs() -> None:
    assert worker_count(None, AUTO_MIN_FILES - 1) == 1
    assert worker_count(None, AUTO_MIN_FILES) >= 1
    assert worker_count(4, 2) == 2
    assert worker_count(1, 1000) == 1


def test_pool_windows_keep_the_order(sample: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reportgen.check import parallel

    monkeypatch.setattr(parallel, "WINDOW", 7)  # 40 files: six windows, the last one short
    _mixed_folder(Path("many"), 8)
    common = ("validate", "many", "--format", "json", "--no-config")
    assert run(*common, "--jobs", "2").stdout == run(*common, "--jobs", "1").stdout
