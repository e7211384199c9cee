"""The user-level benchmark: `augment --slice S --count N` against the script a user would write with the
peer library (audiomentations_slice.py, albumentations_slice.py), whole processes at each side's defaults.

    drive.py --repository REPO --augment BIN --python PYTHON [--runs 3] [--slices car-noise,blurry,...]

Every round runs each slice with one worker and with all cores, at the full count and at a fifth of it,
the two sides back to back with the side that goes first alternating between rounds. The wall time of
the whole process comes from /usr/bin/time. The steady-state rate is (N − N/5) / (t(N) − t(N/5)): the
cost of a further sample once start-up (imports, calibration, building the transform) is paid. The
image slices also run both sides at PNG level 6, for the rows at equal level. Raw JSON lines go to
bench/.data/results/user-<time>.jsonl; the table to stdout and, unless --no-write, into BENCHMARKS.md.
"""

import argparse
import datetime
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
AUDIO = {"car-noise": 500, "people-noise": 500, "low-bandwidth": 500, "far-field": 500, "codec": 500}
IMAGE = {"blurry": 300, "dark-background": 300, "light-background": 300, "reflection": 300, "compressed": 300}
MARKERS = ("<!-- user-level results begin -->", "<!-- user-level results end -->")


def timed(command: list[str], cwd: Path, environment: dict[str, str]) -> float:
    times = Path(os.environ.get("TMPDIR", "/tmp")) / f"augment-user-bench-{os.getpid()}.time"
    os.sync()
    done = subprocess.run(["/usr/bin/time", "-f", "%e", "-o", str(times), *command], cwd=cwd,
                          capture_output=True, text=True, env=environment)
    if done.returncode != 0:
        sys.exit(f"failed ({done.returncode}): {' '.join(command)}\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    return float(times.read_text().split()[-1])


def folder_facts(folder: Path) -> dict:
    """Mean output size, and for augment the candidates it made per output (accepted + rejected lines)."""
    outputs = [p for p in folder.iterdir() if p.suffix in (".wav", ".png", ".jpg", ".flac")]
    facts = {"kilobytes_per_file": sum(p.stat().st_size for p in outputs) / 1000 / max(len(outputs), 1)}
    manifest, rejected = folder / "manifest.jsonl", folder / "rejected.jsonl"
    if manifest.exists():
        made = len(manifest.read_text().splitlines())
        tried = made + len(rejected.read_text().splitlines()) if rejected.exists() else made
        facts["candidates_per_output"] = tried / max(made, 1)
    return facts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repository", type=Path, required=True)
    parser.add_argument("--augment", required=True)
    parser.add_argument("--python", required=True)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--slices", help="comma-separated; default every slice with a peer")
    parser.add_argument("--no-write", action="store_true", help="leave BENCHMARKS.md as it is")
    args = parser.parse_args()
    repository = args.repository.resolve()
    counts = {**AUDIO, **IMAGE}
    slices = args.slices.split(",") if args.slices else list(counts)
    cores = os.cpu_count() or 1
    peer_environment = {k: v for k, v in os.environ.items() if k not in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")}
    peer_environment["PYTHONWARNINGS"] = "ignore"
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    scratch = repository / "bench/.data/user" / stamp
    results = repository / "bench/.data/results"
    results.mkdir(parents=True, exist_ok=True)
    raw = results / f"user-{stamp}.jsonl"
    lines: list[dict] = []

    def commands(slice_name: str, count: int, jobs: int, level: int | None, side: str, out: Path) -> list[str]:
        if side == "augment":
            command = [args.augment, "--slice", slice_name, "--count", str(count), "--jobs", str(jobs), "--out", str(out)]
            return command + (["--png-level", str(level)] if level is not None else [])
        image = slice_name in IMAGE
        table = repository / "samples" / ("errors-images.csv" if image else "errors-speech.csv")
        script = HERE / ("albumentations_slice.py" if image else "audiomentations_slice.py")
        command = [args.python, str(script), slice_name, "--table", str(table), "--count", str(count),
                   "--jobs", str(jobs), "--out", str(out)]
        return command + (["--png-level", str(level)] if level is not None else [])

    with raw.open("w") as sink:
        for round_ in range(1, args.runs + 1):
            sides = ["augment", "peer"] if round_ % 2 else ["peer", "augment"]
            for slice_name in slices:
                levels = [None, 6] if slice_name in IMAGE else [None]
                for level in levels:
                    for jobs in sorted({1, cores}):
                        for count in (counts[slice_name], counts[slice_name] // 5):
                            for side in sides:
                                out = scratch / f"{slice_name}-{side}-{jobs}-{count}-{level}-{round_}"
                                command = commands(slice_name, count, jobs, level, side, out)
                                print("  $ " + " ".join(command), flush=True)
                                seconds = timed(command, repository, os.environ if side == "augment" else peer_environment)
                                line = {"slice": slice_name, "side": side, "jobs": jobs, "count": count,
                                        "png_level": level, "round": round_, "seconds": seconds, **folder_facts(out)}
                                lines.append(line)
                                sink.write(json.dumps(line, sort_keys=True) + "\n")
                                sink.flush()
    subprocess.run(["rm", "-rf", str(scratch)], check=True)
    table = render(lines, slices, counts, cores)
    print(table)
    if not args.no_write:
        update(repository / "BENCHMARKS.md", table, stamp)
    print(f"raw results: {raw}")


def render(lines: list[dict], slices: list[str], counts: dict[str, int], cores: int) -> str:
    def median(slice_name, side, jobs, count, level, key="seconds"):
        values = [l[key] for l in lines if (l["slice"], l["side"], l["jobs"], l["count"], l["png_level"]) ==
                  (slice_name, side, jobs, count, level) and key in l]
        return statistics.median(values) if values else float("nan")

    rows = ["| slice | workers | PNG level | augment (s) | peer script (s) | ratio | steady-state ratio | target | "
            "augment candidates per output | KB per file (augment / peer) |",
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for slice_name in slices:
        full, fifth = counts[slice_name], counts[slice_name] // 5
        for level in ([None, 6] if slice_name in IMAGE else [None]):
            for jobs in sorted({1, cores}):
                ours, theirs = median(slice_name, "augment", jobs, full, level), median(slice_name, "peer", jobs, full, level)
                ours_marginal = ours - median(slice_name, "augment", jobs, fifth, level)
                theirs_marginal = theirs - median(slice_name, "peer", jobs, fifth, level)
                ratio, steady = theirs / ours, theirs_marginal / ours_marginal
                rows.append(
                    f"| `{slice_name}` ×{full} | {jobs} | {'defaults' if level is None else level} | {ours:.2f} | "
                    f"{theirs:.2f} | {ratio:.2f}× | {steady:.2f}× | {verdict(slice_name, level, ratio, steady)} | "
                    f"{median(slice_name, 'augment', jobs, full, level, 'candidates_per_output'):.2f} | "
                    f"{median(slice_name, 'augment', jobs, full, level, 'kilobytes_per_file'):.0f} / "
                    f"{median(slice_name, 'peer', jobs, full, level, 'kilobytes_per_file'):.0f} |")
    return "\n".join(rows)


def verdict(slice_name: str, level: int | None, ratio: float, steady: float) -> str:
    """The targets, at each side's defaults: image slices ≥ 1.5× the albumentations script; audio slices
    ≥ 5× the audiomentations script and ≥ 2× in steady state. Rows at an equal PNG level have none."""
    if level is not None:
        return "–"
    met = ratio >= 1.5 if slice_name in IMAGE else ratio >= 5 and steady >= 2
    target = "≥ 1.5×" if slice_name in IMAGE else "≥ 5×, steady ≥ 2×"
    return f"{target}: {'MET' if met else '**NOT MET**'}"


def update(path: Path, table: str, stamp: str) -> None:
    text = path.read_text()
    begin, end = MARKERS
    if begin not in text or end not in text:
        sys.exit(f"{path}: the markers {begin} … {end} are missing")
    head, rest = text.split(begin, 1)
    _, tail = rest.split(end, 1)
    path.write_text(f"{head}{begin}\n\nMeasured {stamp}.\n\n{table}\n\n{end}{tail}")


if __name__ == "__main__":
    main()
