#!/usr/bin/env python3
"""Synthesise the noise banks: noise-banks/<category>/<clip>.{wav,flac}.

Every clip is assembled from the physical ingredients of its scene (engine orders with RPM drift,
rail-joint impacts, overlapping espeak-ng talkers, damped modal "clinks" of cups and cutlery, ...)
rather than from shaped white noise, so a spectrogram shows the structure a real recording has.

Deterministic: each clip has a fixed seed derived from its category and file name, numpy's PCG64
generator draws every random choice, espeak-ng renders a given voice and text identically, and sox
runs in repeatable mode (-R) without dither (-D). Running the script twice gives identical files.

Usage:  python3 make-noise-banks.py [--out DIR] [--only CATEGORY ...]
        (DIR defaults to the folder holding this script; existing files other than the ones
        listed in BANK are left alone, so real recordings dropped into a category survive.)
Needs:  python3 with numpy, espeak-ng, sox built with FLAC support.

samples/make_samples.py loads this file to reuse `render` for its noisy slice members.
"""

import argparse
import math
import subprocess
import sys
import tempfile
import wave
import zlib
from pathlib import Path

import numpy as np

PEAK_DBFS = -3.0
PREROLL_SECONDS = 1.0
FADE_SECONDS = 0.01


# --------------------------------------------------------------------------------------------
# DSP primitives
# --------------------------------------------------------------------------------------------

def db(value):
    """Amplitude ratio of a level in decibels."""
    return 10.0 ** (value / 20.0)


def rms(x):
    return float(np.sqrt(np.mean(np.square(x)))) if len(x) else 0.0


def unit_rms(x):
    level = rms(x)
    return x / level if level > 0 else x


def unit_peak(x):
    peak = float(np.max(np.abs(x))) if len(x) else 0.0
    return x / peak if peak > 0 else x


def fft_size(n):
    return 1 << int(math.ceil(math.log2(max(n, 2))))


