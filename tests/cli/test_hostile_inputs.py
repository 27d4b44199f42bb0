"""Hostile inputs: links round folders, special files, very deep folders, outputs onto inputs.

Links and FIFOs cannot be committed portably, so each test makes its own in ``tmp_path`` and runs
the real command in a subprocess with a timeout: a hang fails the test instead of the run.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

VALID = Path(__file__).resolve().parents[1] / "data" / "valid-2021.yaml"

needs_links = pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt", reason="POSIX links")
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFOs")


def _run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``python -m reportgen ARGS`` in a subprocess that must finish within a minute, without a traceback."""
    completed = subprocess.run(
        [sys.executable, "-m", "reportgen", *(str(arg) for arg in args)],
        capture_output=True,
        cwd=cwd,
        timeout=60,
        check=False,
        encoding="utf-8",
    )
    assert "Traceback" not in completed.stdout + completed.stderr, completed.stderr
    return completed


def _files(completed: subprocess.CompletedProcess[str]) -> list[str]:
    data: Any = json.loads(completed.stdout)
    return [entry["file"] for entry in data["files"]]


def _snapshot(folder: Path) -> dict[str, bytes]:
    """The bytes of every regular file below ``folder`` (links and special files left alone)."""
    return {
        str(path): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.is_symlink()
    }


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """``s/a/r.yaml``, a valid report."""
    (tmp_path / "s" / "a").mkdir(parents=True)
    shutil.copy(VALID, tmp_path / "s" / "a" / "r.yaml")
    return tmp_path


@needs_links
@pytest.mark.parametrize("loops", [1, 2])
def test_a_glob_does_not_follow_links_round_a_loop(tree: Path, loops: int) -> None:
    for number in range(loops):
        os.symlink("..", tree / "s" / "a" / f"l{number}")
    before = _snapshot(tree)
    completed = _run("validate", "--no-config", "--format", "json", "s/**/*.yaml", cwd=tree)
    assert completed.returncode == 0, completed.stderr
    assert _files(completed) == ["s/a/r.yaml"]
    assert _snapshot(tree) == before


@needs_links
def test_a_folder_walk_skips_links_to_folders_and_takes_a_link_to_a_file_once(tree: Path) -> None:
    outside = tree / "outside"
    outside.mkdir()
    shutil.copy(VALID, outside / "o.yaml")
    os.symlink(outside, tree / "s" / "out")  # a link out of the tree: not followed
    os.symlink("..", tree / "s" / "a" / "up")  # a loop: not followed
    os.symlink(outside / "o.yaml", tree / "s" / "linked.yaml")  # a link to a file: read
    os.symlink("a/r.yaml", tree / "s" / "same.yaml")  # a second name of r.yaml: read once
    completed = _run("validate", "--no-config", "--format", "json", "s", "s/**/*.yaml", cwd=tree)
    assert completed.returncode == 0, completed.stderr
    assert _files(completed) == ["s/a/r.yaml", "s/linked.yaml"]


def test_a_folder_nested_1500_deep_is_walked(tmp_path: Path) -> None:
    folder = tmp_path / "deep"
    folder.mkdir()
    relative = Path(*["d"] * 1500)
    handle = os.open(folder, os.O_RDONLY)
    for _ in range(1500):  # one level at a time: os.makedirs itself recurses
        os.mkdir("d", dir_fd=handle)
        inner = os.open("d", os.O_RDONLY, dir_fd=handle)
        os.close(handle)
        handle = inner
    report = os.open("x.yaml", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=handle)
    os.write(report, VALID.read_bytes())
    os.close(report)
    os.close(handle)
    try:
        completed = _run("validate", "--no-config", "--format", "json", "deep", cwd=tmp_path)
        assert completed.returncode == 0, completed.stderr
        assert _files(completed) == [(Path("deep") / relative / "x.yaml").as_posix()]
        completed = _run("validate", "--no-config", "--format", "json", "deep/**/*.yaml", cwd=tmp_path)
        assert len(_files(completed)) == 1
    finally:  # bottom up: a recursive removal could hit the recursion limit
        (folder / relative / "x.yaml").unlink()
        for depth in range(1500, 0, -1):
            (folder / Path(*["d"] * depth)).rmdir()


