#!/usr/bin/env python3
"""Writes recipe-fingerprint.json: the fingerprint RecipeBookTests expects for its `car-noise` override.

A recipe's fingerprint is FNV-1a 64 (Fowler, Noll and Vo; offset basis 0xcbf29ce484222325, prime
0x100000001b3) of the UTF-8 bytes of its canonical JSON: keys sorted, no spaces, numbers in shortest form
with integral values written without a fraction. The recipe is the one the test's YAML declares:

    - name: car-noise
      modality: audio
      transforms:
        - {type: background-noise, category: car, snr_db: [5, 10], snr_definition: rms}
      checklist: {min_stoi: 0.8}

with what the file leaves out filled in from the audio defaults (no summary, 8 redraws, realism margin
3 dB, at most 0.1 % clipped samples, a gap to HLP of at least 0.01).

Run from this folder: python3 make-recipe-fingerprint.py
"""
import json
import pathlib

recipe = {
    "name": "car-noise",
    "modality": "audio",
    "summary": "",
    "redraws": 8,
    "transforms": [{"type": "background-noise", "category": "car", "snr_db": [5, 10], "snr_definition": "rms"}],
    "checklist": {"min_stoi": 0.8, "realism_margin": 3, "max_clipped_fraction": 0.001, "min_gap_to_hlp": 0.01},
}
canonical = json.dumps(recipe, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def fnv1a64(data):
    h = 0xCBF29CE484222325
    for byte in data:
        h = ((h ^ byte) * 0x100000001B3) & ((1 << 64) - 1)
    return h


assert fnv1a64(b"a") == 0xAF63DC4C8601EC8C  # the published test vector
path = pathlib.Path(__file__).with_name("recipe-fingerprint.json")
fingerprint = f"{fnv1a64(canonical.encode()):016x}"
path.write_text(json.dumps({"canonicalJSON": canonical, "fingerprint": fingerprint}, indent=1) + "\n")
