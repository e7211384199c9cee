"""The image peers: albumentations with OpenCV for I/O, and OpenCV alone.

image-e2e: cv2.imread -> A.Compose([RandomBrightnessContrast(p=1), GaussianBlur(p=1)]) with their
default ranges (brightness and contrast +-0.2; sigma 0.5-3) -> cv2.imwrite at zlib level 6.
image-io:  cv2.imread -> cv2.imwrite at zlib level 6.

The zlib level is given explicitly (IMWRITE_PNG_COMPRESSION), which makes OpenCV use libpng's default
row filters and zlib's default strategy at that level; OpenCV's own default (no flag) is level 1 with the
SUB filter and the RLE strategy. augment's writer chooses the same row filters as libpng but compresses
with libdeflate at the same level, not zlib, so the files differ in size: both sides report the mean size
of the files they wrote. --strategy filtered gives OpenCV libpng's own strategy for filtered rows
(Z_FILTERED) instead.
"""

import argparse

import cv2

import common

state: dict = {}


def setup_e2e(args: argparse.Namespace) -> None:
    import albumentations as A

    state["transform"] = A.Compose(
        [A.RandomBrightnessContrast(p=1.0), A.GaussianBlur(p=1.0)], seed=args.seed
    )
    setup_io(args)


def setup_io(args: argparse.Namespace) -> None:
    common.single_threaded()
    state["inputs"] = common.inputs(args, ".png")
    state["out"] = common.output_folder(args)
    state["flags"] = [cv2.IMWRITE_PNG_COMPRESSION, args.compression_level]
    if args.strategy == "filtered":
        state["flags"] += [cv2.IMWRITE_PNG_STRATEGY, cv2.IMWRITE_PNG_STRATEGY_FILTERED]


def work_e2e(index: int) -> None:
    source = state["inputs"][index]
    image = cv2.imread(str(source), cv2.IMREAD_COLOR)
    augmented = state["transform"](image=image)["image"]
    cv2.imwrite(str(state["out"] / source.name), augmented, state["flags"])


def work_io(index: int) -> None:
    source = state["inputs"][index]
    image = cv2.imread(str(source), cv2.IMREAD_COLOR)
    cv2.imwrite(str(state["out"] / source.name), image, state["flags"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    commands = parser.add_subparsers(dest="workload", required=True)
    for name in ("image-e2e", "image-io"):
        command = commands.add_parser(name)
        common.folder_arguments(command)
        command.add_argument("--compression-level", type=int, default=6)
        command.add_argument("--seed", type=int, default=0)
        command.add_argument("--strategy", choices=("default", "filtered"), default="default",
                             help="zlib strategy: what OpenCV sets with a level (default), or libpng's own (filtered)")
    args = parser.parse_args()
    count = len(common.inputs(args, ".png"))
    def outputs() -> list:
        return [state["out"] / source.name for source in state["inputs"]]

    if args.workload == "image-e2e":
        common.run("image-e2e", "albumentations", args, count, setup_e2e, work_e2e, outputs)
    else:
        common.run("image-io", "opencv", args, count, setup_io, work_io, outputs)


if __name__ == "__main__":
    main()
