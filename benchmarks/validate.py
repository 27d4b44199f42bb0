"""Validation throughput against plain YAML parsing of the same files.

Generates N valid report files (both formats, varied numbers, rows as lists or mappings, totals
written or left to the tool), then times, in one process:

* parse only: reading and composing every file with the loader reportgen uses
  (``reportgen.read.yaml_text.load_nodes``);
* validation: ``reportgen.check.validate.validate_file`` on every file (reading, composing, building the
  report and checking every rule).

It prints files per second for both and their ratio (validation time / parse time). The aim is a
ratio of at most 2.0: checking a report should cost no more than parsing it once more.

    python benchmarks/validate.py [--files N] [--keep DIR] [--seed S] [--repeat R]

Files are timed in chunks of 100: each chunk is parsed and validated R times (default 3),
alternately, and the best of each counts (robust against other load on a shared machine).

Many-files mode (``benchmarks/many_files.py``): ``--many [N]`` (default 10,000, a province's worth)
times the command line, ``reportgen validate DIR`` in its own process, with ``--jobs 1`` and
``--jobs 2`` against the parse-only floor, at N/10 and N files: files per second, the
validate/parse ratio, CPU seconds and peak memory (which must not grow with the number of files).
Aim: 10,000 files in under a minute on two cores.

    python benchmarks/validate.py --many [N] [--keep DIR] [--seed S]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from reportgen.check.validate import validate_file
from reportgen.read.yaml_text import load_nodes
from reportgen.spec import FORMATS, FormatSpec, Record, ValueKind
from reportgen.spec.types import Field, KeyTree, MatrixTable, key_tree

AIM = 2.0

AGENCIES = (
    "江北市市场监督管理局",
    "营口市档案局",
    "东湖区人民政府",
    "临川县自然资源局",
    "南山市生态环境局",
    "青石镇人民政府",
    "西岭市交通运输局",
    "北江省卫生健康委员会",
    "河口区教育局",
    "云阳县人力资源和社会保障局",
)

SENTENCES = (
    "{year}年，{agency}坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《条例》要求。",
    "全年通过门户网站、政务新媒体等渠道主动公开政府信息{n}余条，及时回应社会关切。",
    "严格执行政府信息公开属性源头认定和发布前保密审查制度，对拟公开信息实行“三审”把关。",
    "优化门户网站政府信息公开专栏，调整完善“法定主动公开内容”栏目设置。",
    "将政务公开工作纳入年度绩效考核，组织专题培训{m}次，参训人员{n}余人次。",
    "全年新收政府信息公开申请{new}件，所有申请均在法定期限内答复，答复书均载明依据和救济途径。",
    "组织开展行政规范性文件清理，及时更新现行有效文件目录，对已废止、失效文件作出标注。",
    "加强政务微博、微信公众号日常管理，全年未发生信息发布安全事故。",
    "畅通社会评议渠道，认真办理公众对公开工作的意见建议{m}条。",
)
PROBLEMS = (
    "存在的主要问题：一是部分单位对政府信息公开工作重视程度仍然不够；二是公开内容的解读和回应不够充分。",
    "改进措施：一是加强政策解读和回应关切；二是持续开展业务培训，提高工作人员依法公开、规范答复的能力。",
    "上年度问题整改情况：针对栏目更新不够及时等问题，制定了栏目更新责任清单，实行每月巡查通报。",
)
OTHER_MATTERS = (
    "本年度未收取信息处理费，无其他需要报告的事项。",
    "本年度未收取信息处理费。\n\n无其他需要报告的事项。",
)


def _count(rng: random.Random, scale: int) -> int:
    """A count as reports have them: often 0, mostly small, now and then large."""
    roll = rng.random()
    if roll < 0.3:
        return 0
    if roll < 0.9:
        return rng.randint(1, max(1, scale // 10))
    return rng.randint(scale // 10, scale)


def _number(rng: random.Random, fld: Field, scale: int) -> int | Decimal:
    if fld.kind is ValueKind.AMOUNT:
        return Decimal(rng.randint(0, 500_000)) / 100
    if fld.kind is ValueKind.SIGNED:
        return rng.randint(-5, 5)
    return _count(rng, scale)


def _values(rng: random.Random, spec: FormatSpec) -> dict[tuple[str, str], int | Decimal]:
    """Numbers for every cell of ``spec`` that satisfy all its rules."""
    values: dict[tuple[str, str], int | Decimal] = {}
    balanced = {rid for table in spec.tables for b in getattr(table, "balances", ()) for rid in b.lhs}
    for table in spec.tables:
        scale = 80 if isinstance(table, MatrixTable) else 3000  # applications are few, decisions many
        for record in table.records:
            if record.derived or record.id in balanced:
                continue
            for fld in record.fields:
                if not fld.derived:
                    values[(record.id, fld.key)] = _number(rng, fld, scale)
    for check in spec.at_least:
        greater, lesser = (check.record, check.greater), (check.record, check.lesser)
        values[greater] = values[greater] + values[lesser]
    for record in spec.records:
        if record.derived:
            for fld in record.fields:
                if not fld.derived:
                    values[(record.id, fld.key)] = sum(values[(part, fld.key)] for part in record.sum_of)
    for table in spec.tables:
        for balance in getattr(table, "balances", ()):
            for fld in spec.record(balance.lhs[0]).fields:
                if fld.derived:
                    continue
                remaining = sum(values[(rid, fld.key)] for rid in balance.rhs)
                for rid in balance.lhs[1:]:
                    share = rng.randint(0, min(int(remaining), 10))
                    values[(rid, fld.key)] = share
                    remaining -= share
                values[(balance.lhs[0], fld.key)] = remaining
    for record in spec.records:
        for fld in record.fields:
            if fld.derived:
                values[(record.id, fld.key)] = sum(values[(record.id, part)] for part in fld.sum_of)
    return values


def _text(value: int | Decimal) -> str:
    return f"{value:f}" if isinstance(value, Decimal) else str(value)


def _record_line(rng: random.Random, record: Record, key: str, indent: str, values: dict) -> str:  # type: ignore[type-arg]
    omit_total = rng.random() < 0.3
    fields = [f for f in record.fields if not (f.derived and omit_total)]
    comment = f"  # {record.labels[-1]}"
    if record.accepts_list and rng.random() < 0.6:
        items = ", ".join(_text(values[(record.id, f.key)]) for f in fields)
        return f"{indent}{key}: [{items}]{comment}"
    items = ", ".join(f"{f.key}: {_text(values[(record.id, f.key)])}" for f in fields)
    return f"{indent}{key}: {{{items}}}{comment}"


def _tree_lines(rng: random.Random, tree: KeyTree, indent: str, values: dict) -> list[str]:  # type: ignore[type-arg]
    lines: list[str] = []
    for key, child in tree.items():
        if isinstance(child, Record):
            if child.derived and rng.random() < 0.3:
                continue  # a derived row the tool computes
            lines.append(_record_line(rng, child, key, indent, values))
        else:
            lines.append(f"{indent}{key}:")
            lines.extend(_tree_lines(rng, child, indent + "  ", values))
    return lines


def _paragraphs(rng: random.Random, pool: tuple[str, ...], count: int, size: int, **fill: str) -> str:
    """``count`` paragraphs of 1 to ``size`` sentences drawn from ``pool``."""
    return "\n\n".join(
        "".join(
            rng.choice(pool).format(n=rng.randint(10, 5000), m=rng.randint(1, 20), **fill)
            for _ in range(rng.randint(1, size))
        )
        for _ in range(count)
    )


def _block(text: str) -> str:
    return "|\n" + "\n".join(f"    {line}" if line else "" for line in text.split("\n"))


def report_text(rng: random.Random) -> str:
    """The YAML text of one valid report with random but consistent numbers."""
    spec = FORMATS[rng.choice(tuple(FORMATS))]
    first, last = spec.years
    year = rng.randint(first, last if last is not None else first + 4)
    agency = rng.choice(AGENCIES)
    values = _values(rng, spec)
    new_received = spec.record("applications.new_received")
    new = sum(values[(new_received.id, f.key)] for f in new_received.fields if not f.derived)  # 新收申请
    # Section 五 always says what became of last year's problems (C009).
    problems = PROBLEMS[-1] + "\n\n" + _paragraphs(rng, PROBLEMS, rng.randint(1, 3), 2)
    overview = _paragraphs(rng, SENTENCES, rng.randint(3, 7), 4, year=str(year), agency=agency, new=str(new))
    lines = [
        f"year: {year}",
        f'format: "{spec.key}"' if rng.random() < 0.5 else "# format chosen by year",
        f"agency: {agency}",
        "kind: department",
        f"date: {year + 1}-01-{rng.randint(10, 31)}",
        "text:",
        f"  overview: {_block(overview)}",
        f"  problems: {_block(problems)}",
        f"  other_matters: {_block(rng.choice(OTHER_MATTERS))}",
    ]
    for table in spec.tables:
        lines.append("")
        lines.append(f"{table.key}:  # 表{table.number} {table.title}")
        lines.extend(_tree_lines(rng, key_tree(table), "  ", values))
    return "\n".join(lines) + "\n"


def generate(directory: Path, count: int, seed: int) -> list[Path]:
    """Write ``count`` valid report files into ``directory``."""
    rng = random.Random(seed)
    paths = []
    for index in range(count):
        path = directory / f"report-{index:05d}.yaml"
        path.write_text(report_text(rng), encoding="utf-8")
        paths.append(path)
    return paths


CHUNK = 100
"""Files per timed chunk."""


def _pass(paths: list[Path], work: Callable[[Path], object]) -> tuple[float, float]:
    """Wall and CPU seconds of one pass of ``work`` over ``paths``."""
    wall, cpu = time.perf_counter(), time.process_time()
    for path in paths:
        work(path)
    return time.perf_counter() - wall, time.process_time() - cpu


def _time(paths: list[Path], repeat: int) -> dict[str, tuple[float, float]]:
    """Wall and CPU seconds of parsing and of validating every file.

    The files go in chunks of ``CHUNK``; each chunk is parsed and validated ``repeat`` times,
    alternately, and the best time of each counts. A burst of load from other processes on a
    shared machine then spoils one pass of one chunk, not a whole measurement, and hits parsing
    and validation alike.
    """
    totals = {"parse": [0.0, 0.0], "validate": [0.0, 0.0]}
    for start in range(0, len(paths), CHUNK):
        chunk = paths[start : start + CHUNK]
        best = {name: [float("inf"), float("inf")] for name in totals}
        for _ in range(repeat):
            for name, work in (("parse", load_nodes), ("validate", validate_file)):
                wall, cpu = _pass(chunk, work)
                best[name] = [min(best[name][0], wall), min(best[name][1], cpu)]
        for name in totals:
            totals[name] = [totals[name][0] + best[name][0], totals[name][1] + best[name][1]]
    return {name: (wall, cpu) for name, (wall, cpu) in totals.items()}


def _check_clean(paths: list[Path]) -> None:
    for path in paths:
        result = validate_file(path)
        if result.diagnostics:
            first = result.diagnostics[0]
            sys.exit(f"generated file is not clean: {path}: {first.code} {first.location} {first.cell}")


def main(argv: list[str] | None = None) -> int:
    """Generate, time and print the figures."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--files", type=int, default=2000, help="number of report files (default 2000)")
    parser.add_argument("--keep", type=Path, help="write the files into DIR and keep them")
    parser.add_argument("--seed", type=int, default=20211231)
    parser.add_argument("--repeat", type=int, default=3, help="passes per measurement; the best counts")
    parser.add_argument(
        "--many", type=int, nargs="?", const=10_000, metavar="N", help="many-files mode (default N: 10000)"
    )
    args = parser.parse_args(argv)
    if args.many:
        from many_files import run_many

        return run_many(args.many, args.seed, generate, args.keep)

    with tempfile.TemporaryDirectory(prefix="reportgen-bench-") as temp:
        directory = args.keep or Path(temp)
        directory.mkdir(parents=True, exist_ok=True)
        paths = generate(directory, args.files, args.seed)
        size = sum(path.stat().st_size for path in paths)
        _check_clean(paths[: min(len(paths), 200)])
        _time(paths[:50], 1)  # warm-up: imports, caches
        best = _time(paths, max(1, args.repeat))

    count = len(paths)
    (parse, parse_cpu), (validate, validate_cpu) = best["parse"], best["validate"]
    ratio = validate / parse
    print(f"files:       {count} ({size / count / 1024:.1f} KiB on average, {directory})")
    print(f"passes:      best of {max(1, args.repeat)} per chunk of {CHUNK} files, alternating")
    print(f"{'':12} {'seconds':>9} {'files/s':>10} {'CPU s':>9}")
    print(f"{'parse only':12} {parse:9.3f} {count / parse:10.0f} {parse_cpu:9.3f}")
    print(f"{'validate':12} {validate:9.3f} {count / validate:10.0f} {validate_cpu:9.3f}")
    verdict = "ok" if ratio <= AIM else "above the aim"
    print(f"ratio:       {ratio:.2f} (validate time / parse time; aim <= {AIM:.1f}: {verdict})")
    print(f"CPU ratio:   {validate_cpu / parse_cpu:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
