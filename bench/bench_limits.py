"""Work per input stays bounded: time and peak memory of ``kg build`` on hostile and huge inputs.

Each run is one ``kg build`` process; its wall time, CPU time and peak resident memory come from
``os.wait4`` (CPU time is the steadier figure on a shared machine). Three measurements:

1. a 10 MB single line (the bundled report with every line break and punctuation mark removed):
   refused before reading, since it is above the documented 4 MB maximum (kg/limits.py);
2. the same single line at ``--line-sizes`` MB with the maximum lifted (``GOVKG_MAX_INPUT_MB``):
   sentences are cut at 1,000 characters, so time and memory grow linearly;
3. the bundled report repeated to ``--sizes`` MB with the maximum lifted: time per MB stays flat.

    nice .venv/bin/python bench/bench_limits.py [--line-sizes 0.5 1 2] [--sizes 1 2 5 10 25 50]
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kg.ingest import ingest_text, read_text

REPORT = Path(__file__).resolve().parent.parent / "data" / "shigu-2019-gov-work-report.txt"


def kg_build(path: Path, out: Path, max_mb: float | None = None) -> tuple[int, float, float, float, str]:
    """Run ``kg build path --out out``: exit status, wall and CPU seconds, peak MB, last stderr line."""
    env = dict(os.environ)
    if max_mb is not None:
        env["GOVKG_MAX_INPUT_MB"] = str(max_mb)
    command = [sys.executable, "-m", "kg.cli", "build", str(path), "--out", str(out), "--quiet"]
    started = time.perf_counter()
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        errors.seek(0)
        message = errors.read().decode("utf-8", "replace").strip().splitlines()
    cpu = usage.ru_utime + usage.ru_stime
    return os.waitstatus_to_exitcode(status), seconds, cpu, usage.ru_maxrss / 1024, (message or [""])[-1]


def sized(seed: str, megabytes: float) -> bytes:
    """``seed`` repeated to ``megabytes`` of UTF-8 (cut at a character boundary)."""
    data = seed.encode("utf-8")
    target = int(megabytes * 1_000_000)
    return (data * (target // len(data) + 1))[:target].decode("utf-8", "ignore").encode("utf-8")


def row(label: str, megabytes: float, result: tuple[int, float, float, float, str]) -> None:
    status, seconds, cpu, peak, message = result
    per_mb = f"{cpu / megabytes:8.1f}" if status == 0 else "       -"
    print(
        f"{label:<28}{megabytes:>5g} MB  exit {status}  wall {seconds:7.2f} s  CPU {cpu:7.2f} s"
        f"  {per_mb} CPU s/MB  {peak:6.0f} MB peak",
        flush=True,
    )
    if status != 0:
        print(f"    {message}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--line-sizes", type=float, nargs="*", default=[0.5, 1, 2])
    parser.add_argument("--sizes", type=float, nargs="*", default=[1, 2, 5])
    args = parser.parse_args()
    # the normalised body: the raw file ends in site chrome (相关阅读…) after which ingest reads nothing
    report = ingest_text(read_text(REPORT)).text
    line = re.sub(r"[\s。！？；，、：“”（）《》]", "", report)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        hostile = folder / "line.txt"
        hostile.write_bytes(sized(line, 10))
        row("single line, default limit", 10, kg_build(hostile, folder / "out"))
        for megabytes in args.line_sizes:
            hostile.write_bytes(sized(line, megabytes))
            row("single line, limit lifted", megabytes, kg_build(hostile, folder / "out", megabytes + 1))
        repeated = folder / "repeated.txt"
        for megabytes in args.sizes:
            repeated.write_bytes(sized(report + "\n", megabytes))
            row("repeated report, lifted", megabytes, kg_build(repeated, folder / "out", megabytes + 1))


if __name__ == "__main__":
    main()
