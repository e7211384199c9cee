"""Runs every workload, ours and the peer's alternately, and writes the results.

Called by run.sh after the builds and the inputs are ready:
    drive.py --repository REPO --bench BENCH --augment-bench BIN --augment BIN [--runs 3] [--large-count 10000]

Each round runs every case once per worker count, ours and the peer's back to back, the side that
goes first alternating from round to round, so slow drift of the machine hits both alike. The raw
JSON lines go to .data/results/<time>.jsonl; report.py turns them into the tables.
"""

import argparse
import datetime
import json
import os
import platform
import shutil
import subprocess
import sys
from pathlib import Path

import report

PEER_THREAD_LIMITS = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "NUMBA_NUM_THREADS": "1"}


def peer_environment() -> dict[str, str]:
    """The environment of the peers' commands: one BLAS thread per worker, and without the OpenBLAS core
    overrides some machines set for old OpenBLAS builds (they slow a current numpy)."""
    environment = {k: v for k, v in os.environ.items() if k not in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")}
    environment.update(PEER_THREAD_LIMITS)
    environment["PYTHONWARNINGS"] = "ignore"
    return environment


def settle(inputs: list[Path]) -> None:
    """Gets the machine to the same state before every run: writes out the files earlier runs left in the
    page cache, so their writeback does not land in the next run's time (every run's outputs are kept until
    the end; see `fresh_folder`), and reads every input file once, so no run waits for the disk (this
    machine's page cache does not keep them between rounds)."""
    os.sync()
    for folder in inputs:
        for file in folder.rglob("*"):
            if file.is_file():
                file.read_bytes()


def run_json(command: list[str], inputs: list[Path], environment: dict[str, str] | None = None) -> list[dict]:
    settle(inputs)
    print("  $ " + " ".join(command), flush=True)
    done = subprocess.run(command, capture_output=True, text=True, env=environment)
    if done.returncode != 0:
        sys.exit(f"failed ({done.returncode}): {' '.join(command)}\n{done.stdout}\n{done.stderr}")
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


def timed_cli(command: list[str], cwd: Path, scratch: Path, inputs: list[Path]) -> dict:
    """Runs the augment CLI under /usr/bin/time: wall seconds and peak resident set size."""
    times = scratch / "time.txt"
    settle(inputs)
    print("  $ " + " ".join(command), flush=True)
    done = subprocess.run(["/usr/bin/time", "-f", "%e %M", "-o", str(times), *command], cwd=cwd, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"failed ({done.returncode}): {' '.join(command)}\n{done.stdout}\n{done.stderr}")
    seconds, kilobytes = times.read_text().split()[-2:]
    return {"seconds": float(seconds), "peak_rss_megabytes": int(kilobytes) / 1024, "summary": done.stdout.strip().splitlines()[:2]}


def machine(repository: Path, python: str) -> dict:
    def text(command: list[str], environment=None) -> str:
        return subprocess.run(command, capture_output=True, text=True, env=environment).stdout.strip()

    model = next((line.split(":", 1)[1].strip() for line in text(["lscpu"]).splitlines() if line.startswith("Model name")), "?")
    memory = next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal"))
    peers = json.loads(text([python, str(Path(__file__).with_name("versions.py"))], peer_environment()))
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": model,
        "cores": os.cpu_count(),
        "memory_gib": round(int(memory) / 1024**2, 1),
        "kernel": platform.release(),
        "swift": text(["swift", "--version"]).splitlines()[0],
        "commit": text(["git", "-C", str(repository), "rev-parse", "--short", "HEAD"]),
        "system_libraries": {name: text(["pkg-config", "--modversion", name]) for name in ("sndfile", "libpng", "zlib", "libdeflate", "soxr")},
        "peers": peers,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repository", type=Path, required=True)
    parser.add_argument("--bench", type=Path, required=True)
    parser.add_argument("--augment-bench", required=True)
    parser.add_argument("--augment", required=True)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--large-count", type=int, default=10_000)
    parser.add_argument("--limit", type=int, help="only the first N inputs of each folder workload (a quick check)")
    args = parser.parse_args()

    data = args.bench / ".data"
    out = data / "out"
    python = str(args.bench / ".venv/bin/python")
    peers = args.bench / "peers"
    noise = str(args.repository / "noise-banks/car")
    # Everything any workload reads: the generated inputs, the noise folder, and the samples and noise
    # banks the augment command calibrates on.
    inputs = [data / name for name in ("speech", "images", "stoi", "ssim")]
    inputs += [args.repository / "noise-banks", args.repository / "samples"]
    all_cores = os.cpu_count() or 1
    worker_counts = sorted({1, all_cores})
    peer_env = peer_environment()

    def ours(command: str, *rest: str) -> list[str]:
        return [args.augment_bench, command, *rest]

    def theirs(script: str, command: str, *rest: str) -> list[str]:
        return [python, str(peers / script), command, *rest]

    speech, images, stoi, ssim = (str(data / name) for name in ("speech", "images", "stoi", "ssim"))
    cases = {
        # case: (our command, the peer's command), each missing --jobs and --out.
        "audio-e2e": (ours("audio-e2e", "--input", speech, "--noise", noise),
                      theirs("audio.py", "audio-e2e", "--input", speech, "--noise", noise)),
        "audio-io": (ours("audio-io", "--input", speech), theirs("audio.py", "audio-io", "--input", speech)),
        "image-e2e": (ours("image-e2e", "--input", images), theirs("image.py", "image-e2e", "--input", images)),
        "image-io": (ours("image-io", "--input", images), theirs("image.py", "image-io", "--input", images)),
        "image-e2e-zlib1": (ours("image-e2e", "--input", images, "--compression-level", "1"),
                            theirs("image.py", "image-e2e", "--input", images, "--compression-level", "1")),
        "image-io-zlib1": (ours("image-io", "--input", images, "--compression-level", "1"),
                           theirs("image.py", "image-io", "--input", images, "--compression-level", "1")),
        "stoi": (ours("stoi", "--input", stoi), theirs("metrics.py", "stoi", "--input", stoi)),
        "ssim": (ours("ssim", "--input", ssim), theirs("metrics.py", "ssim", "--input", ssim)),
    }
    kernel_image = str(data / "images/img-000.png")

    def fresh_folder(name: str) -> Path:
        """Every run writes into a folder of its own, and all of them are removed only after the last run:
        deleting a run's files just before the next run creates its own makes ext4 file systems without a
        journal check every recently deleted inode on each create (`recently_deleted` in the kernel), a
        cost of the harness that is not part of either tool's work."""
        return out / stamp / name

    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    results_folder = data / "results"
    results_folder.mkdir(parents=True, exist_ok=True)
    raw = results_folder / f"{stamp}.jsonl"
    environment = machine(args.repository, python)
    (results_folder / f"{stamp}-machine.json").write_text(json.dumps(environment, indent=2))

    with raw.open("w") as sink:
        def record(lines: list[dict], case: str, side: str, round_: int) -> None:
            for line in lines:
                line.update(case=case, side=side, round=round_)
                sink.write(json.dumps(line, sort_keys=True) + "\n")
            sink.flush()

        for round_ in range(1, args.runs + 1):
            print(f"round {round_} of {args.runs}", flush=True)
            sides = ["ours", "theirs"] if round_ % 2 == 1 else ["theirs", "ours"]
            for case, (our_command, peer_command) in cases.items():
                for jobs in worker_counts:
                    for side in sides:
                        target = fresh_folder(f"{side}-{case}-{jobs}-{round_}")
                        command = (our_command if side == "ours" else peer_command) + ["--jobs", str(jobs)]
                        if "stoi" != case != "ssim":
                            command += ["--out", str(target)]
                        if args.limit:
                            command += ["--limit", str(args.limit)]
                        record(run_json(command, inputs, None if side == "ours" else peer_env), case, side, round_)
            for side in sides:
                if side == "ours":
                    lines = run_json(ours("kernels", "--image", kernel_image, "--out", str(out / "kernels")), inputs)
                else:
                    lines = run_json([python, str(peers / "kernels.py"), "--image", kernel_image, "--out", str(out / "kernels")], inputs, peer_env)
                record(lines, "kernels", side, round_)
            for jobs in worker_counts:
                target = fresh_folder(f"cli-500-{jobs}-{round_}")
                command = [args.augment, "--slice", "car-noise", "--count", "500", "--out", str(target), "--jobs", str(jobs)]
                line = timed_cli(command, args.repository, out, inputs)
                line.update(workload="augment-cli", implementation="augment", jobs=jobs, files=500)
                record([line], "cli-500", "ours", round_)
        if args.large_count:
            print(f"large run: {args.large_count} samples", flush=True)
            target = fresh_folder("cli-large")
            command = [args.augment, "--slice", "car-noise", "--count", str(args.large_count), "--out", str(target), "--jobs", str(all_cores)]
            line = timed_cli(command, args.repository, out, inputs)
            line.update(workload="augment-cli", implementation="augment", jobs=all_cores, files=args.large_count)
            record([line], "cli-large", "ours", 1)
    shutil.rmtree(out, ignore_errors=True)

    print(f"raw results: {raw}", flush=True)
    tables = report.render(raw, environment)
    (results_folder / f"{stamp}.md").write_text(tables)
    if args.limit:
        print("--limit: BENCHMARKS.md left as it was (a partial run is not comparable)", flush=True)
    else:
        report.update_benchmarks(args.repository / "BENCHMARKS.md", tables)
    print(tables)


if __name__ == "__main__":
    main()
