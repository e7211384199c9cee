"""The audio peers: audiomentations' AddBackgroundNoise with soundfile for I/O, and soundfile alone.

audio-e2e: read WAV (soundfile, float32) -> AddBackgroundNoise(sounds_path=NOISE, min_snr_db=3,
max_snr_db=15, p=1) with its other defaults -> write PCM16 WAV (soundfile).
audio-io:  read WAV -> write PCM16 WAV.
"""

import argparse
import random

import numpy as np
import soundfile as sf

import common

state: dict = {}


def setup_e2e(args: argparse.Namespace) -> None:
    from audiomentations import AddBackgroundNoise

    state["transform"] = AddBackgroundNoise(
        sounds_path=args.noise, min_snr_db=args.min_snr, max_snr_db=args.max_snr, p=1.0
    )
    setup_io(args)


def setup_io(args: argparse.Namespace) -> None:
    state["inputs"] = common.inputs(args, ".wav")
    state["out"] = common.output_folder(args)


def work_e2e(index: int) -> None:
    source = state["inputs"][index]
    samples, rate = sf.read(source, dtype="float32")
    random.seed(index)
    np.random.seed(index)
    noisy = state["transform"](samples=samples, sample_rate=rate)
    sf.write(state["out"] / source.name, noisy, rate, subtype="PCM_16")


def work_io(index: int) -> None:
    source = state["inputs"][index]
    samples, rate = sf.read(source, dtype="float32")
    sf.write(state["out"] / source.name, samples, rate, subtype="PCM_16")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    commands = parser.add_subparsers(dest="workload", required=True)
    e2e = commands.add_parser("audio-e2e")
    common.folder_arguments(e2e)
    e2e.add_argument("--noise", required=True, help="folder of noise recordings")
    e2e.add_argument("--min-snr", type=float, default=3.0)
    e2e.add_argument("--max-snr", type=float, default=15.0)
    common.folder_arguments(commands.add_parser("audio-io"))
    args = parser.parse_args()
    count = len(common.inputs(args, ".wav"))
    if args.workload == "audio-e2e":
        common.run("audio-e2e", "audiomentations", args, count, setup_e2e, work_e2e)
    else:
        common.run("audio-io", "soundfile", args, count, setup_io, work_io)


if __name__ == "__main__":
    main()
