#!/usr/bin/env python3
"""How a page's cost grows with its content (issue 17), from pages_bench's JSON.

Usage: growth.py GBENCH_JSON

Prints a Markdown table: for the child page at 1, 10 and 40 years' worth of
history and the sitting page at 7, 14 and 28 hearings (BM_ChildPageByYears,
BM_SittingPageByHearings; each page built, none kept), the median CPU time,
the page's bytes, and each against the smallest: the cost grows no faster
than the content when the cost's ratio is no larger than the content's.
"""
import json
import sys


def medians(path):
    with open(path) as f:
        report = json.load(f)
    out = {}
    for b in report.get("benchmarks", []):
        if b.get("aggregate_name") != "median" or b.get("error_occurred"):
            continue
        scale = {"us": 1.0, "ms": 1000.0, "ns": 0.001}[b.get("time_unit", "us")]
        out[b["run_name"]] = (b["cpu_time"] * scale, b.get("bytes", 0.0))
    return out


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    found = medians(sys.argv[1])
    rows = [("child page", "BM_ChildPageByYears", [1, 10, 40],
             lambda n: f"{n} year's worth of history" if n == 1 else f"{n} years' worth of history"),
            ("sitting page", "BM_SittingPageByHearings", [7, 14, 28], lambda n: f"{n} hearings")]
    print("| page | content | CPU per page | bytes | CPU × | content × | bytes × |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for page, name, args, unit in rows:
        first = None
        for arg in args:
            m = found.get(f"{name}/{arg}")
            if m is None:
                print(f"| {page} | {unit(arg)} | not measured | | | | |")
                continue
            cpu, size = m
            if first is None:
                first = (arg, cpu, size)
            print(f"| {page} | {unit(arg)} | {cpu:,.0f} µs | {size / 1024:,.0f} KB | "
                  f"{cpu / first[1]:.2f} | {arg / first[0]:.0f} | {size / max(first[2], 1):.2f} |")


if __name__ == "__main__":
    main()
