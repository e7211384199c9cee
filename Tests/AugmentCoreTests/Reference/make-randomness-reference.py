#!/usr/bin/env python3
"""Writes randomness-reference.json: outputs of SplitMix64 and xoshiro256** for the seeds RandomnessTests uses.

Both generators follow Vigna's public-domain reference C code line for line, with 64-bit arithmetic emulated
by masking: splitmix64.c (Steele, Lea and Flood 2014) and xoshiro256starstar.c (Blackman and Vigna 2018),
https://prng.di.unimi.it/. Before writing anything the script checks the transcription against the test
vectors the rand_xoshiro crate (rust-random/rngs) says the reference implementation produced:
  - xoshiro256** from the state {1, 2, 3, 4}: 11520, 0, 1509978240, 1215971899390074240, ...
  - SplitMix64 from the seed 1477776061723855037: 1985237415132408290, 2979275885539914483, ...
and the first SplitMix64 output from the seed 0, 0xe220a8397b1dcdaf.

xoshiro256** is seeded by filling its four state words with consecutive SplitMix64 outputs, as the authors
recommend. The per-sample streams derive a seed with three SplitMix64 steps:
  base = splitmix(seed).next(); per_index = splitmix(base ^ index).next();
  state seed = splitmix(per_index ^ (attempt * 0xD1B54A32D192ED03)).next()
(`index` and `attempt` as 64-bit two's complement), then seed xoshiro256** as above.

Run from this folder: python3 make-randomness-reference.py
"""
import json
import pathlib

MASK = (1 << 64) - 1


class SplitMix64:
    def __init__(self, seed):
        self.x = seed & MASK

    def next(self):
        self.x = (self.x + 0x9E3779B97F4A7C15) & MASK
        z = self.x
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & MASK


class Xoshiro256StarStar:
    def __init__(self, state):
        self.s = [word & MASK for word in state]

    @classmethod
    def seeded(cls, seed):
        expander = SplitMix64(seed)
        return cls([expander.next() for _ in range(4)])

    @classmethod
    def for_sample(cls, seed, index, attempt=0):
        base = SplitMix64(seed).next()
        per_index = SplitMix64(base ^ (index & MASK)).next()
        return cls.seeded(SplitMix64(per_index ^ ((attempt * 0xD1B54A32D192ED03) & MASK)).next())

    def next(self):
        s = self.s
        result = (rotl((s[1] * 5) & MASK, 7) * 9) & MASK
        t = (s[1] << 17) & MASK
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 45)
        return result


def outputs(generator, count):
    return [generator.next() for _ in range(count)]


# The published vectors: the transcription must reproduce them before its outputs are trusted.
assert outputs(Xoshiro256StarStar([1, 2, 3, 4]), 10) == [
    11520, 0, 1509978240, 1215971899390074240, 1216172134540287360,
    607988272756665600, 16172922978634559625, 8476171486693032832,
    10595114339597558777, 2904607092377533576,
]
assert outputs(SplitMix64(1477776061723855037), 3) == [
    1985237415132408290, 2979275885539914483, 13511426838097143398,
]
assert SplitMix64(0).next() == 0xE220A8397B1DCDAF

SPLITMIX_SEEDS = [0, 1_234_567, 1477776061723855037, MASK]
XOSHIRO_SEEDS = [0, 1, 99, 0xDEADBEEFCAFEF00D]
SAMPLES = [(7, 40, 0), (7, 41, 0), (7, 42, 0), (7, 41, 1), (0, 0, 0), (2026, -1, 3)]

reference = {
    "generator": "Vigna's splitmix64.c and xoshiro256starstar.c, transcribed in make-randomness-reference.py",
    "splitMix64": [{"seed": str(seed), "outputs": [str(v) for v in outputs(SplitMix64(seed), 8)]}
                   for seed in SPLITMIX_SEEDS],
    "xoshiro256StarStar": [{"seed": str(seed), "outputs": [str(v) for v in outputs(Xoshiro256StarStar.seeded(seed), 8)]}
                           for seed in XOSHIRO_SEEDS],
    "samples": [{"seed": str(seed), "index": index, "attempt": attempt,
                 "outputs": [str(v) for v in outputs(Xoshiro256StarStar.for_sample(seed, index, attempt), 8)]}
                for seed, index, attempt in SAMPLES],
}
path = pathlib.Path(__file__).with_name("randomness-reference.json")
path.write_text(json.dumps(reference, indent=1) + "\n")
