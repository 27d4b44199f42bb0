"""Scanning speed of the narrative check: how long ``find_mentions`` takes on about 1 MB of text.

Two texts of ``--size`` characters are scanned:

* report: the narrative texts of ``examples/2021.yaml`` (a whole report's prose, about one quoted
  figure per 120 characters) repeated;
* dense: paragraphs packed with figures, approximate numbers, percentages, dates and counts of
  other things (a figure every 20 characters or so), a worst case for real prose.

The aim is well under 0.5 s for 1 MB of report text.

    python benchmarks/narrative.py [--size CHARS] [--repeat R]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import yaml

from reportgen.check.rules.narrative_scan import find_mentions

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "2021.yaml"
DENSE = (
    "依申请公开方面。全年新收政府信息公开申请170件，上年结转4件；办结168件，其中予以公开51件、部分公开10件，"
    "其余按照《条例》规定分别作出不予公开、无法提供、不予处理等答复；结转下年度继续办理6件。",
    "主动公开方面。全年通过门户网站、政务新媒体等渠道主动公开政府信息2300余条，其中制发行政规范性文件6件、"
    "废止2件，现行有效行政规范性文件31件。及时公开行政许可决定18436件、行政处罚决定1275件、行政强制决定214件。",
    "监督保障方面。组织专题培训2次，参训人员120余人次；依申请公开答复率100%，同比增长12%。"
    "报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。",
    "全年被申请行政复议6件，被提起行政诉讼6件，其中未经复议直接起诉4件、复议后起诉2件；行政事业性收费3.85万元。",
)


def _text(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _time(text: str, repeat: int) -> tuple[float, int]:
    best, mentions = float("inf"), 0
    for _ in range(repeat):
        started = time.perf_counter()
        mentions = len(find_mentions(text, 2021))
        best = min(best, time.perf_counter() - started)
    return best, mentions


def main() -> None:
    """Time the scan of both texts and print characters, mentions and seconds."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="characters of text (default 1,000,000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs; the best counts (default 3)")
    args = parser.parse_args()
    texts = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))["text"]
    report = "\n\n".join(str(value) for value in texts.values()) + "\n\n"
    for name, unit in (("report", report), ("dense", "\n\n".join(DENSE) + "\n\n")):
        text = _text(unit, args.size)
        seconds, mentions = _time(text, args.repeat)
        print(f"{name:>6}: {len(text):,} characters, {mentions:,} mentions: {seconds:.3f} s")


if __name__ == "__main__":
    main()
