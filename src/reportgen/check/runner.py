"""One validation run: check the inputs, apply the rule policy and waivers, stream the report.

The command line and the library run the same pipeline (:func:`check_inputs`): each result is
counted and formatted as soon as it arrives, then dropped, so memory does not grow with the number
of files. The formatted body goes straight to the output unless the format needs the totals first;
it is then spooled to a temporary file and written after the head.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TextIO

from ..read.inputs import InputFile, previous_for
from .parallel import FileTask, check_all, worker_count
from .reporters.base import Reporter
from .results import FileResult, RunResult
from .totals import RunTotals
from .validate import Options, check_file
from .waivers import WaiverBook

SPOOL_BYTES = 8 * 1024 * 1024
"""Deferred output kept in memory up to this size, then on disk."""


def plan(inputs: list[InputFile], options: Options, previous_readable: bool = True) -> Iterator[FileTask]:
    """The tasks of a run, made as they are needed: each file with its previous-year file, if any."""
    previous = options.previous
    if previous is not None and previous.is_dir():
        return (FileTask(item.path, previous_for(item, previous), paired=True) for item in inputs)
    shared = previous if previous_readable else None
    return (FileTask(item.path, shared) for item in inputs)


def previous_result(options: Options) -> FileResult | None:
    """The findings of a single ``--previous FILE`` (None for none, or for a folder)."""
    if options.previous is None or options.previous.is_dir():
        return None
    report, diagnostics = check_file(options.previous)
    return FileResult(
        str(options.previous), options.policy.apply(diagnostics), format=report.spec.key if report else None
    )


def check_inputs(
    inputs: list[InputFile], options: Options, previous: FileResult | None, book: WaiverBook
) -> Iterator[FileResult]:
    """The result of each input in order, with the rule policy and the waivers of ``book`` applied."""
    tasks = plan(inputs, options, previous_readable=previous is None or not previous.unreadable)
    count = len(inputs)
    for checked in check_all(tasks, count, worker_count(options.jobs, count)):
        kept, waived = book.apply(checked.path, options.policy.apply(checked.diagnostics))
        yield FileResult(checked.path, kept, None, waived, checked.format)


def run_validation(
    inputs: list[InputFile],
    options: Options,
    formatter: Reporter,
    out: TextIO,
    *,
    progress: Callable[[], None] | None = None,
) -> RunTotals:
    """Validate ``inputs`` and write the formatted report to ``out``; returns the run's totals."""
    summary = RunTotals(options.failing, previous_result(options))
    book = WaiverBook(options.waivers)
    deferred = formatter.summary_first
    with tempfile.SpooledTemporaryFile(SPOOL_BYTES, mode="w+", encoding="utf-8") as spool:
        body: TextIO = spool if deferred else out  # type: ignore[assignment]
        if not deferred:
            out.write(formatter.head(summary))
        for result in check_inputs(inputs, options, summary.previous, book):
            summary.add(result)
            body.write(formatter.file(result, summary))
            if progress is not None:
                progress()
        summary.stale = book.stale()
        if deferred:
            out.write(formatter.head(summary))
            spool.seek(0)
            shutil.copyfileobj(spool, out)
    out.write(formatter.tail(summary))
    return summary


def validate_files(paths: list[Path], options: Options) -> RunResult:
    """Validate files as ``reportgen validate`` does (policy, waivers, jobs), keeping every result."""
    summary = RunTotals(options.failing, previous_result(options))
    inputs = [InputFile("", str(path)) for path in paths]
    files: list[FileResult] = []
    for result in check_inputs(inputs, options, summary.previous, WaiverBook(options.waivers)):
        summary.add(result)
        files.append(result)
    return RunResult(files, summary.previous, summary.exit_code())
