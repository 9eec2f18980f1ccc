"""BENCHMARKS.md is written by several benchmarks, each owning one section under its own heading."""

from __future__ import annotations


def replace_section(report: str, heading: str, lines: list[str]) -> str:
    """`report` with the section under `heading` replaced by `lines` (up to the next "## "), or with them added
    at the end when it has no such section."""
    text = "\n".join(lines)
    start = report.find(heading)
    if start < 0:
        return report.rstrip("\n") + "\n\n" + text
    end = report.find("\n## ", start + len(heading))
    return report[:start] + text + ("" if end < 0 else report[end:])
