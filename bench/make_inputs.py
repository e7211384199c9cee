"""Generates the benchmark inputs, the same files for augment and for the peers, deterministically.

Everything is derived from the repository's shipped samples by fixed formulas (no random numbers):

- speech/clip-NNN.wav (500): 16 kHz mono PCM16, 1-4 s. Clip i lasts 1 + 3 * frac(i * phi) seconds
  (phi = golden-ratio conjugate, an even spread over 1-4 s), cut from the shipped clean utterances
  s001... s060 concatenated in order starting at utterance (7 i) mod 60, skipping the first
  (977 i) mod 4000 samples.
- images/img-NNN.png (300): 512x512 RGB, 8-bit. Image j tiles four shipped 256x256 photos as
  [[a, b], [c, d]] with a = j mod 60, k = j div 60, b = a + 1 + k, c = a + 7 + 2k, d = a + 19 + 3k (mod 60),
  so every image is a different set of photos.
- stoi/clean-NNN.wav and stoi/noisy-NNN.wav (500 pairs): clean = clip i; noisy = clip i plus
  noise-banks/car/car-city-01.wav from sample (4099 i) mod (noise length - clip length), at an SNR
  (whole-signal power) of 3 + 12 * frac(i * phi + 0.5) dB, scaled down if it would peak above 0.99.
- ssim/a-NNN.png and ssim/b-NNN.png (300 pairs): a = image j; b = a blurred with cv2.GaussianBlur at
  sigma 0.8 + 0.4 (j mod 5) and mapped by cv2.convertScaleAbs with gain 0.9 + 0.05 (j mod 5), offset 10.

Usage: make_inputs.py REPOSITORY DATA_FOLDER
"""

import sys
from pathlib import Path

import cv2
import numpy as np
import soundfile as sf

PHI = 0.6180339887498949
RATE = 16_000
SPEECH_CLIPS = 500
IMAGES = 300


def frac(x: float) -> float:
    return x - np.floor(x)


def speech_clips(utterances: list[np.ndarray]) -> list[np.ndarray]:
    clips = []
    for i in range(SPEECH_CLIPS):
        length = int(round(RATE * (1 + 3 * frac(i * PHI))))
        skip = (977 * i) % 4000
        parts, total, k = [], 0, (7 * i) % len(utterances)
        while total < skip + length:
            parts.append(utterances[k])
            total += len(utterances[k])
            k = (k + 1) % len(utterances)
        clips.append(np.concatenate(parts)[skip : skip + length])
    return clips


def noisy_copy(i: int, clean: np.ndarray, noise: np.ndarray) -> np.ndarray:
    start = (4099 * i) % (len(noise) - len(clean))
    segment = noise[start : start + len(clean)].astype(np.float64)
    snr_db = 3 + 12 * frac(i * PHI + 0.5)
    gain = np.sqrt(np.mean(clean.astype(np.float64) ** 2) / (np.mean(segment**2) * 10 ** (snr_db / 10)))
    mix = clean + gain * segment
    peak = np.max(np.abs(mix))
    return mix * (0.99 / peak) if peak > 0.99 else mix


def tiled_image(j: int, photos: list[np.ndarray]) -> np.ndarray:
    a, k = j % 60, j // 60
    b, c, d = (a + 1 + k) % 60, (a + 7 + 2 * k) % 60, (a + 19 + 3 * k) % 60
    return np.vstack([np.hstack([photos[a], photos[b]]), np.hstack([photos[c], photos[d]])])


def degraded(j: int, image: np.ndarray) -> np.ndarray:
    blurred = cv2.GaussianBlur(image, (0, 0), 0.8 + 0.4 * (j % 5))
    return cv2.convertScaleAbs(blurred, alpha=0.9 + 0.05 * (j % 5), beta=10)


def main() -> None:
    repository, data = Path(sys.argv[1]), Path(sys.argv[2])
    for folder in ("speech", "images", "stoi", "ssim"):
        (data / folder).mkdir(parents=True, exist_ok=True)

    utterances = []
    for path in sorted((repository / "samples/speech/clean").glob("s*.wav")):
        samples, rate = sf.read(path, dtype="float64")
        assert rate == RATE and samples.ndim == 1, f"{path}: expected 16 kHz mono"
        utterances.append(samples)
    noise, rate = sf.read(repository / "noise-banks/car/car-city-01.wav", dtype="float64")
    assert rate == RATE and noise.ndim == 1

    for i, clip in enumerate(speech_clips(utterances)):
        sf.write(data / f"speech/clip-{i:03d}.wav", clip, RATE, subtype="PCM_16")
        sf.write(data / f"stoi/clean-{i:03d}.wav", clip, RATE, subtype="PCM_16")
        sf.write(data / f"stoi/noisy-{i:03d}.wav", noisy_copy(i, clip, noise), RATE, subtype="PCM_16")

    photos = [cv2.imread(str(path), cv2.IMREAD_COLOR) for path in sorted((repository / "samples/images").glob("img*.png"))]
    assert len(photos) == 60 and all(p.shape == (256, 256, 3) for p in photos)
    level = [cv2.IMWRITE_PNG_COMPRESSION, 6]
    for j in range(IMAGES):
        image = tiled_image(j, photos)
        cv2.imwrite(str(data / f"images/img-{j:03d}.png"), image, level)
        cv2.imwrite(str(data / f"ssim/a-{j:03d}.png"), image, level)
        cv2.imwrite(str(data / f"ssim/b-{j:03d}.png"), degraded(j, image), level)


if __name__ == "__main__":
    main()
