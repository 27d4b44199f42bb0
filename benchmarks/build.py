"""Time to build the two example reports to every output format, per format.

For each example it times, in one process:

* read + validate: ``reportgen.check.validate.validate_file`` (what ``build`` does first);
* each renderer alone (``docx``, ``html``, ``md``) on the validated report, document in memory;
* the whole build to all formats (``reportgen.api.build.run_build``: validate, render, write atomically).

The first call of each step (imports, template compilation) is reported apart as "first"; the
other figures are the median and the best of ``--repeat`` runs. A separate line times the command
as a user runs it (``python -m reportgen build … --to docx,html,md``), interpreter start included.

    python benchmarks/build.py [--repeat R]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from reportgen.api.build import RENDERERS, BuildOptions, RenderOptions, run_build
from reportgen.check.validate import validate_file

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = (ROOT / "examples" / "2020.yaml", ROOT / "examples" / "2021.yaml")


def _times(step: Callable[[], object], repeat: int) -> tuple[float, float, float]:
    """Seconds of the first call, then the median and the best of ``repeat`` more."""
    start = time.perf_counter()
    step()
    first = time.perf_counter() - start
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        step()
        runs.append(time.perf_counter() - start)
    return first, statistics.median(runs), min(runs)


def _row(example: str, step: str, times: tuple[float, float, float], size: int | None = None) -> str:
    first, median, best = (value * 1000 for value in times)
    kb = f"{size / 1024:8.1f}" if size is not None else " " * 8
    return f"{example:<10} {step:<22} {first:9.1f} {median:9.1f} {best:9.1f} {kb}"


def main() -> None:
    """Print the timing table."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=20, help="timed runs after the first (default 20)")
    args = parser.parse_args()

    print(f"reportgen build benchmark, Python {sys.version.split()[0]}, {args.repeat} runs after the first")
    print(f"{'example':<10} {'step':<22} {'first ms':>9} {'median ms':>9} {'best ms':>9} {'size KiB':>8}")
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        for source in EXAMPLES:
            print(_row(source.name, "read + validate", _times(partial(validate_file, source), args.repeat)))
            report = validate_file(source).report
            assert report is not None
            for name, output in RENDERERS.items():
                size = len(output.render(report, RenderOptions()))
                times = _times(partial(output.render, report, RenderOptions()), args.repeat)
                print(_row(source.name, f"render {name}", times, size))
            options = BuildOptions(out, tuple(RENDERERS))
            times = _times(partial(run_build, source, options), args.repeat)
            print(_row(source.name, "build all (in process)", times))
        for source in EXAMPLES:
            command = [
                sys.executable,
                "-m",
                "reportgen",
                "build",
                str(source),
                "-o",
                str(out),
                "--to",
                "docx,html,md",
            ]
            runs = []
            for _ in range(max(3, args.repeat // 4)):
                start = time.perf_counter()
                subprocess.run(command, check=True, capture_output=True)
                runs.append(time.perf_counter() - start)
            median = statistics.median(runs)
            print(_row(source.name, "command, all formats", (runs[0], median, min(runs))))


if __name__ == "__main__":
    main()
