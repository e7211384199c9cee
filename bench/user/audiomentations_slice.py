"""What a user writes with audiomentations to make N noisy (or band-limited, reverberant or MP3-coded: `Mp3Compression`, its only codec, for `codec`) copies of the
clean clips of an error-analysis table: read the table, keep the untagged rows the model got right, and
loop over them, each step `soundfile.read` -> the augmentation at its defaults -> `soundfile.write` PCM16.
`--jobs 2` spreads the loop over `multiprocessing.Pool(2)`, the usual way to use two cores from Python.

    python audiomentations_slice.py car-noise --table samples/errors-speech.csv --count 500 --out DIR [--jobs 2]
"""

import argparse
import csv
import multiprocessing
import os
from pathlib import Path

import soundfile as sf
from audiomentations import AddBackgroundNoise, ApplyImpulseResponse, BandPassFilter, Compose, Mp3Compression

NOISE = {"car-noise": "car", "people-noise": "people", "cafe-noise": "cafe", "train-noise": "train"}


def augmentation(slice_name: str, repository: Path):
    if slice_name in NOISE:
        return AddBackgroundNoise(sounds_path=repository / "noise-banks" / NOISE[slice_name], p=1.0)
    if slice_name == "low-bandwidth":
        return BandPassFilter(p=1.0)
    if slice_name == "far-field":
        return Compose([ApplyImpulseResponse(ir_path=repository / "rir-banks", p=1.0),
                        AddBackgroundNoise(sounds_path=repository / "noise-banks" / "car", p=1.0)])
    if slice_name == "codec":
        return Mp3Compression(p=1.0)
    raise SystemExit(f"no peer for {slice_name}")


def clean_clips(table: Path) -> list[Path]:
    with open(table, newline="") as file:
        rows = [row for row in csv.DictReader(file) if not row["tags"] and row["label"] == row["prediction"]]
    return [table.parent / row["path"] for row in rows]


def make(index: int) -> None:
    clip = clips[index % len(clips)]
    samples, rate = sf.read(clip, dtype="float32")
    augmented = augment(samples=samples, sample_rate=rate)
    sf.write(out / f"{slice_name}-{index:06d}.wav", augmented, rate, subtype="PCM_16")


parser = argparse.ArgumentParser()
parser.add_argument("slice")
parser.add_argument("--table", type=Path, required=True)
parser.add_argument("--count", type=int, required=True)
parser.add_argument("--out", type=Path, required=True)
parser.add_argument("--jobs", type=int, default=1)
args = parser.parse_args()
slice_name, out = args.slice, args.out
out.mkdir(parents=True, exist_ok=True)
clips = clean_clips(args.table)
augment = augmentation(slice_name, args.table.parent.parent)
if __name__ == "__main__":
    if args.jobs == 1:
        for index in range(args.count):
            make(index)
    else:
        with multiprocessing.Pool(args.jobs) as pool:
            pool.map(make, range(args.count), chunksize=8)
