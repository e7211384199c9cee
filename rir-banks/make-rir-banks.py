#!/usr/bin/env python3
"""Writes the impulse responses of rooms.json: the image-source method of Allen & Berkley (1979).

For a shoebox room [0, Lx]×[0, Ly]×[0, Lz] with the source at s and the microphone at m, every image of
the source is indexed per axis by p ∈ {0, 1} (mirrored or not) and n ∈ ℤ (which copy of the room):
x = (1 − 2p)·s_x + 2n·L_x. Reaching the microphone from it the sound reflects |n − p| times off the wall
at 0 and |n| times off the wall at L_x; the image's order is the sum of those counts over the three axes,
and images up to `maxOrder` are kept (the convention of pyroomacoustics' `max_order`). Each wall
reflects the amplitude by β = √(1 − α) for the energy absorption α (the same on every wall here), and
the sound spreads spherically, so an image at distance d contributes β^order / (4π d) at the delay
d / c. The delay is fractional: the contribution is spread by a Hann-windowed sinc of 81 taps centred on
it (a band-limited impulse, as Peterson 1986 proposed instead of the original's rounding to the nearest
sample). Time 0 is the source's emission, so the direct sound arrives at its propagation delay; taps
before 0 or after `seconds` are dropped. There is no air absorption and no high-pass filter.

Each response is scaled so its largest magnitude is 0.5 and written as 16-bit PCM WAV at `sampleRate`
with Python's `wave` module: the same rooms.json gives the same files byte for byte.

Run from this folder: python3 make-rir-banks.py
"""
import json
import pathlib
import wave

import numpy as np

TAPS = 81
PEAK = 0.5


def axis_images(length, source, max_order):
    """Per axis, the image coordinates (1 − 2p)·s + 2n·L and their reflection counts |n − p| + |n|."""
    coordinates, orders = [], []
    for n in range(-max_order, max_order + 1):
        for p in (0, 1):
            order = abs(n - p) + abs(n)
            if order <= max_order:
                coordinates.append((1 - 2 * p) * source + 2 * n * length)
                orders.append(order)
    return np.array(coordinates), np.array(orders)


def impulse_response(room, rate, speed):
    """The room's response, `seconds` long, from every image of order ≤ maxOrder (x-major, then y, then z)."""
    (x, ox), (y, oy), (z, oz) = (axis_images(L, s, room["maxOrder"]) for L, s in zip(room["size"], room["source"]))
    mx, my, mz = room["microphone"]
    beta = np.sqrt(1.0 - room["absorption"])
    length = int(round(room["seconds"] * rate))
    half = TAPS // 2
    window = np.hanning(TAPS)
    response = np.zeros(length)
    for xi, oxi in zip(x, ox):
        order = oxi + oy[:, None] + oz[None, :]
        keep = order <= room["maxOrder"]
        distance = np.sqrt((xi - mx) ** 2 + ((y[:, None] - my) ** 2 + (z[None, :] - mz) ** 2))[keep]
        gain = beta ** order[keep] / (4 * np.pi * distance)
        delay = distance / speed * rate
        arriving = delay < length + half
        delay, gain = delay[arriving], gain[arriving]
        taps = np.floor(delay).astype(np.int64)[:, None] - half + np.arange(TAPS)[None, :]
        values = gain[:, None] * window[None, :] * np.sinc(taps - delay[:, None])
        inside = (taps >= 0) & (taps < length)
        response += np.bincount(taps[inside], weights=values[inside], minlength=length)
    return response


def write_wav(path, samples, rate):
    pcm = np.clip(np.round(samples * 32768), -32768, 32767).astype("<i2")
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(pcm.tobytes())


def main():
    folder = pathlib.Path(__file__).resolve().parent
    spec = json.loads((folder / "rooms.json").read_text())
    for room in spec["rooms"]:
        response = impulse_response(room, spec["sampleRate"], spec["speedOfSound"])
        write_wav(folder / room["file"], response * (PEAK / np.max(np.abs(response))), spec["sampleRate"])


if __name__ == "__main__":
    main()