def shape(x, sr, response):
    """Zero-phase filtering: multiply the spectrum by `response(frequencies_hz)`.

    Padding keeps the filter's spread in time from wrapping onto the start of the signal.
    """
    n = len(x)
    size = fft_size(n + sr // 4)
    spectrum = np.fft.rfft(x, size)
    freqs = np.fft.rfftfreq(size, 1.0 / sr)
    return np.fft.irfft(spectrum * response(freqs), size)[:n]


def lowpass(cutoff, order=2):
    return lambda f: 1.0 / np.sqrt(1.0 + (f / cutoff) ** (2 * order))


def highpass(cutoff, order=2):
    return lambda f: 1.0 / np.sqrt(1.0 + (cutoff / np.maximum(f, 1e-6)) ** (2 * order))


def bandpass(low, high, order=2):
    lo, hi = highpass(low, order), lowpass(high, order)
    return lambda f: lo(f) * hi(f)


def resonance(centre, q, gain_db):
    """A peak of `gain_db` at `centre` Hz with bandwidth centre/q (a formant, a cabin mode)."""
    gain = db(gain_db)
    return lambda f: 1.0 + (gain - 1.0) / (1.0 + ((f - centre) * q / centre) ** 2)


def tilt(exponent, floor_hz=20.0):
    """Spectral slope f^-exponent: 0.5 gives pink noise, 1 gives brown (red) noise."""
    return lambda f: 1.0 / np.maximum(f, floor_hz) ** exponent


def chain(*responses):
    def combined(f):
        out = np.ones_like(f)
        for response in responses:
            out = out * response(f)
        return out
    return combined


def coloured(rng, n, sr, *responses):
    """Unit-RMS Gaussian noise filtered by the given responses."""
    return unit_rms(shape(rng.standard_normal(n), sr, chain(*responses)))


def smooth(rng, n, sr, rate_hz, low, high):
    """A slowly wandering control curve: random values every 1/rate_hz s, raised-cosine joined."""
    position = np.arange(n) / sr * rate_hz
    points = rng.uniform(low, high, int(n / sr * rate_hz) + 3)
    index = np.floor(position).astype(np.int64)
    frac = position - index
    weight = (1.0 - np.cos(np.pi * frac)) / 2.0
    return points[index] * (1.0 - weight) + points[index + 1] * weight


def convolve(x, h):
    size = fft_size(len(x) + len(h))
    return np.fft.irfft(np.fft.rfft(x, size) * np.fft.rfft(h, size), size)[:len(x)]


def ring(sr, modes, rng, click=0.2, attack=0.0005):
    """A struck resonant object: damped sinusoids (frequency Hz, decay time constant s, amplitude)
    plus a short noise burst for the contact. Modes at or above 0.45*sr are dropped."""
    longest = max(tau for _, tau, _ in modes)
    t = np.arange(int((6.0 * longest + 0.01) * sr)) / sr
    y = np.zeros(len(t))
    for freq, tau, amp in modes:
        if freq < 0.45 * sr:
            y += amp * np.exp(-t / tau) * np.sin(2 * np.pi * freq * t + rng.uniform(0, 2 * np.pi))
    y += click * rng.standard_normal(len(t)) * np.exp(-t / 0.0015)
    return y * np.minimum(1.0, t / attack)


def room_response(rng, sr, rt60):
    """Exponentially decaying noise tail (-60 dB at rt60), darker as it decays, unit energy."""
    t = np.arange(max(int(rt60 * sr), 16)) / sr
    early = rng.standard_normal(len(t)) * 10.0 ** (-3.0 * t / rt60)
    late = shape(rng.standard_normal(len(t)), sr, lowpass(2500, 1)) * 10.0 ** (-3.0 * t / rt60)
    mix = np.clip(t / rt60 * 2.0, 0.0, 1.0)
    ir = early * (1.0 - mix) + late * mix
    ir *= np.minimum(1.0, t / 0.008)
    return ir / np.sqrt(np.sum(ir ** 2))


# --------------------------------------------------------------------------------------------
# Mix bus
# --------------------------------------------------------------------------------------------

class Scene:
    """A mono or stereo mix bus.

    Point sources are panned with constant power and a small interaural delay; beds (diffuse
    noise) are rendered independently per channel; a reverb send goes through a synthetic room
    response drawn per channel, so stereo clips decorrelate like a real room. The scene runs a
    pre-roll before the returned clip so that it starts mid-scene, reverb tails included.
    """

    def __init__(self, sr, seconds, channels, rng, rt60):
        self.sr = sr
        self.channels = channels
        self.rng = rng
        self.rt60 = rt60
        self.keep = int(round(seconds * sr))
        self.skip = int(round(PREROLL_SECONDS * sr))
        self.n = self.keep + self.skip
        self.seconds = self.n / sr
        self.dry = np.zeros((channels, self.n))
        self.send = np.zeros((channels, self.n))

    def child_rng(self):
        return np.random.default_rng(int(self.rng.integers(2 ** 63)))

    def _add(self, channel, signal, start, wet):
        begin, end = max(start, 0), min(start + len(signal), self.n)
        if begin >= end:
            return
        piece = signal[begin - start:end - start]
        self.dry[channel, begin:end] += piece
        if wet > 0:
            self.send[channel, begin:end] += wet * piece

    def point(self, signal, at=0.0, gain=1.0, pan=0.0, wet=0.2):
        """Place a source at time `at` (s, scene time including pre-roll), pan -1 (left) .. 1 (right)."""
        start = int(round(at * self.sr))
        if self.channels == 1:
            self._add(0, gain * signal, start, wet)
            return
        angle = (pan + 1.0) * np.pi / 4.0
        lag = int(round(abs(pan) * 0.0005 * self.sr))
        for channel, level in ((0, np.cos(angle)), (1, np.sin(angle))):
            far = (channel == 0 and pan > 0) or (channel == 1 and pan < 0)
            self._add(channel, gain * np.sqrt(2.0) * level * signal, start + (lag if far else 0), wet)

    def bed(self, make, gain=1.0, wet=0.0):
        """A diffuse source: `make(rng)` returns n samples, called once per channel."""
        for channel in range(self.channels):
            self._add(channel, gain * make(self.child_rng()), 0, wet)

    def render(self):
        out = self.dry.copy()
        for channel in range(self.channels):
            if np.any(self.send[channel]):
                out[channel] += convolve(self.send[channel], room_response(self.child_rng(), self.sr, self.rt60))
        out = out[:, self.skip:]
        for channel in range(self.channels):
            out[channel] = shape(out[channel], self.sr, highpass(20, 2))
        fade = np.minimum(1.0, np.minimum(np.arange(self.keep), np.arange(self.keep)[::-1]) / (FADE_SECONDS * self.sr))
        return (out * fade).T


# --------------------------------------------------------------------------------------------
# Speech: overlapping espeak-ng talkers
# --------------------------------------------------------------------------------------------

ACCENTS = ["en-us", "en", "en-gb-scotland", "en-gb-x-rp", "en-029", "en-us-nyc",
           "en-gb-x-gbclan", "en-gb-x-gbcwmd"]
VARIANTS = ["m1", "m2", "m3", "m4", "m5", "m6", "m7", "f1", "f2", "f3", "f4", "f5"]

SUBJECTS = ["I", "we", "my sister", "the manager", "our neighbours", "you", "they", "my friend from work",
            "the kids", "he", "she", "my brother", "the new guy", "everyone at the office", "your cousin"]
VERBS = ["think we should", "wanted to", "never really wanted to", "said we could", "are going to",
         "might", "tried to", "decided to", "forgot to", "promised to", "would love to", "had to"]
ACTIONS = ["visit the new place downtown", "finish the report before friday", "book a table for six",
           "call the plumber again", "take the early train", "try that noodle shop on the corner",
           "paint the kitchen", "watch the game tonight", "fix the old bicycle", "plan the trip in june",
           "move to a bigger flat", "sell the car", "learn to play the guitar", "ask for a refund",
           "bring the dog to the park", "pick up the tickets", "clean the garage", "cook for everybody",
           "meet them at the station", "go back to the museum", "change the meeting to monday"]
TAILS = ["", "", "after lunch", "but it was raining", "if there is time", "next weekend", "you know",
         "honestly", "because the prices went up", "with everyone", "before the holidays",
         "and that was the end of it", "at least that is what they told me"]
OPENERS = ["did you see", "have you tried", "do you remember", "how was", "what did you think of",
           "are you going to", "who told you about"]
OBJECTS = ["the new cafe", "the match last night", "her presentation", "that film", "the concert",
           "the bakery near the bridge", "the meeting", "the weather this morning", "his new job",
           "the cheese they sell at the market"]
INTERJECTIONS = ["yeah", "oh really", "no way", "exactly", "right", "that's funny", "of course",
                 "I know", "wait what", "okay okay", "sure", "mm hmm"]


def chatter(rng, words):
    """Random conversational text of at least `words` words."""
    sentences, count = [], 0
    while count < words:
        form = rng.random()
        if form < 0.55:
            sentence = " ".join(part for part in (str(rng.choice(SUBJECTS)), str(rng.choice(VERBS)),
                                                  str(rng.choice(ACTIONS)), str(rng.choice(TAILS))) if part) + "."
        elif form < 0.8:
            sentence = f"{rng.choice(OPENERS)} {rng.choice(OBJECTS)}?"
        else:
            sentence = f"{rng.choice(INTERJECTIONS)}, {rng.choice(INTERJECTIONS)}."
        sentences.append(sentence[0].upper() + sentence[1:])
        count += len(sentence.split())
    return " ".join(sentences)


def speak(text, voice, speed, pitch, sr, workdir):
    """espeak-ng speech as float samples at `sr` (espeak renders 22.05 kHz; sox resamples)."""
    path = Path(workdir) / "speech.wav"
    subprocess.run(["espeak-ng", "-v", voice, "-s", str(speed), "-p", str(pitch), "-w", str(path), text],
                   check=True, capture_output=True)
    raw = subprocess.run(["sox", "-R", "-D", str(path), "-t", "raw", "-e", "floating-point", "-b", "32",
                          "-c", "1", "-", "rate", "-v", str(sr)], check=True, capture_output=True).stdout
    return np.frombuffer(raw, dtype="<f4").astype(np.float64)


def talker_voice(rng):
    return f"{rng.choice(ACCENTS)}+{rng.choice(VARIANTS)}"


def babble(scene, rng, workdir, talkers, level_db=(-10.0, 0.0), wet=(0.2, 0.5)):
    """Overlapping talkers, each a different voice, pitch, speed, text and start offset.

    Returns the RMS of the summed babble (talkers are independent, so gains add in power), the
    reference level the other sources of a scene are set against.
    """
    power = 0.0
    for _ in range(talkers):
        words = int(scene.seconds * 3.2) + 12
        speech = speak(chatter(rng, words), talker_voice(rng), int(rng.integers(135, 200)),
                       int(rng.integers(20, 80)), scene.sr, workdir)
        while len(speech) < scene.n + scene.sr:
            gap = np.zeros(int(rng.uniform(0.2, 0.8) * scene.sr))
            speech = np.concatenate([speech, gap, speech])
        offset = int(rng.integers(0, len(speech) - scene.n))
        gain = db(rng.uniform(*level_db))
        scene.point(unit_rms(speech[offset:offset + scene.n]), gain=gain, pan=rng.uniform(-0.9, 0.9),
                    wet=rng.uniform(*wet))
        power += gain ** 2
    return math.sqrt(power)


# --------------------------------------------------------------------------------------------
# Sound events
# --------------------------------------------------------------------------------------------

def cup_clink(rng, sr):
    """Ceramic cup or saucer: a few stiff, quickly damped modes, sometimes a bounce."""
    base = rng.uniform(1800, 3400)
    modes = [(base * ratio * rng.uniform(0.97, 1.03), rng.uniform(0.02, 0.07) / (k + 1) ** 0.5, 1.0 / (k + 1))
             for k, ratio in enumerate((1.0, 1.58, 2.31, 3.07))]
    hit = ring(sr, modes, rng, click=0.3)
    if rng.random() < 0.5:
        bounce = int(rng.uniform(0.02, 0.07) * sr)
        hit = np.concatenate([hit, np.zeros(bounce)])
        hit[bounce:] += rng.uniform(0.3, 0.6) * ring(sr, modes, rng, click=0.3)[:len(hit) - bounce]
    return unit_peak(hit)


def cutlery(rng, sr):
    """A fork or spoon dropped on a plate: a free bar's inharmonic modes (1 : 2.76 : 5.40)."""
    base = rng.uniform(1500, 3500)
    modes = [(base * ratio, rng.uniform(0.08, 0.25) / ratio ** 0.5, amp)
             for ratio, amp in ((1.0, 1.0), (2.756, 0.6), (5.404, 0.35))]
    hits = np.zeros(int(0.9 * sr))
    at = 0
    for k in range(int(rng.integers(1, 4))):
        strike = ring(sr, modes, rng, click=0.5) * 0.7 ** k
        end = min(len(hits), at + len(strike))
        hits[at:end] += strike[:end - at]
        at += int(rng.uniform(0.04, 0.12) * sr)
    return unit_peak(hits)


def plate(rng, sr):
    """A plate set down: a low thud and a ring of mid-frequency modes."""
    base = rng.uniform(800, 1500)
    modes = [(rng.uniform(120, 220), 0.03, 1.0)] + [(base * r, rng.uniform(0.05, 0.15), 0.5 / (k + 1))
                                                     for k, r in enumerate((1.0, 1.49, 2.27, 3.16))]
    return unit_peak(ring(sr, modes, rng, click=0.4))


def tray(rng, sr):
    """A plastic tray: hollow, strongly damped low-mid modes."""
    modes = [(rng.uniform(180, 260), 0.05, 1.0), (rng.uniform(380, 520), 0.035, 0.7),
             (rng.uniform(700, 950), 0.02, 0.4)]
    return unit_peak(ring(sr, modes, rng, click=0.8))


def stirring(rng, sr):
    """A spoon stirring a cup: light clinks at 5 to 8 per second on the same cup modes."""
    base = rng.uniform(2200, 3600)
    rate = rng.uniform(5.0, 8.0)
    count = int(rng.integers(6, 14))
    out = np.zeros(int((count / rate + 0.3) * sr))
    for k in range(count):
        modes = [(base * r, 0.03 / (i + 1), 1.0 / (i + 1)) for i, r in enumerate((1.0, 1.58, 2.31))]
        tick = ring(sr, modes, rng, click=0.2) * rng.uniform(0.4, 1.0)
        at = int((k / rate + rng.uniform(-0.01, 0.01)) * sr) if k else 0
        end = min(len(out), at + len(tick))
        out[at:end] += tick[:end - at]
    return unit_peak(out)


def steam_wand(rng, sr):
    """Espresso machine steam: hissing band noise with a gurgling flutter."""
    n = int(rng.uniform(1.5, 3.0) * sr)
    t = np.arange(n) / n
    envelope = np.minimum(1.0, t / 0.08) * np.minimum(1.0, (1.0 - t) / 0.2)
    gurgle = smooth(rng, n, sr, 14.0, 0.4, 1.0)
    return unit_peak(coloured(rng, n, sr, bandpass(2000, 7500, 2)) * envelope * gurgle)


def sizzle(rng, n, sr):
    """A griddle: dense random crackles over a soft hiss."""
    crackles = (rng.random(n) < 180.0 / sr) * np.minimum(rng.lognormal(0.0, 0.6, n), 3.0)
    crackles = shape(crackles, sr, bandpass(2500, 7000, 2))
    hiss = coloured(rng, n, sr, bandpass(3000, 7000, 2)) * smooth(rng, n, sr, 0.5, 0.5, 1.0)
    return unit_rms(unit_rms(crackles) + 0.5 * hiss)


def clack(rng, sr):
    """A wheel crossing a rail joint: a heavy low thump and a short metallic click."""
    thump = ring(sr, [(rng.uniform(55, 90), 0.05, 1.0), (rng.uniform(140, 220), 0.025, 0.5)], rng, click=0.0)
    metal = ring(sr, [(rng.uniform(900, 1400), 0.018, 0.5), (rng.uniform(2000, 3200), 0.01, 0.4)], rng, click=1.0)
    out = np.zeros(max(len(thump), len(metal)))
    out[:len(thump)] += thump
    out[:len(metal)] += metal
    return unit_peak(out)


def squeal(rng, sr):
    """Wheel flange squeal on a curve: a high, wavering tone that swells and fades."""
    n = int(rng.uniform(1.0, 2.5) * sr)
    t = np.arange(n) / sr
    f0 = rng.uniform(2400, 4200) * (1.0 + 0.003 * np.sin(2 * np.pi * rng.uniform(4, 7) * t)) \
        * smooth(rng, n, sr, 5.0, 0.98, 1.02)
    phase = 2 * np.pi * np.cumsum(f0) / sr
    tone = np.sin(phase) + (0.3 * np.sin(2 * phase) if 2 * f0.max() < 0.45 * sr else 0.0)
    x = t / t[-1]
    envelope = np.sin(np.pi * x) ** 1.5 * smooth(rng, n, sr, 6.0, 0.5, 1.0)
    grind = coloured(rng, n, sr, bandpass(0.8 * f0.mean(), 1.25 * f0.mean(), 2))
    return unit_peak((tone + 0.25 * grind) * envelope)


def cough(rng, sr):
    """A bout of one to three coughs: an explosive broadband burst then a voiced, formant-shaped tail."""
    count = int(rng.integers(1, 4))
    out = np.zeros(int((count * 0.45 + 0.4) * sr))
    at = 0
    formants = chain(resonance(rng.uniform(450, 700), 4.0, 18.0), resonance(rng.uniform(1100, 1700), 5.0, 14.0),
                     resonance(rng.uniform(2300, 2800), 6.0, 8.0), bandpass(150, 4000, 2))
    for k in range(count):
        n = int(rng.uniform(0.22, 0.35) * sr)
        t = np.arange(n) / sr
        burst = shape(rng.standard_normal(n), sr, formants)
        burst = unit_peak(burst) * (1.0 - np.exp(-t / 0.004)) * (np.exp(-t / 0.05) + 0.35 * np.exp(-t / 0.15))
        f0 = np.linspace(rng.uniform(180, 260), rng.uniform(120, 160), n)
        pulses = (0.5 + 0.5 * np.cos(2 * np.pi * np.cumsum(f0) / sr)) ** 8
        voice = unit_peak(shape(pulses - pulses.mean(), sr, formants))
        voice *= np.clip((t - 0.03) / 0.03, 0.0, 1.0) * np.exp(-t / 0.12) * 0.5
        out[at:at + n] += (burst + voice) * 0.8 ** k
        at += int(rng.uniform(0.3, 0.45) * sr)
    return unit_peak(out)


def page_turn(rng, sr):
    """A page turned: a fluttering swish, fine paper crackle and a soft settle at the end."""
    n = int(rng.uniform(0.4, 0.8) * sr)
    x = np.arange(n) / n
    envelope = x ** 1.2 * (1.0 - x) ** 2.5
    envelope /= envelope.max()
    flutter = smooth(rng, n, sr, 40.0, 0.3, 1.0)
    swish = coloured(rng, n, sr, bandpass(700, 7000, 1)) * envelope * flutter
    crackle = (rng.random(n) < 400.0 / sr) * rng.lognormal(0.0, 0.7, n)
    crackle = unit_rms(shape(crackle, sr, highpass(2500, 2))) * np.sqrt(envelope)
    out = swish + 0.6 * crackle
    settle = ring(sr, [(rng.uniform(120, 200), 0.02, 1.0)], rng, click=0.3)
    at = int(0.85 * n)
    end = min(n, at + len(settle))
    out[at:end] += 0.8 * settle[:end - at]
    return unit_peak(out)


def footsteps(rng, sr, steps):
    """Someone walking past: heel and toe of each step, louder as they pass, muffled by distance."""
    interval = rng.uniform(0.48, 0.6)
    out = np.zeros(int((steps * interval + 0.6) * sr))
    for k in range(steps):
        at = int((k * interval + rng.uniform(-0.015, 0.015)) * sr) + int(0.05 * sr)
        level = np.sin(np.pi * (k + 0.5) / steps) ** 1.5
        heel = ring(sr, [(rng.uniform(70, 110), 0.03, 1.0), (rng.uniform(180, 300), 0.015, 0.5)], rng, click=0.4)
        toe = 0.45 * ring(sr, [(rng.uniform(120, 200), 0.02, 1.0)], rng, click=0.3)
        for part, delay in ((heel, 0), (toe, int(rng.uniform(0.06, 0.09) * sr))):
            end = min(len(out), at + delay + len(part))
            out[at + delay:end] += level * part[:end - at - delay]
    return unit_peak(shape(out, sr, lowpass(900, 2)))


def distant_music(rng, sr, n):
    """Background music from a far loudspeaker: I-V-vi-IV chords, bass and a plucked arpeggio."""
    beat = 60.0 / rng.uniform(92, 118)
    root = 130.81 * 2.0 ** (int(rng.integers(0, 12)) / 12.0)
    progression = ((0, 4, 7), (7, 11, 14), (9, 12, 16), (5, 9, 12))
    out = np.zeros(n)

    def note(freq, start, seconds, amp, decay):
        begin = int(start * sr)
        if begin >= n:
            return
        t = np.arange(min(int(seconds * sr), n - begin)) / sr
        tone = sum(a * np.sin(2 * np.pi * freq * h * t) for h, a in ((1, 1.0), (2, 0.45), (3, 0.2), (4, 0.1))
                   if freq * h < 0.45 * sr)
        out[begin:begin + len(t)] += amp * tone * np.minimum(1.0, t / 0.01) * np.exp(-t / decay)

    bar = 0
    while bar * 4 * beat < n / sr:
        chord = progression[bar % 4]
        start = bar * 4 * beat
        for step in chord:
            note(root * 2.0 ** (step / 12.0), start, 4 * beat, 0.25, 2.0)
        for half in (0, 2):
            note(root / 2.0 * 2.0 ** (chord[0] / 12.0), start + half * beat, 2 * beat, 0.6, 0.6)
        for eighth in range(8):
            step = chord[int(rng.integers(0, 3))] + 12 * int(rng.integers(0, 2))
            note(root * 2.0 * 2.0 ** (step / 12.0), start + eighth * beat / 2.0, beat, 0.35, 0.25)
        bar += 1
    return unit_rms(shape(out, sr, lowpass(1800, 2)))


def events(rng, seconds, rate):
    """Poisson event times over a scene of `seconds`."""
    times, at = [], rng.exponential(1.0 / rate)
    while at < seconds:
        times.append(at)
        at += rng.exponential(1.0 / rate)
    return times


# --------------------------------------------------------------------------------------------
# Categories: each fills a Scene; `variant` picks a deliberate scenario (city, motorway, ...).
# --------------------------------------------------------------------------------------------

ENGINE_ORDERS = ((0.5, 0.15), (1.0, 0.3), (1.5, 0.1), (2.0, 1.0), (3.0, 0.25), (4.0, 0.55),
                 (5.0, 0.1), (6.0, 0.35), (8.0, 0.2), (10.0, 0.1))


def car(scene, rng, variant, workdir):
    """Four-cylinder engine orders (firing order 2 dominant) following a drifting RPM, over
    low-passed road and tyre noise, wind that gusts, and the odd thump of a road joint."""
    n, sr = scene.n, scene.sr
    t = np.arange(n) / sr
    scenario = variant % 3
    base = (1700.0, 2600.0, 1400.0)[scenario] * rng.uniform(0.92, 1.08)
    rpm = base + (320.0, 120.0, 150.0)[scenario] * smooth(rng, n, sr, 0.4, -1.0, 1.0)
    if scenario == 2:
        # Pulling away: RPM climbs in first gear, drops at the shift, climbs again in second.
        shift = 0.55 * scene.seconds
        climb = np.where(t < shift, t / shift, (t - shift) / (scene.seconds - shift))
        rpm += np.where(t < shift, 1900.0, 1100.0) * climb
    rotation = rpm / 60.0
    phase = 2 * np.pi * np.cumsum(rotation) / sr
    engine = np.zeros(n)
    for order, amp in ENGINE_ORDERS:
        damping = 1.0 / np.sqrt(1.0 + (order * rotation / 400.0) ** 4)
        engine += amp * damping * smooth(rng, n, sr, 1.5, 0.7, 1.3) * np.sin(order * phase + rng.uniform(0, 2 * np.pi))
    firing = (0.5 + 0.5 * np.cos(2 * phase)) ** 6
    roughness = coloured(rng, n, sr, bandpass(80, 900, 2)) * firing
    scene.point(unit_rms(unit_rms(engine) + 0.35 * unit_rms(roughness)), gain=1.0,
                pan=rng.uniform(-0.2, 0.2), wet=0.05)

    surface = smooth(rng, n, sr, 0.3, 0.75, 1.1)
    road = lambda r: coloured(r, n, sr, tilt(0.5, 30.0), lowpass(250, 2)) * surface
    tyre = lambda r: coloured(r, n, sr, bandpass(500, 1100, 2)) * surface
    gust = lambda r: coloured(r, n, sr, bandpass(300, 3000, 1)) * smooth(r, n, sr, 0.4, 0.3, 1.0)
    road_db, tyre_db, wind_db = ((-3, -15, -16), (-1, -9, -8), (-4, -17, -18))[scenario]
    scene.bed(road, gain=db(road_db))
    scene.bed(tyre, gain=db(tyre_db))
    scene.bed(gust, gain=db(wind_db))
    for at in events(rng, scene.seconds, 0.3):
        bump = ring(sr, [(rng.uniform(35, 60), 0.06, 1.0), (rng.uniform(90, 140), 0.03, 0.5)], rng, click=0.05)
        scene.point(unit_peak(bump), at=at, gain=db(rng.uniform(3, 7)), pan=rng.uniform(-0.5, 0.5), wet=0.0)


def people(scene, rng, variant, workdir):
    """Babble: many overlapping espeak-ng talkers in a room."""
    babble(scene, rng, workdir, talkers=(8, 10, 12)[variant % 3])
    scene.bed(lambda r: coloured(r, scene.n, scene.sr, tilt(0.5), lowpass(1000, 1)), gain=db(-30))


def cafe(scene, rng, variant, workdir):
    """A few tables of babble plus cups, saucers, stirring spoons, cutlery and the steam wand."""
    level = babble(scene, rng, workdir, talkers=int(rng.integers(5, 8)), wet=(0.25, 0.5))
    makers = (cup_clink, cup_clink, cutlery, stirring, plate)
    for at in events(rng, scene.seconds, 1.4):
        maker = makers[int(rng.integers(0, len(makers)))]
        scene.point(maker(rng, scene.sr), at=at, gain=level * db(rng.uniform(6, 13)),
                    pan=rng.uniform(-0.8, 0.8), wet=rng.uniform(0.15, 0.35))
    if variant % 3 != 1:
        scene.point(steam_wand(rng, scene.sr), at=rng.uniform(PREROLL_SECONDS, scene.seconds - 3.0),
                    gain=level * db(2), pan=rng.uniform(-0.6, 0.6), wet=0.2)
    scene.bed(lambda r: coloured(r, scene.n, scene.sr, tilt(0.5), lowpass(800, 1)), gain=level * db(-20))


def train(scene, rng, variant, workdir):
    """Inside a carriage: paired clacks of each bogie's axles over rail joints (spacing set by a
    drifting speed), low rumble, traction motor whine, air noise, and flange squeal on curves."""
    n, sr = scene.n, scene.sr
    speed = rng.uniform(16.0, 24.0) * smooth(rng, n, sr, 0.2, 0.95, 1.05)
    position = np.cumsum(speed) / sr
    rail = (25.0, 18.3, 25.0)[variant % 3]
    axles = ((0.0, -0.6, 0.5), (2.5, -0.6, 0.5), (17.5, 0.6, 1.0), (20.0, 0.6, 1.0))
    for offset, pan, level in axles:
        joints = np.nonzero(np.diff(np.floor((position - offset) / rail)) > 0)[0]
        for index in joints:
            scene.point(clack(rng, sr), at=index / sr, gain=db(19) * level * db(rng.uniform(-2, 1)),
                        pan=pan, wet=0.15)
    scene.bed(lambda r: coloured(r, n, sr, tilt(1.0, 15.0), lowpass(180, 2)) * smooth(r, n, sr, 0.5, 0.7, 1.1))
    scene.bed(lambda r: coloured(r, n, sr, bandpass(250, 700, 2)), gain=db(-8))
    scene.bed(lambda r: coloured(r, n, sr, bandpass(400, 4000, 1)), gain=db(-16))
    whine = speed * rng.uniform(18.0, 24.0)
    phase = 2 * np.pi * np.cumsum(whine) / sr
    scene.point(unit_rms(np.sin(phase) + 0.4 * np.sin(2 * phase)), gain=db(-20), wet=0.1)
    for _ in range(int(rng.integers(1, 3))):
        scene.point(squeal(rng, sr), at=rng.uniform(PREROLL_SECONDS, scene.seconds - 2.5),
                    gain=db(rng.uniform(4, 9)), pan=rng.uniform(-0.7, 0.7), wet=0.2)


def plane(scene, rng, variant, workdir):
    """Cabin in cruise: broadband airflow roar with a heavy low end, air-conditioning hiss, and the
    two engines' shaft tones (slightly detuned, so they beat) plus a faint fan blade-pass tone."""
    n, sr = scene.n, scene.sr
    scene.bed(lambda r: coloured(r, n, sr, tilt(0.5, 15.0), lowpass(500, 1), resonance(110, 1.5, 6), highpass(20, 2)))
    scene.bed(lambda r: coloured(r, n, sr, tilt(1.0, 10.0), lowpass(60, 2)), gain=db(-4))
    scene.bed(lambda r: coloured(r, n, sr, bandpass(2500, 7000, 2)), gain=db(-22))
    shaft = rng.uniform(58.0, 78.0)
    for side, detune in ((-0.7, 1.0), (0.7, 1.0 + rng.uniform(0.004, 0.01))):
        freq = shaft * detune * smooth(rng, n, sr, 0.2, 0.998, 1.002)
        phase = 2 * np.pi * np.cumsum(freq) / sr
        tone = sum(a * np.sin(h * phase + rng.uniform(0, 2 * np.pi)) for h, a in ((1, 1.0), (2, 0.6), (3, 0.3), (4, 0.12)))
        blade_pass = 0.08 * np.sin(24 * phase) * smooth(rng, n, sr, 0.5, 0.5, 1.0) if 24 * shaft < 0.45 * sr else 0.0
        scene.point(unit_rms(tone + blade_pass), gain=db(-2), pan=side, wet=0.1)


def machine(scene, rng, variant, workdir):
    """A workshop: mains hum with strong even harmonics, a motor's rotation and slot tones, a press
    striking on a fixed period (thump plus metallic ring), a cam rattle, pneumatic hiss, fans."""
    n, sr = scene.n, scene.sr
    t = np.arange(n) / sr
    mains = (50.0, 60.0, 50.0)[variant % 3]
    hum = sum(a * np.sin(2 * np.pi * mains * k * t + rng.uniform(0, 2 * np.pi))
              for k, a in enumerate((0.4, 1.0, 0.3, 0.5, 0.15, 0.25, 0.1, 0.12), start=1))
    scene.point(unit_rms(hum) * smooth(rng, n, sr, 0.5, 0.9, 1.1), gain=1.0, pan=rng.uniform(-0.4, 0.4), wet=0.3)
    rotation = rng.uniform(24.0, 29.5) * smooth(rng, n, sr, 0.3, 0.997, 1.003)
    phase = 2 * np.pi * np.cumsum(rotation) / sr
    slots = float(rng.integers(28, 40))
    motor = sum(a * np.sin(k * phase) for k, a in ((1, 1.0), (2, 0.5), (3, 0.3), (4, 0.2))) + 0.3 * np.sin(slots * phase)
    scene.point(unit_rms(motor), gain=db(-6), pan=rng.uniform(-0.5, 0.5), wet=0.3)
    scene.bed(lambda r: coloured(r, n, sr, tilt(0.5), lowpass(1500, 2)), gain=db(-10))

    period = rng.uniform(0.7, 1.5)
    ring_modes = sorted(rng.uniform(300, 3200, 4))
    thump = rng.uniform(50, 80)
    pan = rng.uniform(-0.5, 0.5)
    at = rng.uniform(0.0, period)
    while at < scene.seconds:
        modes = [(thump * rng.uniform(0.97, 1.03), 0.07, 1.0)] + [
            (f * rng.uniform(0.97, 1.03), rng.uniform(0.08, 0.35), 0.5 / (k + 1)) for k, f in enumerate(ring_modes)]
        scene.point(unit_peak(ring(sr, modes, rng, click=0.6)), at=at, gain=db(rng.uniform(10, 12)), pan=pan, wet=0.35)
        if variant % 3 == 1:
            hiss_n = int(0.4 * sr)
            hiss = coloured(rng, hiss_n, sr, bandpass(1500, 6000, 2)) * np.exp(-np.arange(hiss_n) / (0.12 * sr))
            scene.point(hiss, at=at + 0.25 * period, gain=db(-2), pan=pan + 0.2, wet=0.2)
        for quarter in (0.25, 0.5, 0.75):
            tick = ring(sr, [(rng.uniform(2000, 5000), 0.005, 1.0)], rng, click=0.5)
            scene.point(unit_peak(tick), at=at + quarter * period, gain=db(-4), pan=pan - 0.3, wet=0.2)
        at += period * rng.uniform(0.995, 1.005)


def library(scene, rng, variant, workdir):
    """A reading room: very quiet room tone and ventilation, with sparse events: page turns,
    someone walking past in the distance, a cough."""
    n, sr = scene.n, scene.sr
    t = np.arange(n) / sr
    scene.bed(lambda r: coloured(r, n, sr, tilt(0.5), lowpass(900, 1), highpass(30, 2)), gain=db(-46))
    scene.bed(lambda r: coloured(r, n, sr, bandpass(1000, 5000, 1)), gain=db(-54))
    hvac = np.sin(2 * np.pi * 60 * t) + 0.5 * np.sin(2 * np.pi * 120 * t + 1.0)
    scene.point(unit_rms(hvac), gain=db(-52), wet=0.3)
    start, end = PREROLL_SECONDS + 0.3, scene.seconds - 1.2
    plan = (("page", "page", "cough"), ("steps", "page"), ("page", "steps", "cough", "page"))[variant % 3]
    slots = np.sort(rng.uniform(start, end, len(plan)))
    for kind, at in zip(plan, slots):
        if kind == "page":
            scene.point(page_turn(rng, sr), at=at, gain=db(rng.uniform(-10, -5)), pan=rng.uniform(-0.6, 0.6), wet=0.25)
        elif kind == "cough":
            scene.point(cough(rng, sr), at=at, gain=db(rng.uniform(-3, 0)), pan=rng.uniform(-0.8, 0.8), wet=0.45)
        else:
            walk = footsteps(rng, sr, int(rng.integers(5, 9)))
            scene.point(walk, at=at - 1.0, gain=db(-14), pan=rng.uniform(-0.8, 0.8), wet=0.5)


def food_court(scene, rng, variant, workdir):
    """A food court: dense babble, trays, plates, cutlery and cups, a griddle sizzling and
    background music from a distant loudspeaker."""
    n, sr = scene.n, scene.sr
    level = babble(scene, rng, workdir, talkers=int(rng.integers(14, 19)), level_db=(-14.0, 0.0), wet=(0.35, 0.6))
    makers = (tray, tray, plate, cutlery, cup_clink)
    for at in events(rng, scene.seconds, 2.5):
        maker = makers[int(rng.integers(0, len(makers)))]
        scene.point(maker(rng, sr), at=at, gain=level * db(rng.uniform(4, 11)), pan=rng.uniform(-0.9, 0.9),
                    wet=rng.uniform(0.25, 0.45))
    scene.point(distant_music(rng, sr, n), gain=level * db(-11), pan=rng.uniform(-0.5, 0.5), wet=0.7)
    scene.point(sizzle(rng, n, sr), gain=level * db(-15), pan=rng.uniform(-0.7, 0.7), wet=0.2)


CATEGORIES = {
    # name: (scene builder, room reverberation time in s)
    "car": (car, 0.08),
    "people": (people, 0.5),
    "cafe": (cafe, 0.6),
    "train": (train, 0.25),
    "plane": (plane, 0.3),
    "machine": (machine, 1.2),
    "library": (library, 1.1),
    "food-court": (food_court, 1.5),
}

# category, file name, sample rate, channels, seconds, variant
BANK = (
    ("car", "car-city-01.wav", 16000, 1, 8.0, 0),
    ("car", "car-motorway-02.wav", 16000, 1, 9.0, 1),
    ("car", "car-pulling-away-03.wav", 44100, 2, 7.0, 2),
    ("people", "people-01.wav", 16000, 1, 8.0, 0),
    ("people", "people-02.wav", 16000, 1, 9.0, 1),
    ("people", "people-03.wav", 22050, 1, 8.0, 2),
    ("cafe", "cafe-01.wav", 16000, 1, 8.0, 0),
    ("cafe", "cafe-02.wav", 16000, 1, 9.0, 1),
    ("cafe", "cafe-03.wav", 16000, 1, 7.0, 2),
    ("train", "train-01.wav", 16000, 1, 8.0, 0),
    ("train", "train-02.wav", 16000, 1, 9.0, 1),
    ("train", "train-03.flac", 48000, 1, 7.0, 2),
    ("plane", "plane-01.wav", 16000, 1, 8.0, 0),
    ("plane", "plane-02.wav", 16000, 1, 10.0, 1),
    ("plane", "plane-03.wav", 44100, 2, 6.0, 2),
    ("machine", "machine-press-01.wav", 16000, 1, 8.0, 0),
    ("machine", "machine-pneumatic-02.wav", 16000, 1, 9.0, 1),
    ("machine", "machine-press-03.flac", 48000, 2, 6.0, 2),
    ("library", "library-01.wav", 16000, 1, 9.0, 0),
    ("library", "library-02.wav", 16000, 1, 8.0, 1),
    ("library", "library-03.wav", 22050, 1, 10.0, 2),
    ("food-court", "food-court-01.wav", 16000, 1, 8.0, 0),
    ("food-court", "food-court-02.wav", 16000, 1, 9.0, 1),
    ("food-court", "food-court-03.wav", 44100, 2, 7.0, 2),
)


def clip_seed(category, name):
    """A stable seed per clip (Python's own str hash is salted per process)."""
    return zlib.crc32(f"{category}/{name}".encode())


def render(category, sr, seconds, channels=1, seed=0, variant=0, workdir=None):
    """One clip of `category` as float frames (frames, channels), peak-normalised to PEAK_DBFS."""
    builder, rt60 = CATEGORIES[category]
    rng = np.random.default_rng(seed)
    scene = Scene(sr, seconds, channels, rng, rt60)
    if workdir is None:
        with tempfile.TemporaryDirectory() as tmp:
            builder(scene, rng, variant, tmp)
    else:
        builder(scene, rng, variant, workdir)
    frames = scene.render()
    return frames * (db(PEAK_DBFS) / np.max(np.abs(frames)))


def pcm16(frames):
    return np.clip(np.round(frames * 32767.0), -32768, 32767).astype("<i2")


def write_wav(path, frames, sr):
    """PCM16 WAV; `frames` is (frames,) or (frames, channels) in -1..1."""
    frames = frames.reshape(len(frames), -1)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(frames.shape[1])
        out.setsampwidth(2)
        out.setframerate(sr)
        out.writeframes(pcm16(frames).tobytes())


def write_clip(path, frames, sr, workdir):
    """WAV written directly; FLAC converted from a PCM16 WAV by sox (lossless, so same samples)."""
    path = Path(path)
    if path.suffix == ".wav":
        write_wav(path, frames, sr)
    elif path.suffix == ".flac":
        staging = Path(workdir) / "staging.wav"
        write_wav(staging, frames, sr)
        subprocess.run(["sox", "-R", "-D", str(staging), str(path)], check=True, capture_output=True)
    else:
        raise ValueError(f"{path}: only .wav and .flac are written")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent,
                        help="folder receiving <category>/ sub-folders (default: this script's folder)")
    parser.add_argument("--only", nargs="*", choices=sorted(CATEGORIES), help="categories to (re)generate")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as workdir:
        for category, name, sr, channels, seconds, variant in BANK:
            if args.only and category not in args.only:
                continue
            folder = args.out / category
            folder.mkdir(parents=True, exist_ok=True)
            frames = render(category, sr, seconds, channels, clip_seed(category, name), variant, workdir)
            write_clip(folder / name, frames, sr, workdir)
            print(f"{category}/{name}: {sr} Hz, {channels} ch, {seconds:g} s", file=sys.stderr)


if __name__ == "__main__":
    main()
