"""Turns the raw JSON lines of a benchmark run into Markdown tables, with each target MET or NOT MET.

    report.py RESULTS.jsonl MACHINE.json [BENCHMARKS.md]

prints the tables and, with a third argument, replaces the block between the results markers of that
file. drive.py calls render() and update_benchmarks() itself at the end of a run.
"""

import json
import statistics
import sys
from collections import defaultdict
from pathlib import Path

BEGIN, END = "<!-- results:begin (written by bench/run.sh) -->", "<!-- results:end -->"

PEERS = {
    "audio-e2e": "audiomentations", "audio-io": "soundfile", "image-e2e": "albumentations", "image-io": "OpenCV",
    "image-e2e-zlib1": "albumentations", "image-io-zlib1": "OpenCV", "stoi": "pystoi", "ssim": "scikit-image",
}
WHAT = {
    "audio-e2e": "audio end to end: read WAV → background noise 3–15 dB → write PCM16 WAV",
    "audio-io": "audio decode+encode only: read WAV → write PCM16 WAV",
    "image-e2e": "image end to end: read PNG → brightness/contrast → Gaussian blur → write PNG (level 6)",
    "image-io": "image decode+encode only: read PNG → write PNG (level 6)",
    "image-e2e-zlib1": "image end to end, PNG written at level 1 (not a target; shows the encoder's weight)",
    "image-io-zlib1": "image decode+encode only, level 1",
}


class Results:
    def __init__(self, path: Path):
        self.lines = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
        self.rounds = max((line["round"] for line in self.lines), default=0)
        groups = defaultdict(list)
        for line in self.lines:
            groups[(line["case"], line["workload"], line["side"], line.get("implementation"), line["jobs"])].append(line)
        self.groups = groups

    def median(self, key: str, case: str, side: str, jobs: int, workload: str | None = None, implementation=None):
        values = [
            line[key]
            for (c, w, s, i, j), lines in self.groups.items()
            if c == case and s == side and j == jobs and (workload is None or w == workload)
            and (implementation is None or i == implementation)
            for line in lines
            if line.get(key) is not None
        ]
        return statistics.median(values) if values else None

    def cpu_per_file(self, case: str, side: str, jobs: int):
        """Median processor milliseconds per file (user + system, every thread and worker)."""
        values = [line["cpu_seconds"] * 1000 / line["files"]
                  for (c, _, s, _, j), lines in self.groups.items() if c == case and s == side and j == jobs
                  for line in lines if line.get("cpu_seconds") is not None]
        return statistics.median(values) if values else None

    def jobs(self, case: str) -> list[int]:
        return sorted({j for (c, _, _, _, j) in self.groups if c == case})


def number(value, digits: int = 1) -> str:
    if value is None:
        return "–"
    return f"{value:,.{digits}f}" if abs(value) < 100 else f"{value:,.0f}"


def verdict(ok: bool) -> str:
    return "**MET**" if ok else "**NOT MET**"


