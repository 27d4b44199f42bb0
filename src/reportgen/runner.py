"""One validation run: check the inputs, apply the rule policy and waivers, stream the report.

Each result is counted and formatted as soon as it arrives, then dropped, so memory does not grow
with the number of files. The formatted body goes straight to the output unless the format needs
the totals first; it is then spooled to a temporary file and written after the head.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterator
from typing import TextIO

from .batch import Task, check_all, worker_count
from .inputs import InputFile, previous_for
from .output.base import Formatter
from .summary import Summary
from .validate import FileResult, Options, validate_file
from .waivers import WaiverBook

SPOOL_BYTES = 8 * 1024 * 1024
"""Deferred output kept in memory up to this size, then on disk."""


def plan(inputs: list[InputFile], options: Options, previous_readable: bool = True) -> Iterator[Task]:
    """The tasks of a run, made as they are needed: each file with its previous-year file, if any."""
    previous = options.previous
    if previous is not None and previous.is_dir():
        return (Task(item.path, previous_for(item, previous), paired=True) for item in inputs)
    shared = previous if previous_readable else None
    return (Task(item.path, shared) for item in inputs)


def _previous_result(options: Options) -> FileResult | None:
    if options.previous is None or options.previous.is_dir():
        return None
    result = validate_file(options.previous)
    result.report = None
    result.diagnostics = options.policy.apply(result.diagnostics)
    return result


def run_validation(
    inputs: list[InputFile],
    options: Options,
    formatter: Formatter,
    out: TextIO,
    *,
    progress: Callable[[], None] | None = None,
) -> Summary:
    """Validate ``inputs`` and write the formatted report to ``out``; returns the run's totals."""
    summary = Summary(options.failing, _previous_result(options))
    tasks = plan(inputs, options, previous_readable=not summary.previous_unreadable)
    book = WaiverBook(options.waivers)
    deferred = formatter.summary_first
    with tempfile.SpooledTemporaryFile(SPOOL_BYTES, mode="w+", encoding="utf-8") as spool:
        body: TextIO = spool if deferred else out  # type: ignore[assignment]
        if not deferred:
            out.write(formatter.head(summary))
        count = len(inputs)
        for result in check_all(tasks, count, worker_count(options.jobs, count)):
            result.diagnostics = options.policy.apply(result.diagnostics)
            book.apply(result)
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
