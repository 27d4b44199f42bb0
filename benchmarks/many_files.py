"""The many-files mode of ``benchmarks/validate.py``: the command line on a province's worth of files.

Times ``reportgen validate DIR`` (a separate process, as CI runs it) with ``--jobs 1`` and ``--jobs 2``
against the parse-only floor (a separate process that reads and composes every file with the loader
reportgen uses, in one process), and reports for each: wall seconds, files per second, CPU seconds
(all processes) and peak memory (the resident set of the largest process). Each run starts in a fresh
wrapper process so that the figures of one run never include another's.

The peak memory is measured at two sizes (a tenth of the files, then all of them): it must not grow
with the number of files.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

AIM_SECONDS = 60.0
AIM_RATIO = 2.0

_WRAPPER = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"code": done.returncode, "wall": wall, "cpu": usage.ru_utime + usage.ru_stime,
                  "peak_kib": usage.ru_maxrss}))
"""

_PARSE_FLOOR = """
import sys
from pathlib import Path
from reportgen.read.yaml_text import load_nodes
for path in sorted(Path(sys.argv[1]).rglob("*.yaml")):
    load_nodes(path)
"""


@dataclass
class Measure:
    """One run of one command."""

    label: str
    files: int
    code: int
    wall: float
    cpu: float
    peak_kib: int

    @property
    def rate(self) -> float:
        """Files per wall second."""
        return self.files / self.wall


def measure(label: str, files: int, command: list[str]) -> Measure:
    """Run ``command`` in a fresh wrapper process and collect its figures."""
    out = subprocess.run(
        [sys.executable, "-c", _WRAPPER, *command], capture_output=True, text=True, check=True
    )
    data = json.loads(out.stdout)
    return Measure(label, files, data["code"], data["wall"], data["cpu"], data["peak_kib"])


def _validate(directory: Path, jobs: int) -> list[str]:
    return [sys.executable, "-m", "reportgen", "validate", str(directory), "--jobs", str(jobs), "--no-config"]


def _floor(directory: Path) -> list[str]:
    return [sys.executable, "-c", _PARSE_FLOOR, str(directory)]


def _row(m: Measure) -> str:
    return f"{m.label:<22} {m.files:>7} {m.wall:9.2f} {m.rate:9.0f} {m.cpu:9.2f} {m.peak_kib / 1024:9.1f}"


def run_many(
    count: int, seed: int, generate: Callable[[Path, int, int], list[Path]], keep: Path | None
) -> int:
    """Generate ``count`` files (and a tenth of them), time the command line on both, print the figures."""
    small = max(1, count // 10)
    with tempfile.TemporaryDirectory(prefix="reportgen-many-") as temp:
        root = keep or Path(temp)
        big_dir, small_dir = root / f"units-{count}", root / f"units-{small}"
        for directory, size in ((big_dir, count), (small_dir, small)):
            directory.mkdir(parents=True, exist_ok=True)
            if len(list(directory.glob("*.yaml"))) != size:
                generate(directory, size, seed)
        measure("warm-up", small, _validate(small_dir, 1))  # file cache, byte-code
        rows: list[Measure] = []
        for directory, size in ((small_dir, small), (big_dir, count)):
            rows.append(measure("parse floor (1 proc.)", size, _floor(directory)))
            rows.append(measure("validate --jobs 1", size, _validate(directory, 1)))
            rows.append(measure("validate --jobs 2", size, _validate(directory, 2)))
    print(f"{'':22} {'files':>7} {'wall s':>9} {'files/s':>9} {'CPU s':>9} {'peak MiB':>9}")
    for row in rows:
        print(_row(row))
    failed = [row.label for row in rows if row.code not in (0,)]
    floor, one, two = rows[3], rows[4], rows[5]
    print(f"jobs 2 vs jobs 1:      {one.wall / two.wall:.2f}x faster")
    print(
        f"validate / parse:      {one.wall / floor.wall:.2f} (wall, --jobs 1), "
        f"{one.cpu / floor.cpu:.2f} (CPU); aim <= {AIM_RATIO:.1f}"
    )
    best = min(one.wall, two.wall)
    verdict = "ok" if best <= AIM_SECONDS else "above the aim"
    print(f"{count} files in {best:.1f} s (aim < {AIM_SECONDS:.0f} s: {verdict})")
    for jobs, (low, high) in ((1, (rows[1], rows[4])), (2, (rows[2], rows[5]))):
        growth = (
            f"{low.peak_kib / 1024:.1f} MiB ({small} files) -> {high.peak_kib / 1024:.1f} MiB ({count} files)"
        )
        print(f"peak memory --jobs {jobs}:  {growth}")
    if failed:
        print(f"unexpected exit codes: {', '.join(failed)}")
        return 1
    return 0