def render(raw: Path, machine: dict) -> str:
    r = Results(raw)
    peers = machine["peers"]["packages"]
    out = []
    out.append(f"Run of {machine['date']} on commit `{machine['commit']}`: {machine['cpu']}, {machine['cores']} cores, "
               f"{machine['memory_gib']} GiB, Linux {machine['kernel']}; {machine['swift']}; Python {machine['peers']['python']}.")
    out.append("")
    out.append("Peers: " + ", ".join(f"{name} {v}" for name, v in peers.items()) + ". "
               f"numpy's BLAS: " + ", ".join(f"{b['internal_api']} {b['version']} ({b['architecture']})" for b in machine["peers"]["blas"])
               + f". OpenCV's PNG: {machine['peers']['opencv_png']}, zlib {machine['peers']['opencv_zlib']}. "
               "Ours: " + ", ".join(f"{k} {v}" for k, v in machine["system_libraries"].items()) + " (Debian packages).")
    out.append("")
    out.append(f"Every figure is the median of {r.rounds} runs; files/s counts wall-clock time from after one warm-up "
               "file to the last file written. Peak memory is VmHWM; for the peers with 2 workers it is the sum over "
               "the parent and the worker processes.")
    out.append("")

    ratios = {}
    out.append("### End to end and decode+encode (files/s)")
    out.append("")
    out.append("Both sides write PNG at the same level and with libpng's row filters, but compress with different "
               "libraries (augment: libdeflate; OpenCV: zlib through libpng); KB/file is the mean size of the files each "
               "side wrote. Decode+encode writes the same pixels on both sides; end to end, the two draw different "
               "brightness, contrast and blur parameters, so their outputs also differ in content.")
    out.append("")
    out.append("| workload | workers | augment | peer | peer files/s | augment ÷ peer | augment CPU ms/file | peer CPU ms/file | augment peak MB | peer peak MB | augment KB/file | peer KB/file |")
    out.append("| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for case in ("audio-e2e", "audio-io", "image-e2e", "image-io", "image-e2e-zlib1", "image-io-zlib1"):
        for jobs in r.jobs(case):
            ours, theirs = r.median("files_per_second", case, "ours", jobs), r.median("files_per_second", case, "theirs", jobs)
            ratio = ours / theirs if ours and theirs else None
            ratios[(case, jobs)] = ratio
            out.append(f"| {WHAT[case]} | {jobs} | {number(ours)} | {PEERS[case]} | {number(theirs)} | "
                       f"{number(ratio, 2)}× | {number(r.cpu_per_file(case, 'ours', jobs), 2)} | "
                       f"{number(r.cpu_per_file(case, 'theirs', jobs), 2)} | "
                       f"{number(r.median('peak_rss_megabytes', case, 'ours', jobs), 0)} | "
                       f"{number(r.median('peak_rss_megabytes', case, 'theirs', jobs), 0)} | "
                       f"{number(r.median('output_kilobytes_per_file', case, 'ours', jobs))} | "
                       f"{number(r.median('output_kilobytes_per_file', case, 'theirs', jobs))} |")
    out.append("")

    out.append("### Transform overhead over plain decode+encode")
    out.append("")
    out.append("Overhead = (time per file end to end − time per file decode+encode) ÷ time per file decode+encode, "
               "from wall-clock files/s (the target) and, less disturbed by other work on the machine, from processor time per file.")
    out.append("")
    out.append("| media | workers | augment e2e files/s | augment decode+encode files/s | augment overhead | augment overhead, CPU | peer overhead | peer overhead, CPU |")
    out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for media, e2e, io in (("audio", "audio-e2e", "audio-io"), ("image (level 6)", "image-e2e", "image-io"),
                           ("image (level 1)", "image-e2e-zlib1", "image-io-zlib1")):
        for jobs in r.jobs(e2e):
            values, cpu = {}, {}
            for side in ("ours", "theirs"):
                a, b = r.median("files_per_second", e2e, side, jobs), r.median("files_per_second", io, side, jobs)
                values[side] = (a, b, b / a - 1 if a and b else None)
                c, d = r.cpu_per_file(e2e, side, jobs), r.cpu_per_file(io, side, jobs)
                cpu[side] = c / d - 1 if c and d else None
            pct = lambda v: "–" if v is None else f"{100 * v:+.0f}%"
            out.append(f"| {media} | {jobs} | {number(values['ours'][0])} | {number(values['ours'][1])} | "
                       f"{pct(values['ours'][2])} | {pct(cpu['ours'])} | {pct(values['theirs'][2])} | {pct(cpu['theirs'])} |")
    out.append("")

    out.append("### Per-sample metrics")
    out.append("")
    out.append("Pairs/s include reading both files; ms/call times the metric call alone (median over all pairs).")
    out.append("")
    out.append("| metric | workers | augment pairs/s | peer | peer pairs/s | augment ÷ peer | augment ms/call | peer ms/call | call speed-up |")
    out.append("| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |")
    metric_ratios = defaultdict(list)
    for case in ("stoi", "ssim"):
        for jobs in r.jobs(case):
            ours, theirs = r.median("files_per_second", case, "ours", jobs), r.median("files_per_second", case, "theirs", jobs)
            our_call = r.median("call_milliseconds_median", case, "ours", jobs)
            their_call = r.median("call_milliseconds_median", case, "theirs", jobs)
            ratio = ours / theirs if ours and theirs else None
            call = their_call / our_call if our_call and their_call else None
            metric_ratios[case] += [("pairs/s", jobs, ratio), ("call", jobs, call)]
            out.append(f"| {case.upper()} | {jobs} | {number(ours)} | {PEERS[case]} | {number(theirs)} | {number(ratio, 1)}× | "
                       f"{number(our_call, 2)} | {number(their_call, 2)} | {number(call, 1)}× |")
    out.append("")

    out.append("### Kernels, one core, 512×512 RGB in memory (median ms per call)")
    out.append("")
    out.append("Gaussian blur at σ = 1.75 (midpoint of albumentations' default 0.5–3); brightness +0.1 and contrast "
               "+0.1. augment works on Float32 samples, the peers on 8-bit ones.")
    out.append("")
    out.append("| kernel | augment | OpenCV | augment ÷ OpenCV (time) | within 1.5× | albumentations |")
    out.append("| --- | ---: | ---: | ---: | --- | ---: |")
    kernel_ok = {}
    for kernel, opencv_call in (("gaussian-blur", "cv2.GaussianBlur"), ("brightness-contrast", "cv2.convertScaleAbs"),
                                ("png-decode", "cv2.imread"), ("png-encode", "cv2.imwrite, zlib 6")):
        workload = "kernel-" + kernel
        ours = r.median("call_milliseconds_median", "kernels", "ours", 1, workload)
        cv = r.median("call_milliseconds_median", "kernels", "theirs", 1, workload, "opencv")
        alb = r.median("call_milliseconds_median", "kernels", "theirs", 1, workload, "albumentations")
        ratio = ours / cv if ours and cv else None
        if kernel in ("gaussian-blur", "brightness-contrast"):
            kernel_ok[kernel] = (ratio, ratio is not None and ratio <= 1.5)
        within = ("yes" if ratio <= 1.5 else "no") if ratio else "–"
        out.append(f"| {kernel} ({opencv_call}) | {number(ours, 3)} | {number(cv, 3)} | {number(ratio, 2)} | {within} | "
                   f"{number(alb, 3) if alb else '–'} |")
    out.append("")

    out.append("### The augment command (release build), with its calibration and checklist")
    out.append("")
    out.append("| command | workers | wall s | samples/s | peak MB |")
    out.append("| --- | ---: | ---: | ---: | ---: |")
    large_peak = None
    for case in ("cli-500", "cli-large"):
        for jobs in r.jobs(case):
            lines = [line for (c, _, _, _, j), ls in r.groups.items() if c == case and j == jobs for line in ls]
            count = lines[0]["files"]
            seconds = statistics.median(line["seconds"] for line in lines)
            peak = statistics.median(line["peak_rss_megabytes"] for line in lines)
            if case == "cli-large":
                large_peak = peak
            runs = f" (median of {len(lines)})" if len(lines) > 1 else " (one run)"
            out.append(f"| `augment --slice car-noise --count {count} --jobs {jobs}`{runs} | {jobs} | {number(seconds, 2)} | "
                       f"{number(count / seconds)} | {number(peak, 0)} |")
    out.append("")

    out.append("### Targets")
    out.append("")
    out.append("Verdicts use the wall-clock medians, and a target is MET only when every worker count meets it.")
    out.append("")
    out.append("| target | measured | verdict |")
    out.append("| --- | --- | --- |")

    def cpu_ratio(case: str, jobs: int):
        ours, theirs = r.cpu_per_file(case, "ours", jobs), r.cpu_per_file(case, "theirs", jobs)
        return theirs / ours if ours and theirs else None

    def speedups(case: str, target: float) -> None:
        values = [(jobs, ratios.get((case, jobs))) for jobs in r.jobs(case)]
        ok = all(v is not None and v >= target for _, v in values)
        text = ", ".join(f"{number(v, 2)}× with {j} worker{'s' * (j > 1)}" for j, v in values)
        cpu = ", ".join(f"{number(cpu_ratio(case, j), 2)}×" for j, _ in values)
        out.append(f"| {WHAT[case].split(':')[0]} ≥ {target:g}× {PEERS[case]} | {text} (processor time per file: {cpu}) | "
                   f"{verdict(ok)} |")

    speedups("audio-e2e", 5)
    speedups("image-e2e", 1.5)
    all_cores = max(r.jobs("image-e2e"), default=1)
    ahead = ratios.get(("image-e2e", all_cores))
    out.append(f"| image end to end ahead of albumentations with all cores (issue 4) | {number(ahead, 2)}× with {all_cores} workers | "
               f"{verdict(ahead is not None and ahead > 1)} |")
    for case, target in (("stoi", 20), ("ssim", 5)):
        values = metric_ratios[case]
        ok = all(v is not None and v >= target for _, _, v in values)
        text = "; ".join(f"{kind} {number(v, 1)}× ({j} worker{'s' * (j > 1)})" for kind, j, v in values)
        out.append(f"| {case.upper()} ≥ {target}× {PEERS[case]} | {text} | {verdict(ok)} |")
    out.append(f"| peak memory of a 10,000-sample run < 300 MB | "
               f"{number(large_peak, 0) + ' MB' if large_peak else 'not run'} | "
               f"{verdict(large_peak is not None and large_peak < 300) if large_peak else '–'} |")
    for kernel, (ratio, ok) in kernel_ok.items():
        out.append(f"| {kernel} kernel within 1.5× of OpenCV on one core (issue 4) | {number(ratio, 2)}× OpenCV's time | {verdict(ok)} |")
    return "\n".join(out) + "\n"


def update_benchmarks(path: Path, tables: str) -> None:
    """Replaces the results block of BENCHMARKS.md, leaving the prose around it alone."""
    text = path.read_text() if path.exists() else f"# Benchmarks\n\n{BEGIN}\n{END}\n"
    if BEGIN not in text or END not in text:
        sys.exit(f"{path}: no results markers; add the lines\n{BEGIN}\n{END}\nwhere the tables belong.")
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    path.write_text(f"{head}{BEGIN}\n{tables}{END}{tail}")


if __name__ == "__main__":
    tables = render(Path(sys.argv[1]), json.loads(Path(sys.argv[2]).read_text()))
    if len(sys.argv) > 3:
        update_benchmarks(Path(sys.argv[3]), tables)
    print(tables)
