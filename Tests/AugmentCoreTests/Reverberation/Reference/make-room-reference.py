#!/usr/bin/env python3
"""Writes room-reference.json: pyroomacoustics' image-source responses of the rooms in rir-banks/rooms.json.

For each room pyroomacoustics (`pip install pyroomacoustics==0.10.1`) simulates the same shoebox, absorption,
source, microphone, maximum order, speed of sound (343 m/s) and rate, with its RIR high-pass filter and air
absorption off (the shipped generator applies neither). Its response starts 40 samples early (half its
81-tap fractional-delay filter), so it is shifted by 40 and cut to the room's `seconds`. Recorded:
  - `early`: its first 25 ms scaled to a peak of 0.5, as the shipped files are scaled;
  - `t30` and `t20`: `pyroomacoustics.experimental.measure_rt60(h, fs, decay_db=30 or 20)`, the
    least-squares line through Schroeder's backward-integrated decay from its first value below −5 dB to
    its first value 30 (or 20) dB further down, extrapolated to −60 dB;
  - `drrDB`: the direct-to-reverberant ratio by the ACE challenge's definition (Eaton et al. 2016): energy
    within ±2.5 ms of the largest sample over the energy after that window, in dB (numpy);
  - `sabine`, `eyring`: the room's reverberation time by Sabine's and Eyring's formulas, for the docs.

Run from this folder: python3 make-room-reference.py
"""
import json
import pathlib

import numpy as np
import pyroomacoustics as pra

ROOT = pathlib.Path(__file__).resolve().parents[4]
DELAY = 40
EARLY_SECONDS = 0.025


def drr_db(h, rate):
    peak = int(np.argmax(np.abs(h)))
    half = int(round(0.0025 * rate))
    direct = np.sum(h[max(peak - half, 0):peak + half + 1] ** 2)
    return float(10 * np.log10(direct / np.sum(h[peak + half + 1:] ** 2)))


pra.constants.set("rir_hpf_enable", False)
spec = json.loads((ROOT / "rir-banks" / "rooms.json").read_text())
rate = spec["sampleRate"]
pra.constants.set("c", spec["speedOfSound"])
rooms = []
for room in spec["rooms"]:
    shoebox = pra.ShoeBox(room["size"], fs=rate, materials=pra.Material(room["absorption"]),
                          max_order=room["maxOrder"], air_absorption=False)
    shoebox.add_source(room["source"])
    shoebox.add_microphone(room["microphone"])
    shoebox.compute_rir()
    length = int(round(room["seconds"] * rate))
    h = np.asarray(shoebox.rir[0][0], dtype=np.float64)[DELAY:DELAY + length]
    h = np.pad(h, (0, length - len(h)))
    size = np.array(room["size"])
    volume = float(np.prod(size))
    surface = 2 * float(size[0] * size[1] + size[0] * size[2] + size[1] * size[2])
    alpha = room["absorption"]
    rooms.append({
        "file": room["file"],
        "early": [float(v) for v in h[:int(EARLY_SECONDS * rate)] * (0.5 / np.max(np.abs(h)))],
        "t30": float(pra.experimental.measure_rt60(h, rate, decay_db=30)),
        "t20": float(pra.experimental.measure_rt60(h, rate, decay_db=20)),
        "drrDB": drr_db(h, rate),
        "sabine": 0.161 * volume / (surface * alpha),
        "eyring": 0.161 * volume / (-surface * np.log(1 - alpha)),
    })

reference = {"generator": f"pyroomacoustics {pra.__version__} ShoeBox.compute_rir, experimental.measure_rt60",
             "sampleRate": rate, "rooms": rooms}
pathlib.Path(__file__).with_name("room-reference.json").write_text(json.dumps(reference) + "\n")
