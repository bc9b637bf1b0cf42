"""A fuzz campaign: ``python -m tests.fuzz [--examples N] [--profile ci|campaign] [PYTEST ARGS]``.

Runs the property tests of ``tests/fuzz`` with the ``campaign`` profile (``N`` cases per
property, default 2000, random) and prints how many cases each property ran, from Hypothesis's
statistics. Failing examples are kept in ``.hypothesis/`` and replayed first next time. The exit
status is pytest's. Example: ``python -m tests.fuzz --examples 5000 -k read``.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

FOLDER = Path(__file__).resolve().parent
ROOT = FOLDER.parents[1]
_TEST = re.compile(r"^(tests/fuzz/\S+::\S+):$")
_COUNTS = re.compile(r"- (\d+) passing examples?, (\d+) failing examples?, (\d+) invalid examples?")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.fuzz", description=__doc__.split("\n")[0])
    parser.add_argument("--examples", type=int, default=2000, help="cases per property")
    parser.add_argument("--profile", choices=["ci", "campaign"], default="campaign")
    args, pytest_args = parser.parse_known_args(argv)
    env = dict(os.environ, ACCORD_FUZZ_PROFILE=args.profile,
               ACCORD_FUZZ_EXAMPLES=str(args.examples))
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
               "--hypothesis-show-statistics", str(FOLDER.relative_to(ROOT)), *pytest_args]
    with subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True) as process:
        assert process.stdout is not None
        lines, in_statistics = [], False
        for line in process.stdout:
            if "Hypothesis Statistics" in line or in_statistics and line.startswith("="):
                in_statistics = "Hypothesis Statistics" in line
            if not in_statistics and not re.match(r"\d+ (passed|failed)", line):
                sys.stdout.write(line)  # the statistics are summarised below
            lines.append(line.rstrip("\n"))
    rows = _statistics(lines)
    width = max((len(name) for name in rows), default=10)
    print(f"\n{'property':<{width}}  {'passing':>8}  {'failing':>7}  {'invalid':>7}")
    for name, (passing, failing, invalid) in rows.items():
        print(f"{name:<{width}}  {passing:>8}  {failing:>7}  {invalid:>7}")
    total = sum(passing + failing for passing, failing, _invalid in rows.values())
    print(next((line for line in reversed(lines) if re.match(r"\d+ (passed|failed)", line)), ""))
    print(f"{len(rows)} properties, {total} cases run (profile {args.profile}, "
          f"{args.examples if args.profile == 'campaign' else 'ci'} per property)")
    return process.returncode


def _statistics(lines: list[str]) -> dict[str, tuple[int, int, int]]:
    """Cases per test, summed over Hypothesis's phases (explicit, reuse, generate, shrink)."""
    rows: dict[str, tuple[int, int, int]] = {}
    current: str | None = None
    for line in lines:
        if test := _TEST.match(line):
            current = test.group(1).removeprefix("tests/fuzz/")
            rows.setdefault(current, (0, 0, 0))
        elif current and (counts := _COUNTS.search(line)):
            passing, failing, invalid = (int(n) for n in counts.groups())
            before = rows[current]
            rows[current] = (before[0] + passing, before[1] + failing, before[2] + invalid)
    return rows


if __name__ == "__main__":
    sys.exit(main())
