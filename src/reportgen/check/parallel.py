"""Checking many files in one process or several, with the results in input order.

Workers return only findings (never the report), so memory stays flat however many files there
are; last year's report is read inside the worker that needs it.
"""

from __future__ import annotations

import itertools
import os
import signal
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..core.diagnostics import Diagnostic
from ..core.model import Report
from ..read.dispatch import read_report
from .validate import check_file, internal_error

AUTO_MIN_FILES = 64
"""Below this many files a single process is faster than starting workers."""


@dataclass(frozen=True, slots=True)
class FileTask:
    """One file to check, and last year's file to compare it with.

    ``paired`` marks a previous file found by name in ``--previous DIR``: its read failures are
    reported with the file. A single ``--previous FILE`` is validated once, by the caller.
    """

    path: Path
    previous: Path | None = None
    paired: bool = False


@dataclass(frozen=True, slots=True)
class Checked:
    """What checking one file found, before the run's policy and waivers: all a worker sends back."""

    path: str
    diagnostics: list[Diagnostic]
    format: str | None  # the format key of the report read, None when unreadable


_previous_reports: dict[Path, Report | None] = {}
"""The one ``--previous FILE`` read once per process; emptied when a run starts (see :func:`_start_run`)."""


def _start_run() -> None:
    _previous_reports.clear()


def _previous(task: FileTask) -> tuple[Report | None, list[Diagnostic]]:
    assert task.previous is not None
    if task.paired:
        read = read_report(task.previous)
        failures = [] if read.report else [d for d in read.diagnostics if d.code.startswith("F")]
        return read.report, failures
    if task.previous not in _previous_reports:
        _previous_reports[task.previous] = read_report(task.previous).report
    return _previous_reports[task.previous], []


def check_one(task: FileTask) -> Checked:
    """Check one file (against last year's when given), without keeping its report.

    An unexpected error is an F012 finding for the file, never an end of the run.
    """
    try:
        return _check_one(task)
    except Exception as error:  # e.g. reading last year's file failed unexpectedly
        return Checked(str(task.path), [internal_error(task.path, error)], None)


def _check_one(task: FileTask) -> Checked:
    previous, failures = _previous(task) if task.previous is not None else (None, [])
    report, diagnostics = check_file(task.path, previous)
    if failures:
        diagnostics = sorted([*diagnostics, *failures], key=Diagnostic.sort_key)
    return Checked(str(task.path), diagnostics, report.spec.key if report is not None else None)


def available_cores() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def worker_count(jobs: int | None, files: int) -> int:
    """How many processes to use: ``jobs`` as asked (at most one per file), or automatically."""
    if jobs is None:
        if files < AUTO_MIN_FILES:
            return 1
        return max(1, min(available_cores(), files // (AUTO_MIN_FILES // 2)))
    return max(1, min(jobs, files))


def _start_worker() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops the pool
    _start_run()


WINDOW = 1024
"""Tasks handed to the pool at a time: two windows are in flight, so memory stays flat."""


def check_all(tasks: Iterable[FileTask], count: int, jobs: int) -> Iterator[Checked]:
    """The result of each of the ``count`` tasks, in task order, computed by ``jobs`` processes.

    The pool gets the tasks a window at a time, the next window while the results of the current
    one are read, so the workers never wait and no more than two windows are held.
    """
    if jobs <= 1:
        _start_run()
        for task in tasks:
            yield check_one(task)
        return
    import multiprocessing  # only when several processes are wanted: it is slow to import

    chunk = max(1, min(32, count // (jobs * 8)))
    stream = iter(tasks)
    with multiprocessing.get_context().Pool(jobs, initializer=_start_worker) as pool:
        current: Iterator[Checked] | None = None
        while window := list(itertools.islice(stream, WINDOW)):
            following = pool.imap(check_one, window, chunksize=chunk)
            if current is not None:
                yield from current
            current = following
        if current is not None:
            yield from current
