"""The checklist's cost per candidate, read off a profile of the user-level command.

    python3 bench/checklist_cost.py --augment bench/.build-augment/release/augment car-noise blurry ...

For each slice: `perf record -g` of `augment --slice S --count N --jobs 1` (N = 500 for audio, 300 for
images, from the shipped samples), then each checklist rule's share of the samples with its callees
(`perf report --children`), times the command's processor time (user + system, /usr/bin/time), divided
by the candidates the run judged (manifest lines + rejected.jsonl lines). Needs Linux `perf`.
Prints a Markdown table.
"""

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

COUNTS = {"image": 300, "audio": 500}
IMAGE = {"blurry", "dark-background", "light-background", "reflection", "compressed"}
# `$s15AugmentPipeline<length><Type>V8evaluate…`: a rule's own evaluate (not the protocol witness).
RULE = re.compile(r"\$s15AugmentPipeline(\d+)(\w+?)V(?:yxG)?8evaluateyAA7VerdictV")
CHECKLIST = re.compile(r"\$s15AugmentPipeline9ChecklistV8evaluate")


def profile(augment: str, slice_name: str, folder: Path) -> tuple[float, int, dict[str, float], float]:
    count = COUNTS["image" if slice_name in IMAGE else "audio"]
    out, data, times = folder / slice_name, folder / f"{slice_name}.perf", folder / f"{slice_name}.time"
    subprocess.run(["/usr/bin/time", "-f", "%U %S", "-o", str(times), "perf", "record", "-q", "-g", "-o", str(data),
                    augment, "--slice", slice_name, "--count", str(count), "--jobs", "1", "--out", str(out)],
                   check=False, capture_output=True, cwd=Path(__file__).resolve().parent.parent)
    seconds = sum(float(field) for field in times.read_text().split()[-2:])
    lines = lambda name: len((out / name).read_text().splitlines()) if (out / name).exists() else 0
    candidates = lines("manifest.jsonl") + lines("rejected.jsonl")
    report = subprocess.run(["perf", "report", "-i", str(data), "--children", "--sort", "symbol", "--stdio",
                             "-g", "none"], capture_output=True, text=True, check=True).stdout
    shares: dict[str, float] = {}
    checklist = 0.0
    for line in report.splitlines():
        fields = line.split()
        # "children% self% [.] symbol", with trailing columns when not run on a terminal.
        if len(fields) < 4 or not fields[0].endswith("%") or fields[2] != "[.]":
            continue
        children, symbol = float(fields[0].rstrip("%")) / 100, fields[3]
        if CHECKLIST.search(symbol):
            checklist = max(checklist, children)
        elif match := RULE.search(symbol):
            name = match.group(2)[: int(match.group(1))]
            shares[name] = max(shares.get(name, 0.0), children)
    return seconds, candidates, shares, checklist


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--augment", required=True)
    parser.add_argument("slices", nargs="+")
    args = parser.parse_args()
    print("| slice | candidates | processor time (s) | whole checklist (ms per candidate) | per rule (ms per candidate) |")
    print("| --- | ---: | ---: | ---: | --- |")
    with tempfile.TemporaryDirectory() as scratch:
        for slice_name in args.slices:
            seconds, candidates, shares, checklist = profile(args.augment, slice_name, Path(scratch))
            if candidates == 0:
                sys.exit(f"{slice_name}: the run judged no candidate")
            per = lambda share: 1000 * share * seconds / candidates
            rules = ", ".join(f"{name} {per(share):.3f}" for name, share in sorted(shares.items(), key=lambda kv: -kv[1]))
            print(f"| `{slice_name}` | {candidates} | {seconds:.2f} | {per(checklist):.3f} | {rules} |")


if __name__ == "__main__":
    main()
