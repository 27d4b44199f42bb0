"""Running reportgen as others do: python -m, the console script, a pre-commit hook, a terminal."""

from __future__ import annotations

import os
import pty
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from cihelp import DATA, run_process

REPO = Path(__file__).resolve().parents[2]


def test_python_m_is_the_console_script(sample: Path) -> None:
    for args in (
        ("validate", "submissions", "--previous", "previous", "--no-config"),
        ("validate", "submissions", "--format", "sarif", "--no-config"),
        ("validate", "--help"),
        ("--version",),
    ):
        module = run_process(*args, cwd=sample)
        script = run_process(*args, cwd=sample, module=False)
        assert (module.returncode, module.stdout, module.stderr) == (
            script.returncode,
            script.stdout,
            script.stderr,
        )
    assert "Usage: reportgen validate" in run_process("validate", "--help", cwd=sample).stdout


def _hook() -> dict:  # type: ignore[type-arg]
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = [h for h in hooks if h["id"] == "reportgen-validate"]
    return hook  # type: ignore[no-any-return]


def test_the_hooks_entry_on_good_and_bad_files(sample: Path) -> None:
    """What pre-commit runs: the entry followed by the staged files that match ``files``."""
    import re

    hook = _hook()
    pattern = re.compile(hook["files"])
    staged = sorted(p.as_posix() for p in Path("submissions").rglob("*") if p.is_file())
    matched = [name for name in staged if pattern.search(name)]
    assert "submissions/notes.txt" not in matched and "submissions/units/e-ok.yaml" in matched
    entry = shlex.split(hook["entry"])
    script = str(Path(sys.executable).with_name(entry[0]))
    good = subprocess.run(
        [script, *entry[1:], "submissions/a-ok.yaml", "submissions/units/e-ok.yaml"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert good.returncode == 0, good.stdout
    bad = subprocess.run([script, *entry[1:], *matched], capture_output=True, text=True, check=False)
    assert bad.returncode == 2  # d-broken.yaml is malformed
    assert "submissions/b-total.yaml:25:33: 错误 T303" in bad.stdout


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_pre_commit_try_repo(tmp_path: Path) -> None:
    """``pre-commit try-repo`` installs this repository as a hook and runs it (needs the package index)."""
    pytest.importorskip("pre_commit")
    work = tmp_path / "office"
    shutil.copytree(DATA / "submissions", work / "submissions")
    (work / "submissions" / "d-broken.yaml").unlink()
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    for command in (["git", "init", "-q"], ["git", "add", "."], ["git", "commit", "-qm", "units"]):
        subprocess.run(command, cwd=work, check=True, env=env)
    pre_commit = [sys.executable, "-m", "pre_commit", "try-repo", str(REPO), "reportgen-validate"]
    bad = subprocess.run(
        [*pre_commit, "--all-files"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "reportgen validate" in bad.stdout and "Failed" in bad.stdout
    assert "submissions/b-total.yaml:25:33: 错误 T303" in bad.stdout
    good = subprocess.run(
        [*pre_commit, "--files", "submissions/a-ok.yaml", "submissions/c-blank.yaml"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout


def _on_terminal(args: list[str], cwd: Path) -> tuple[int, str, str]:
    """Run the command with stderr on a pseudo-terminal; (exit code, stdout, what the terminal got)."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "reportgen", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=follower,
        text=True,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    stdout, _ = process.communicate()
    os.close(leader)
    return process.returncode, stdout, b"".join(chunks).decode("utf-8", "replace")


def test_progress_bar_on_a_terminal_only(sample: Path) -> None:
    for index in range(5):
        shutil.copytree("submissions", f"many/{index}")
    args = ["validate", "many", "--no-config", "--jobs", "1"]
    code, stdout, terminal = _on_terminal(args, sample)
    assert code == 2
    assert "reportgen" in terminal and "100%" in terminal
    assert stdout == run_process(*args, cwd=sample).stdout  # the report itself is unchanged
    assert run_process(*args, cwd=sample).stderr == ""  # not a terminal: silent
    assert "100%" not in _on_terminal([*args, "--quiet"], sample)[2]
    assert "100%" not in _on_terminal(["validate", "submissions", "--no-config"], sample)[2]  # few files


def test_validate_loads_no_heavy_or_config_libraries(sample: Path) -> None:
    code = (
        "import sys\n"
        "from reportgen.cli import main\n"
        "try:\n"
        "    main(['validate', 'submissions', '--previous', 'previous', '--format', 'sarif', '-j', '1'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = ('pydantic', 'docx', 'openpyxl', 'jinja2')\n"
        "print(sorted(name for name in heavy if name in sys.modules), file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=sample, capture_output=True, text=True, check=False
    )
    assert result.stderr.strip() == "[]"
    Path("reportgen.toml").write_text('lang = "en"\n', encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=sample, capture_output=True, text=True, check=False
    )
    assert result.stderr.strip() == "['pydantic']"
