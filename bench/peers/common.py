"""What every peer script shares: the command line, the worker pool, timing and the JSON line.

A workload is a `setup(args)` and a `work(index)` run per input. Setup (imports, building the
transform) and one warm-up call on the first input run before the clock starts, in this process, as
augment-bench does: the figures are throughput, not start-up. With one job the inputs then run in this
process; with more, a fork-based `multiprocessing.Pool` (the usual way to use all cores from Python)
runs them, each worker single-threaded and inheriting the warmed-up state. The clock stops when the
last result is in.
"""

import argparse
import json
import multiprocessing
import resource
import statistics
import time
from pathlib import Path

import cv2


def folder_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--input", required=True, help="folder of inputs, read in name order")
    parser.add_argument("--out", help="folder outputs are written to")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes")
    parser.add_argument("--limit", type=int, help="process only the first N inputs")


def inputs(args: argparse.Namespace, suffix: str, prefix: str = "") -> list[Path]:
    files = sorted(p for p in Path(args.input).iterdir() if p.name.startswith(prefix) and p.name.endswith(suffix))
    if not files:
        raise SystemExit(f"{args.input}: no {prefix}*{suffix} files. Run bench/run.sh to generate the inputs.")
    return files[: args.limit] if args.limit else files


def output_folder(args: argparse.Namespace) -> Path:
    if not args.out:
        raise SystemExit("This workload writes files: give --out.")
    folder = Path(args.out)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def peak_rss_megabytes(pid: int | str = "self") -> float:
    """VmHWM of a process from /proc, in MiB."""
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def run(workload: str, implementation: str, args: argparse.Namespace, count: int, setup, work, outputs=None) -> None:
    """Times `work(i)` over `range(count)` on `args.jobs` workers and prints the JSON line.

    `work` may return the milliseconds of the call being compared on its own (a metric), or None.
    With several workers the peak memory is the sum of every process's VmHWM (pages the forked
    workers share with the parent are counted in each, so this overstates the true total).
    `outputs`, if given, returns the files written, whose mean size the line reports in kilobytes.
    """
    setup(args)
    work(0)
    cpu_start = cpu_seconds()
    start = time.perf_counter()
    if args.jobs == 1:
        durations = [work(i) for i in range(count)]
        seconds = time.perf_counter() - start
        peak = peak_rss_megabytes()
    else:
        context = multiprocessing.get_context("fork")
        with context.Pool(args.jobs, initializer=single_threaded) as pool:
            durations = list(pool.imap_unordered(work, range(count), chunksize=4))
            seconds = time.perf_counter() - start
            peak = peak_rss_megabytes() + sum(peak_rss_megabytes(worker.pid) for worker in pool._pool)
        # Leaving the block joins the workers, so their processor time is now in RUSAGE_CHILDREN.
    calls = [d for d in durations if d is not None]
    line = {
        "workload": workload,
        "implementation": implementation,
        "jobs": args.jobs,
        "files": count,
        "seconds": seconds,
        "files_per_second": count / seconds,
        "cpu_seconds": cpu_seconds() - cpu_start,
        "peak_rss_megabytes": peak,
    }
    if calls:
        line["call_milliseconds_median"] = statistics.median(calls)
    if outputs:
        files = outputs()
        line["output_kilobytes_per_file"] = sum(f.stat().st_size for f in files) / 1000 / len(files)
    print(json.dumps(line, sort_keys=True), flush=True)


def cpu_seconds() -> float:
    """User and system processor seconds of this process and of its finished children."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def single_threaded() -> None:
    """One thread per worker for OpenCV (numpy's BLAS is limited through the environment by drive.py)."""
    cv2.setNumThreads(1)


def milliseconds_of(call) -> tuple[object, float]:
    start = time.perf_counter()
    result = call()
    return result, (time.perf_counter() - start) * 1000