@needs_fifo
def test_a_fifo_in_a_folder_is_reported_and_never_opened(tree: Path) -> None:
    os.mkfifo(tree / "s" / "b.yaml")
    shutil.copy(VALID, tree / "s" / "c.yaml")
    completed = _run("validate", "--no-config", "--lang", "en", "s", cwd=tree)
    assert completed.returncode == 2
    assert "s/b.yaml" in completed.stdout and "F001" in completed.stdout
    assert "not a regular file" in completed.stdout
    assert "s/c.yaml: valid" in completed.stdout and "s/a/r.yaml: valid" in completed.stdout
    assert "不是普通文件" in _run("validate", "--no-config", "s/b.yaml", cwd=tree).stdout


@needs_links
def test_a_link_to_a_device_is_not_opened(tree: Path) -> None:
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    os.symlink("/dev/zero", tree / "s" / "zero.yaml")  # reading it would never end
    completed = _run("validate", "--no-config", "--lang", "en", "s", "s/zero.yaml", cwd=tree)
    assert completed.returncode == 2
    assert "s/zero.yaml" in completed.stdout and "not a regular file" in completed.stdout


@needs_fifo
@pytest.mark.parametrize("option", ["--waivers", "--config"])
def test_a_fifo_as_waiver_or_configuration_file_is_refused(tree: Path, option: str) -> None:
    os.mkfifo(tree / "settings.toml")
    completed = _run("validate", option, "settings.toml", "--lang", "en", "s", cwd=tree)
    assert completed.returncode == 2
    assert "settings.toml: not a regular file" in completed.stderr + completed.stdout


def _clobber_cases(tree: Path) -> dict[str, tuple[list[str], str]]:
    shutil.copy(VALID, tree / "b.yaml")
    (tree / "prev").mkdir()
    shutil.copy(VALID, tree / "prev" / "b.yaml")
    (tree / "waivers.toml").write_text("", encoding="utf-8")
    (tree / "reportgen.toml").write_text("", encoding="utf-8")
    cases = {
        "an input": (["validate", "s/a/r.yaml", "b.yaml", "-o", "b.yaml"], "b.yaml"),
        "an input in a folder": (["validate", "s", "-o", "s/a/r.yaml"], "s/a/r.yaml"),
        "a file --previous": (
            ["validate", "b.yaml", "--previous", "prev/b.yaml", "-o", "prev/b.yaml"],
            "prev/b.yaml",
        ),
        "a file in --previous DIR": (
            ["validate", "b.yaml", "--previous", "prev", "-o", "prev/b.yaml"],
            "prev/b.yaml",
        ),
        "the waiver file": (
            ["validate", "b.yaml", "--waivers", "waivers.toml", "-o", "waivers.toml"],
            "waivers.toml",
        ),
        "the configuration file": (["validate", "b.yaml", "-o", "reportgen.toml"], "reportgen.toml"),
        "convert onto its input": (["convert", "b.yaml", "b.yaml", "--force"], "b.yaml"),
    }
    if hasattr(os, "symlink") and os.name != "nt":
        os.symlink("b.yaml", tree / "link.yaml")
        cases["an input through a link"] = (["validate", "b.yaml", "-o", "link.yaml"], "link.yaml")
        cases["convert onto a link to its input"] = (
            ["convert", "b.yaml", "link.yaml", "--force"],
            "link.yaml",
        )
    return cases


CLOBBER_NAMES = [
    "an input",
    "an input in a folder",
    "a file --previous",
    "a file in --previous DIR",
    "the waiver file",
    "the configuration file",
    "convert onto its input",
    "an input through a link",
    "convert onto a link to its input",
]


@pytest.mark.parametrize("name", CLOBBER_NAMES)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_output_onto_a_file_the_run_reads_is_refused(tree: Path, name: str, lang: str) -> None:
    cases = _clobber_cases(tree)
    if name not in cases:
        pytest.skip("POSIX links")
    args, target = cases[name]
    before = _snapshot(tree)
    completed = _run(*args, "--lang", lang, cwd=tree)
    assert completed.returncode == 2
    expected = "it will not be overwritten" if lang == "en" else "不会覆盖它"
    assert expected in completed.stderr + completed.stdout
    assert target in completed.stderr + completed.stdout
    assert _snapshot(tree) == before
    assert not completed.stdout.strip() or "→" not in completed.stdout  # nothing was checked or written
