"""The metric peers: pystoi and scikit-image's SSIM, over the same pairs as augment-bench.

stoi: soundfile reads clean-N.wav and noisy-N.wav; pystoi.stoi(clean, noisy, 16000, extended=False).
ssim: cv2.imread reads a-N.png and b-N.png; skimage.metrics.structural_similarity(a, b,
      gaussian_weights=True, sigma=1.5, use_sample_covariance=False, data_range=255, channel_axis=2).
Reading counts towards the pairs per second; the metric call is also timed on its own.
"""

import argparse

import cv2
import soundfile as sf
from pystoi import stoi
from skimage.metrics import structural_similarity

import common

state: dict = {}


def setup_stoi(args: argparse.Namespace) -> None:
    state["inputs"] = common.inputs(args, ".wav", prefix="clean-")


def work_stoi(index: int) -> float:
    clean_path = state["inputs"][index]
    clean, rate = sf.read(clean_path)
    noisy, _ = sf.read(clean_path.with_name("noisy-" + clean_path.name.removeprefix("clean-")))
    return common.milliseconds_of(lambda: stoi(clean, noisy, rate, extended=False))[1]


def setup_ssim(args: argparse.Namespace) -> None:
    common.single_threaded()
    state["inputs"] = common.inputs(args, ".png", prefix="a-")


def work_ssim(index: int) -> float:
    first_path = state["inputs"][index]
    first = cv2.imread(str(first_path), cv2.IMREAD_COLOR)
    second = cv2.imread(str(first_path.with_name("b-" + first_path.name.removeprefix("a-"))), cv2.IMREAD_COLOR)
    return common.milliseconds_of(
        lambda: structural_similarity(
            first, second, gaussian_weights=True, sigma=1.5, use_sample_covariance=False, data_range=255,
            channel_axis=2,
        )
    )[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    commands = parser.add_subparsers(dest="workload", required=True)
    common.folder_arguments(commands.add_parser("stoi"))
    common.folder_arguments(commands.add_parser("ssim"))
    args = parser.parse_args()
    if args.workload == "stoi":
        count = len(common.inputs(args, ".wav", prefix="clean-"))
        common.run("stoi", "pystoi", args, count, setup_stoi, work_stoi)
    else:
        count = len(common.inputs(args, ".png", prefix="a-"))
        common.run("ssim", "scikit-image", args, count, setup_ssim, work_ssim)


if __name__ == "__main__":
    main()
