"""Deterministic test images shared by the reference scripts.

Every image here is defined by integer formulas that `ReferenceImages.swift` reproduces exactly, so the
Swift tests rebuild the same pixels without reading any file. Arrays are (height, width, channels)
NumPy integer arrays.
"""

import numpy as np

WIDTH, HEIGHT = 64, 48


def level8(x, y, c):
    """The 8-bit level of the reference pattern at column x, row y, channel c.

    4 × 3 blocks of 16 × 16 pixels, each one of four kinds: flat, wrapped gradients (sharp steps
    where they wrap), pseudo-random texture, and a 4-pixel checkerboard of 0 and 255 (clipped).
    """
    block = x // 16 + 4 * (y // 16)
    kind = block % 4
    if kind == 0:
        return (block * 23 + c * 40) % 256
    if kind == 1:
        return (4 * x + 2 * y + 60 * c) % 256
    if kind == 2:
        return (x * 73 + y * 151 + c * 31 + x * y * 17) % 256
    return 255 if (x // 4 + y // 4 + c) % 2 == 0 else 0


def pattern(width=WIDTH, height=HEIGHT, channels=3, level=level8):
    return np.array(
        [[[level(x, y, c) for c in range(channels)] for x in range(width)] for y in range(height)],
        dtype=np.int64,
    )


def rgb8():
    return pattern()


def gray8():
    """Channel 1 of the pattern as a one-channel image."""
    return pattern(channels=1, level=lambda x, y, c: level8(x, y, 1))


def rgb16():
    """The pattern scaled to 16 bits with a low byte that varies: `level8 * 256 + (7x + 13y + 5c) % 256`."""
    return pattern(level=lambda x, y, c: level8(x, y, c) * 256 + (7 * x + 13 * y + 5 * c) % 256)


def alpha8(x, y, variant):
    """Alpha channels for the RGBA pair: variant 0 is `(5x + 11y) % 256`, variant 1 `(3x + 7y + 100) % 256`."""
    return (5 * x + 11 * y) % 256 if variant == 0 else (3 * x + 7 * y + 100) % 256


def with_alpha(rgb, variant):
    height, width, _ = rgb.shape
    alpha = np.array([[alpha8(x, y, variant) for x in range(width)] for y in range(height)], dtype=np.int64)
    return np.concatenate([rgb, alpha[..., None]], axis=-1)


# Integer edits reproduced exactly by the Swift tests.

def brighter(image, amount=30, max_level=255):
    return np.clip(image + amount, 0, max_level)


def contrast8(image):
    """`clip(3x // 2 − 64, 0, 255)`."""
    return np.clip(image * 3 // 2 - 64, 0, 255)


def contrast16(image):
    """`3x // 4 + 8192` (stays within 0…65535)."""
    return image * 3 // 4 + 8192


def box3(image):
    """3 × 3 box mean with the border mirrored as reflect-101, rounded: `(sum + 4) // 9`."""
    padded = np.pad(image, ((1, 1), (1, 1), (0, 0)), mode="reflect")
    height, width, _ = image.shape
    total = sum(padded[dy:dy + height, dx:dx + width] for dy in range(3) for dx in range(3))
    return (total + 4) // 9


def noise8(image):
    """Adds the deterministic pattern `(31x + 17y + 7c) % 41 − 20`, clipped to 0…255."""
    height, width, channels = image.shape
    y, x, c = np.meshgrid(np.arange(height), np.arange(width), np.arange(channels), indexing="ij")
    return np.clip(image + (31 * x + 17 * y + 7 * c) % 41 - 20, 0, 255)
