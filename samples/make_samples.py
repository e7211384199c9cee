#!/usr/bin/env python3
"""Generate the demo dataset in this folder (run through make-samples.sh).

Writes, replacing earlier output:
  speech/clean/*.wav     60 clean utterances: espeak-ng, several voices and speeds, 16 kHz mono PCM16
  speech/slices/*.wav    49 slice members: other utterances mixed with car noise or babble at a known
                         SNR, and/or passed through a telephone channel (300-3400 Hz, 8 kHz mu-law);
                         far-field members reverberated by pyroomacoustics' own room simulation with
                         a little babble; codec members band-limited by sox and coded by ffmpeg's
                         libopus at 12-24 kbit/s
  speech/transcripts.csv id,path,transcript for every speech file (paths relative to speech/)
  images/*.png           60 renders of a phone-inspection line, 256x256 RGB 8-bit
  errors-speech.csv      id,path,label,prediction,human_label,tags
  errors-images.csv      id,path,label,prediction,human_label,tags,defect_box

Deterministic: fixed seeds, numpy's PCG64 generator, espeak-ng, and sox in repeatable mode without
dither. The far-field and codec members draw from generators of their own (FAR_CODEC_SEED, then
MORE_FAR_CODEC_SEED), so adding them left every earlier file byte for byte as it was; they need pyroomacoustics and ffmpeg with libopus. Noise for the slice members comes from ../noise-banks/make-noise-banks.py (same generator
code as the banks, own seeds). The prediction and human_label columns are simulated: each row's
outcome is written down below (ASR_ERRORS, SLICE_UTTERANCES, IMAGE_PLAN) so that the per-slice
numbers tell a coherent story; the audio and images really have the condition their tags name.
"""

import csv
import importlib.util
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
RATE = 16000


def load_noise_banks():
    path = HERE.parent / "noise-banks" / "make-noise-banks.py"
    spec = importlib.util.spec_from_file_location("make_noise_banks", path)
    module = importlib.util.module_from_spec(spec)
    sys.dont_write_bytecode = True
    spec.loader.exec_module(module)
    return module


nb = load_noise_banks()


# ============================================================================================
# Speech
# ============================================================================================

CLEAN_TEXTS = (
    "stir fried lettuce recipe", "sweetened coffee", "sail away song", "let's catch up", "today's weather",
    "what's the weather like tomorrow", "set a timer for ten minutes", "play some relaxing music",
    "how far away is the moon", "call my sister", "turn off the kitchen lights", "what time is it in tokyo",
    "add eggs to my shopping list", "how do you spell necessary", "set an alarm for six fifteen",
    "who won the game last night", "show me pictures of puppies", "what's the capital of australia",
    "read my new messages", "how many ounces in a cup", "find a vegetarian lasagna recipe",
    "when does the pharmacy close", "convert fifty euros to dollars", "tell me a joke",
    "is it going to rain this weekend", "start a workout playlist", "how tall is mount everest",
    "pause the music", "what's on my calendar today", "navigate to the nearest bakery",
    "how long do you boil an egg", "remind me to water the plants", "what's the score of the match",
    "play the latest news", "translate thank you into spanish", "how do i get to the library",
    "dim the living room lights", "what is the speed of light", "order more paper towels",
    "what's a good name for a cat", "skip this song", "how much sugar is in a banana",
    "book a taxi to the station", "what's the population of canada", "lower the volume please",
    "find a coffee shop nearby", "when is the next full moon", "play rain sounds",
    "how do you make pancakes", "turn on do not disturb", "check the train times to leeds",
    "how old is the eiffel tower", "open the garage door", "what's the exchange rate for yen",
    "find recipes with chicken and rice", "call the doctor's office", "how many steps did i take today",
    "set the oven timer for forty minutes", "what movies are playing tonight", "good morning",
)

# Clean utterances the simulated recogniser gets wrong (everything else it transcribes exactly).
ASR_ERRORS = {
    "set an alarm for six fifteen": "set an alarm for six fifty",
    "how tall is mount everest": "how tall is mount everett",
    "what's a good name for a cat": "what's a good name for a hat",
    "check the train times to leeds": "check the train times to leads",
}

# Slice members: id, text, tags, SNR in dB per added noise, simulated ASR output, simulated human
# transcription (None = identical to the text).
SLICE_UTTERANCES = (
    ("car-01", "directions to the airport", "car-noise", {"car": 11}, None, None),
    ("car-02", "find a gas station near me", "car-noise", {"car": 9}, None, None),
    ("car-03", "play my driving playlist", "car-noise", {"car": 8}, None, None),
    ("car-04", "text sarah i'm running late", "car-noise", {"car": 6}, None, None),
    ("car-05", "what's the traffic like on the bridge", "car-noise", {"car": 5},
     "what's the traffic like on the fridge", None),
    ("car-06", "call the garage", "car-noise", {"car": 3}, None, None),
    ("car-07", "stir fried lettuce recipe", "car-noise", {"car": 2}, "stir fry letters recipe", None),
    ("car-08", "turn up the volume", "car-noise", {"car": 0}, "turn off the volume", None),
    ("people-01", "order a large pizza", "people-noise", {"people": 10}, None, None),
    ("people-02", "what time does the cinema open", "people-noise", {"people": 9}, None, None),
    ("people-03", "book a table for two", "people-noise", {"people": 7}, None, None),
    ("people-04", "remind me to buy milk", "people-noise", {"people": 6}, None, None),
    ("people-05", "sweetened coffee", "people-noise", {"people": 4}, "swedish coffee", None),
    ("people-06", "find a quiet restaurant nearby", "people-noise", {"people": 3}, None, None),
    ("people-07", "sail away song", "people-noise", {"people": 1}, "sell away some", None),
    ("people-08", "how much is a ticket to paris", "people-noise", {"people": 0},
     "how much is a ticket to pairs", "how much is the ticket to paris"),
    ("lowbw-01", "today's weather", "low-bandwidth", {}, None, None),
    ("lowbw-02", "check my voicemail", "low-bandwidth", {}, None, None),
    ("lowbw-03", "what's my account balance", "low-bandwidth", {}, None, None),
    ("lowbw-04", "is the shop open on sunday", "low-bandwidth", {}, None, None),
    ("lowbw-05", "cancel my subscription", "low-bandwidth", {}, None, None),
    ("lowbw-06", "what is the fifth song", "low-bandwidth", {}, "what is the first song", "what is the fist song"),
    ("lowbw-07", "set the thermostat to sixty", "low-bandwidth", {}, "set the thermostat to fifty",
     "set the thermostat to fifty"),
    ("lowbw-08", "repeat the last message", "low-bandwidth", {}, None, None),
    ("car-lowbw-01", "let's catch up", "car-noise;low-bandwidth", {"car": 4}, "let's ketchup", "let's ketchup"),
    ("people-lowbw-01", "play some jazz", "people-noise;low-bandwidth", {"people": 5}, "play some jars", None),
    ("car-people-01", "weather in dallas tomorrow", "car-noise;people-noise", {"car": 6, "people": 6},
     "weather in dulles tomorrow", None),
)

# Far-field members: id, text, room (length, width, height) in m, target RT60 in s (pyroomacoustics'
# inverse Sabine gives the wall absorption and image order), babble SNR in dB, simulated ASR output,
# simulated human transcription (None = identical to the text).
FAR_FIELD_UTTERANCES = (
    ("far-01", "turn on the hallway light", (4.5, 3.8, 2.6), 0.25, 38, None, None),
    ("far-02", "what's the forecast for monday", (5.0, 4.0, 2.7), 0.3, 35, None, None),
    ("far-03", "add butter to the list", (5.2, 4.0, 2.7), 0.35, 33, "add better to the list", None),
    ("far-04", "set a reminder for noon", (4.2, 3.6, 2.5), 0.2, 40, None, None),
    ("far-05", "play the radio in the kitchen", (6.0, 4.5, 2.8), 0.4, 32, "play the radio in the kitten", None),
    ("far-06", "how long until sunset", (5.5, 4.2, 2.7), 0.3, 30, "how long until sunday", None),
    ("far-07", "close the bedroom blinds", (4.0, 3.5, 2.5), 0.25, 36, None, None),
)

# Codec members: id, text, Opus bitrate in kbit/s, simulated ASR output, simulated human transcription.
CODEC_UTTERANCES = (
    ("codec-01", "join the team meeting", 24, None, None),
    ("codec-02", "can you hear me now", 20, None, None),
    ("codec-03", "share my screen please", 16, "share my scream please", None),
    ("codec-04", "mute everyone except me", 16, None, None),
    ("codec-05", "send the slides after the call", 14, "send the sides after the call", None),
    ("codec-06", "start recording this call", 12, "start according this call", None),
    ("codec-07", "leave the conference", 12, None, None),
)

# The far-field and codec members' own generator, so the earlier members' draws are unchanged.
FAR_CODEC_SEED = 20240603

# Further far-field and codec members, from a generator of their own, so the seven of each above are unchanged.
MORE_FAR_FIELD_UTTERANCES = (
    ("far-08", "dim the living room lamps", (4.8, 3.9, 2.6), 0.3, 34, None, None),
    ("far-09", "what time is the dentist", (5.6, 4.3, 2.8), 0.35, 31, "what time is the dancers", None),
    ("far-10", "lock the front door", (4.3, 3.7, 2.5), 0.2, 39, None, None),
    ("far-11", "read me the news headlines", (5.9, 4.4, 2.7), 0.4, 33, "read me the new headlines", None),
)
MORE_CODEC_UTTERANCES = (
    ("codec-08", "can everyone see the chart", 20, None, None),
    ("codec-09", "you are breaking up", 14, "you are baking up", None),
    ("codec-10", "dial in from the car", 12, "dial in from the card", None),
    ("codec-11", "let's take five minutes", 16, None, None),
)
MORE_FAR_CODEC_SEED = 20240604

VOICES = ("en-us", "en", "en-gb-scotland", "en-us+f3", "en+m3", "en-gb-x-rp+f2", "en-029+m5",
          "en-us-nyc+f4", "en-gb-x-gbclan+m7", "en+f5", "en-us+m2", "en-gb-scotland+f1")
SPEEDS = (135, 150, 165, 180)
MIN_SECONDS, MAX_SECONDS = 1.0, 4.0


def trim(speech, lead, tail):
    """Keep the spoken part with `lead` seconds of silence before it and `tail` after it."""
    frame = RATE // 100
    energy = np.sqrt(np.mean(speech[:len(speech) // frame * frame].reshape(-1, frame) ** 2, axis=1))
    active = np.nonzero(energy > 0.02 * energy.max())[0]
    body = speech[active[0] * frame:(active[-1] + 1) * frame]
    return np.concatenate([np.zeros(int(lead * RATE)), body, np.zeros(int(tail * RATE))])


def utterance(text, rng, workdir):
    """espeak-ng speech at 16 kHz, trimmed, peak at -6..-2 dBFS; the speed is adjusted until it lasts 1-4 s."""
    voice = str(rng.choice(VOICES))
    speed = int(rng.choice(SPEEDS))
    pitch = int(rng.integers(30, 71))
    lead, tail = rng.uniform(0.1, 0.3), rng.uniform(0.15, 0.3)
    while True:
        speech = trim(nb.speak(text, voice, speed, pitch, RATE, workdir), lead, tail)
        if len(speech) < MIN_SECONDS * RATE + RATE // 20:
            speed = int(speed / 1.15)
        elif len(speech) > MAX_SECONDS * RATE - RATE // 20:
            speed = int(speed * 1.15)
        else:
            break
    speech = speech * nb.db(rng.uniform(-6.0, -2.0)) / np.max(np.abs(speech))
    return speech


def telephone(speech, workdir):
    """A narrowband phone channel: band-pass 300-3400 Hz, 8 kHz 8-bit mu-law, back to 16 kHz."""
    source, narrow = Path(workdir) / "wide.wav", Path(workdir) / "narrow.wav"
    nb.write_wav(source, speech, RATE)
    subprocess.run(["sox", "-R", "-D", str(source), "-r", "8000", "-e", "u-law", str(narrow), "sinc", "300-3400"],
                   check=True, capture_output=True)
    raw = subprocess.run(["sox", "-R", "-D", str(narrow), "-t", "raw", "-e", "floating-point", "-b", "32", "-",
                          "rate", "-v", str(RATE)], check=True, capture_output=True).stdout
    return np.frombuffer(raw, dtype="<f4").astype(np.float64)[:len(speech)]


def noise_takes(workdir):
    """Long 16 kHz noise takes drawn from the bank generators with seeds of their own."""
    takes = {}
    for category in ("car", "people"):
        takes[category] = [nb.render(category, RATE, 12.0, 1, nb.clip_seed("samples", f"{category}-{v}"), v, workdir)[:, 0]
                           for v in (0, 1)]
    return takes


def add_noise(speech, noise, snr_db):
    """Scale `noise` so that 10*log10(sum(speech^2) / sum(noise^2)) over the file equals snr_db."""
    gain = np.sqrt(np.sum(speech ** 2) / (np.sum(noise ** 2) * 10.0 ** (snr_db / 10.0)))
    return gain * noise


def far_field(speech, room_dim, rt60, rng):
    """The speech as a microphone across a room hears it: pyroomacoustics' image-source simulation
    (its own RIR generator and high-pass filter) of a talker and a microphone 1.5-3 m apart."""
    import pyroomacoustics as pra
    absorption, max_order = pra.inverse_sabine(rt60, room_dim)
    room = pra.ShoeBox(room_dim, fs=RATE, materials=pra.Material(absorption), max_order=max_order)
    dims = np.array(room_dim)
    talker = np.array([rng.uniform(0.8, 1.5), rng.uniform(0.8, dims[1] - 0.8), 1.5])
    mic = talker + np.array([rng.uniform(1.5, min(3.0, dims[0] - talker[0] - 0.5)), 0.0, -0.3])
    room.add_source(talker.tolist(), signal=speech)
    room.add_microphone(mic.tolist())
    room.simulate()
    direct = int(np.argmax(np.abs(room.rir[0][0])))
    return room.mic_array.signals[0][direct:direct + len(speech)]


def opus_call(speech, bitrate, workdir):
    """A VoIP call: sox band-limits to 300-3400 Hz, ffmpeg's libopus codes at `bitrate` kbit/s (voip
    mode) and decodes back to 16 kHz."""
    source, narrow, coded = (Path(workdir) / name for name in ("call.wav", "band.wav", "call.ogg"))
    nb.write_wav(source, speech, RATE)
    subprocess.run(["sox", "-R", "-D", str(source), "-e", "floating-point", "-b", "32", str(narrow),
                    "sinc", "300-3400"], check=True, capture_output=True)
    subprocess.run(["ffmpeg", "-y", "-v", "error", "-i", str(narrow), "-c:a", "libopus", "-b:a", f"{bitrate}k",
                    "-application", "voip", "-fflags", "+bitexact", str(coded)], check=True, capture_output=True)
    raw = subprocess.run(["ffmpeg", "-v", "error", "-i", str(coded), "-f", "f32le", "-ac", "1", "-ar", str(RATE),
                          "-"], check=True, capture_output=True).stdout
    decoded = np.frombuffer(raw, dtype="<f4").astype(np.float64)[:len(speech)]
    return np.concatenate([decoded, np.zeros(len(speech) - len(decoded))])


def make_far_field_and_codec(rng, takes, slice_dir, workdir, far_field_utterances, codec_utterances):
    """The far-field and codec members, written to slice_dir; returns their table rows."""
    rows = []
    for ident, text, room_dim, rt60, snr, prediction, human in far_field_utterances:
        # The recording goes on while the room decays after the last word.
        speech = np.concatenate([utterance(text, rng, workdir), np.zeros(int(rng.uniform(0.5, 0.7) * RATE))])
        mix = far_field(speech, room_dim, rt60, rng)
        take = takes["people"][int(rng.integers(0, 2))]
        offset = int(rng.integers(0, len(take) - len(mix)))
        mix = mix + add_noise(mix, take[offset:offset + len(mix)], snr)
        mix *= nb.db(rng.uniform(-6.0, -2.0)) / np.max(np.abs(mix))
        nb.write_wav(slice_dir / f"{ident}.wav", mix, RATE)
        rows.append((ident, f"speech/slices/{ident}.wav", text, prediction or text, human or text, "far-field"))
    for ident, text, bitrate, prediction, human in codec_utterances:
        mix = opus_call(utterance(text, rng, workdir), bitrate, workdir)
        peak = np.max(np.abs(mix))
        if peak > nb.db(-1.0):
            mix *= nb.db(-1.0) / peak
        nb.write_wav(slice_dir / f"{ident}.wav", mix, RATE)
        rows.append((ident, f"speech/slices/{ident}.wav", text, prediction or text, human or text, "codec"))
    return rows


def make_speech(rng, workdir):
    clean_dir, slice_dir = HERE / "speech" / "clean", HERE / "speech" / "slices"
    for folder in (clean_dir, slice_dir):
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
    rows = []  # id, path relative to samples/, transcript, prediction, human, tags
    for index, text in enumerate(CLEAN_TEXTS, start=1):
        speech = utterance(text, rng, workdir)
        ident = f"s{index:03d}"
        nb.write_wav(clean_dir / f"{ident}.wav", speech, RATE)
        rows.append((ident, f"speech/clean/{ident}.wav", text, ASR_ERRORS.get(text, text), text, ""))
    takes = noise_takes(workdir)
    for ident, text, tags, snrs, prediction, human in SLICE_UTTERANCES:
        speech = utterance(text, rng, workdir)
        mix = speech.copy()
        for category, snr in sorted(snrs.items()):
            take = takes[category][int(rng.integers(0, 2))]
            offset = int(rng.integers(0, len(take) - len(speech)))
            mix += add_noise(speech, take[offset:offset + len(speech)], snr)
        if "low-bandwidth" in tags.split(";"):
            mix = telephone(mix, workdir)
        peak = np.max(np.abs(mix))
        if peak > nb.db(-1.0):
            mix *= nb.db(-1.0) / peak
        nb.write_wav(slice_dir / f"{ident}.wav", mix, RATE)
        rows.append((ident, f"speech/slices/{ident}.wav", text, prediction or text, human or text, tags))
    rows += make_far_field_and_codec(np.random.default_rng(FAR_CODEC_SEED), takes, slice_dir, workdir,
                                     FAR_FIELD_UTTERANCES, CODEC_UTTERANCES)
    rows += make_far_field_and_codec(np.random.default_rng(MORE_FAR_CODEC_SEED), takes, slice_dir, workdir,
                                     MORE_FAR_FIELD_UTTERANCES, MORE_CODEC_UTTERANCES)

    with open(HERE / "speech" / "transcripts.csv", "w", newline="") as out:
        table = csv.writer(out, lineterminator="\n")
        table.writerow(("id", "path", "transcript"))
        for ident, path, text, *_ in rows:
            table.writerow((ident, path.removeprefix("speech/"), text))
    with open(HERE / "errors-speech.csv", "w", newline="") as out:
        table = csv.writer(out, lineterminator="\n")
        table.writerow(("id", "path", "label", "prediction", "human_label", "tags"))
        for ident, path, text, prediction, human, tags in rows:
            table.writerow((ident, path, text, prediction, human, tags))
    return rows


# ============================================================================================
# Images
# ============================================================================================

SIZE = 256


def png_bytes(rgb):
    """An 8-bit RGB PNG: per-row filter chosen by the minimum-sum-of-absolute-differences heuristic
    (as libpng does), zlib level 9, no ancillary chunks (so no timestamps)."""
    height, width, _ = rgb.shape
    raw = rgb.reshape(height, width * 3).astype(np.int16)
    left = np.zeros_like(raw)
    left[:, 3:] = raw[:, :-3]
    up = np.zeros_like(raw)
    up[1:] = raw[:-1]
    corner = np.zeros_like(raw)
    corner[1:, 3:] = raw[:-1, :-3]
    guess = left + up - corner
    pa, pb, pc = np.abs(guess - left), np.abs(guess - up), np.abs(guess - corner)
    paeth = np.where((pa <= pb) & (pa <= pc), left, np.where(pb <= pc, up, corner))
    candidates = np.stack([raw, raw - left, raw - up, raw - (left + up) // 2, raw - paeth]) % 256
    cost = np.minimum(candidates, 256 - candidates).sum(axis=2)
    choice = np.argmin(cost, axis=0)
    rows = np.concatenate([choice[:, None], candidates[choice, np.arange(height)]], axis=1).astype(np.uint8)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows.tobytes(), 9)) \
        + chunk(b"IEND", b"")


def blur_axis(image, kernel, axis):
    """Convolve along one axis with edge replication (kernel normalised to sum 1)."""
    kernel = kernel / kernel.sum()
    half = len(kernel) // 2
    pad = [(0, 0)] * image.ndim
    pad[axis] = (half, len(kernel) - 1 - half)
    padded = np.pad(image, pad, mode="edge")
    out = np.zeros_like(image)
    for k, weight in enumerate(kernel):
        out += weight * np.take(padded, np.arange(k, k + image.shape[axis]), axis=axis)
    return out


def gaussian(image, sigma):
    radius = int(np.ceil(3 * sigma))
    x = np.arange(-radius, radius + 1)
    kernel = np.exp(-x ** 2 / (2 * sigma ** 2))
    return blur_axis(blur_axis(image, kernel, 0), kernel, 1)


def smoothstep(edge0, edge1, x):
    t = np.clip((x - edge0) / (edge1 - edge0), 0.0, 1.0)
    return t * t * (3 - 2 * t)


def rounded_box(u, v, half_u, half_v, radius):
    """Signed distance (px) to a rounded rectangle centred at the origin; negative inside."""
    qu, qv = np.abs(u) - half_u + radius, np.abs(v) - half_v + radius
    outside = np.hypot(np.maximum(qu, 0), np.maximum(qv, 0))
    return outside + np.minimum(np.maximum(qu, qv), 0) - radius


def coverage(distance):
    """Anti-aliased coverage of a shape from its signed distance."""
    return np.clip(0.5 - distance, 0.0, 1.0)


PHONE_COLOURS = ((0.16, 0.17, 0.19), (0.72, 0.73, 0.75), (0.20, 0.30, 0.48), (0.86, 0.85, 0.82),
                 (0.80, 0.68, 0.55), (0.42, 0.47, 0.40))

# (label, tags, prediction, human_label, subtle) per image: the plan the simulated outcomes follow.
# `subtle` draws the defect at half strength (the near-misses of the normal images).
IMAGE_PLAN = (
    [("ok", "", "ok", "ok", False)] * 15 + [("ok", "", "scratch", "ok", False)]
    + [("scratch", "", "scratch", "scratch", False)] * 5
    + [("dent", "", "dent", "dent", False)] * 5 + [("dent", "", "ok", "dent", True)]
    + [("pit-mark", "", "pit-mark", "pit-mark", False)] * 5 + [("pit-mark", "", "ok", "pit-mark", True)]
    + [("pit-mark", "", "pit-mark", "ok", True)]
    + [("discoloration", "", "discoloration", "discoloration", False)] * 6
    + [
        ("scratch", "dark-background", "scratch", "scratch", False),
        ("ok", "dark-background", "ok", "ok", False),
        ("dent", "dark-background", "dent", "dent", False),
        ("discoloration", "dark-background", "ok", "discoloration", False),
        ("pit-mark", "dark-background", "ok", "pit-mark", False),
        ("discoloration", "light-background", "ok", "discoloration", False),
        ("scratch", "light-background", "scratch", "scratch", False),
        ("ok", "light-background", "ok", "ok", False),
        ("dent", "light-background", "dent", "dent", False),
        ("scratch", "blurry", "ok", "scratch", False),
        ("pit-mark", "blurry", "ok", "ok", False),
        ("dent", "blurry", "dent", "dent", False),
        ("discoloration", "blurry", "discoloration", "discoloration", False),
        ("ok", "reflection", "discoloration", "ok", False),
        ("scratch", "reflection", "scratch", "scratch", False),
        ("dent", "reflection", "ok", "dent", False),
        ("pit-mark", "reflection", "pit-mark", "pit-mark", False),
        ("discoloration", "dark-background;reflection", "ok", "discoloration", False),
        ("ok", "light-background;blurry", "ok", "ok", False),
        ("scratch", "dark-background;blurry", "ok", "ok", False),
    ]
)


class Phone:
    """Pose and local coordinates of the phone: u across, v along (negative towards the top)."""

    def __init__(self, rng, xx, yy):
        self.cx, self.cy = SIZE / 2 + rng.uniform(-10, 10), SIZE / 2 + rng.uniform(-6, 6)
        self.half_u, self.half_v = rng.uniform(50, 60), rng.uniform(98, 110)
        self.radius = rng.uniform(13, 20)
        self.angle = np.radians(rng.uniform(-8, 8))
        cos, sin = np.cos(self.angle), np.sin(self.angle)
        dx, dy = xx - self.cx, yy - self.cy
        self.u, self.v = cos * dx + sin * dy, -sin * dx + cos * dy
        self.distance = rounded_box(self.u, self.v, self.half_u, self.half_v, self.radius)
        self.mask = coverage(self.distance)

    def to_image(self, u, v):
        cos, sin = np.cos(self.angle), np.sin(self.angle)
        return self.cx + cos * u - sin * v, self.cy + sin * u + cos * v

    def defect_site(self, rng, margin):
        """A point on the flat part of the phone, clear of the camera and the edges."""
        u = rng.uniform(-self.half_u + 14 + margin, self.half_u - 14 - margin)
        v = rng.uniform(-self.half_v + 52 + margin, self.half_v - 16 - margin)
        return u, v


def belt(rng, tone, xx, yy):
    """Conveyor belt: rubber with transverse ribs and mottling between two brushed-metal rails."""
    tint = np.array([1.0, 1.0 + rng.uniform(-0.03, 0.04), 1.0 + rng.uniform(-0.02, 0.06)])
    period = rng.uniform(7, 10)
    ribs = 0.04 * np.sin(2 * np.pi * (yy + rng.uniform(0, period)) / period)
    mottle = gaussian(rng.standard_normal((SIZE, SIZE)), 6.0) * 0.25
    surface = np.clip(tone * (1.0 + ribs + mottle), 0, 1)[..., None] * tint
    rail = (xx < 16) | (xx > SIZE - 17)
    metal = 0.55 + 0.12 * np.cos((np.minimum(xx, SIZE - xx) - 8) / 8 * np.pi / 2) \
        + 0.03 * gaussian(rng.standard_normal((SIZE, SIZE)), 0.7)[:, :1].repeat(SIZE, 1).T
    return np.where(rail[..., None], np.clip(metal, 0, 1)[..., None] * np.ones(3), surface)


def draw_back(phone, rng, light):
    """Phone back: tinted material with a soft gradient, brushed texture, bevelled rim, camera bump."""
    base = np.array(PHONE_COLOURS[int(rng.integers(0, len(PHONE_COLOURS)))])
    gradient = 1.0 + 0.08 * (phone.u * light[0] + phone.v * light[1]) / phone.half_v
    brushed = blur_axis(rng.standard_normal((SIZE, SIZE)), np.ones(9), 0) * 0.012
    colour = np.clip(base * gradient[..., None] + brushed[..., None], 0, 1)
    bump_u, bump_v = -phone.half_u + 27, -phone.half_v + 27
    bump = coverage(rounded_box(phone.u - bump_u, phone.v - bump_v, 17, 17, 7))
    colour = colour * (1 - 0.25 * bump[..., None])
    for lens_v in (-7.5, 7.5):
        d = np.hypot(phone.u - bump_u + 2, phone.v - bump_v - lens_v)
        glass, rim = coverage(d - 5.0), coverage(np.abs(d - 5.6) - 0.6)
        colour = colour * (1 - glass[..., None]) + glass[..., None] * 0.06
        colour = colour * (1 - rim[..., None]) + rim[..., None] * 0.55
        glint = coverage(np.hypot(phone.u - bump_u + 3.5, phone.v - bump_v - lens_v + 1.5) - 1.2)
        colour = colour * (1 - glint[..., None]) + glint[..., None] * 0.8
    flash = coverage(np.hypot(phone.u - bump_u - 9, phone.v - bump_v) - 2.2)
    colour = colour * (1 - flash[..., None]) + flash[..., None] * np.array([0.95, 0.9, 0.7])
    return colour


def draw_screen(phone, rng, light):
    """Phone front, screen off: dark glass with a diagonal sheen inside a thin bezel, punch-hole camera."""
    body = np.array(PHONE_COLOURS[int(rng.integers(0, len(PHONE_COLOURS)))]) * 0.6
    glass_area = coverage(rounded_box(phone.u, phone.v, phone.half_u - 4, phone.half_v - 4, phone.radius - 3))
    sheen = 0.05 + 0.05 * smoothstep(-1, 1, (phone.u * light[0] - phone.v * light[1]) / phone.half_v)
    glass = np.stack([sheen, sheen, sheen * 1.15], axis=-1)
    colour = body * (1 - glass_area[..., None]) + glass * glass_area[..., None]
    hole = coverage(np.hypot(phone.u, phone.v + phone.half_v - 12) - 3.5)
    colour = colour * (1 - hole[..., None]) + 0.01 * hole[..., None]
    return colour


def bevel(phone, light):
    """Rim lighting: the phone's rounded edge catches the light on one side and shades on the other."""
    gy, gx = np.gradient(phone.distance)
    norm = np.hypot(gx, gy) + 1e-9
    facing = (gx * light[0] + gy * light[1]) / norm
    rim = smoothstep(-5.0, 0.0, phone.distance) * (phone.distance < 0.5)
    return 1.0 - 0.35 * facing * rim


def defect(label, phone, rng, colour, light, on_screen, strength):
    """Draw a defect into `colour`; returns its effect map (0..1) used for the bounding box."""
    u, v = phone.u, phone.v
    if label == "scratch":
        cu, cv = phone.defect_site(rng, 10)
        length, heading, bend = rng.uniform(25, 60), rng.uniform(0, np.pi), rng.uniform(-6, 6)
        t = np.linspace(0, 1, 80)
        du, dv = np.cos(heading) * length, np.sin(heading) * length
        pu = cu + du * (t - 0.5) - dv / length * bend * 4 * t * (1 - t)
        pv = cv + dv * (t - 0.5) + du / length * bend * 4 * t * (1 - t)
        near = np.hypot(u[..., None] - pu, v[..., None] - pv)
        nearest = np.argmin(near, axis=-1)
        width = rng.uniform(0.6, 0.95)
        effect = np.exp(-(np.min(near, axis=-1) / width) ** 2) * np.sin(np.pi * t[nearest]) ** 0.3
        shade = np.array([0.78, 0.8, 0.84]) if on_screen else np.minimum(colour * 1.6 + 0.25, 0.95)
        alpha = 0.8 * strength * effect[..., None]
        colour[:] = colour * (1 - alpha) + shade * alpha
        return effect
    if label == "dent":
        cu, cv = phone.defect_site(rng, 14)
        a, b, tilt = rng.uniform(7, 13), rng.uniform(5, 10), rng.uniform(0, np.pi)
        ru = np.cos(tilt) * (u - cu) + np.sin(tilt) * (v - cv)
        rv = -np.sin(tilt) * (u - cu) + np.cos(tilt) * (v - cv)
        depth = np.exp(-2.0 * ((ru / a) ** 2 + (rv / b) ** 2))
        gy, gx = np.gradient(-depth)  # image axes, like `light`
        shading = -(gx * light[0] + gy * light[1]) * max(a, b) * 0.3
        colour[:] = np.clip(colour * (1 + strength * (shading - 0.12 * depth))[..., None], 0, 1)
        return depth
    if label == "pit-mark":
        cu, cv = phone.defect_site(rng, 10)
        effect = np.zeros_like(u)
        for _ in range(int(rng.integers(3, 9))):
            pu, pv = cu + rng.uniform(-9, 9), cv + rng.uniform(-9, 9)
            r = rng.uniform(0.9, 1.8)
            core = np.exp(-2.0 * (np.hypot(u - pu, v - pv) / r) ** 2)
            lit = np.exp(-2.0 * (np.hypot(u - pu + 1.2, v - pv + 1.2) / r) ** 2) - core
            colour[:] = colour * (1 - 0.85 * strength * core[..., None]) + 0.15 * strength * np.clip(lit, 0, 1)[..., None]
            effect = np.maximum(effect, core)
        return effect
    if label == "discoloration":
        cu, cv = phone.defect_site(rng, 16)
        field = np.zeros_like(u)
        for _ in range(int(rng.integers(3, 6))):
            s = rng.uniform(4, 8)
            field += np.exp(-((u - cu - rng.uniform(-8, 8)) ** 2 + (v - cv - rng.uniform(-8, 8)) ** 2) / (2 * s * s))
        alpha = smoothstep(0.25, 1.0, field) * 0.6 * strength
        tints = (np.array([1.25, 1.0, 0.45]), np.array([0.8, 0.55, 0.95]), np.array([1.2, 0.75, 0.5]))
        tint = tints[int(rng.integers(0, len(tints)))]
        stain = np.clip(colour * tint + (0.18 if on_screen else 0.0) * tint / tint.max(), 0, 1)
        colour[:] = colour * (1 - alpha[..., None]) + stain * alpha[..., None]
        return alpha / max(alpha.max(), 1e-9)
    return np.zeros_like(u)


def box_of(effect, threshold=0.15):
    ys, xs = np.nonzero(effect > threshold)
    if len(xs) == 0:
        return ""
    x0, y0 = max(int(xs.min()) - 1, 0), max(int(ys.min()) - 1, 0)
    x1, y1 = min(int(xs.max()) + 1, SIZE - 1), min(int(ys.max()) + 1, SIZE - 1)
    return f"{x0} {y0} {x1 - x0 + 1} {y1 - y0 + 1}"


def render_image(label, tags, subtle, rng):
    """One inspection photo; returns uint8 HxWx3 and the defect box ("" for ok)."""
    yy, xx = np.mgrid[0:SIZE, 0:SIZE] + 0.5
    tags = set(tags.split(";")) - {""}
    heading = rng.uniform(0, 2 * np.pi)
    light = (np.cos(heading), np.sin(heading))
    if "dark-background" in tags:
        tone = rng.uniform(0.05, 0.09)
    elif "light-background" in tags:
        tone = rng.uniform(0.82, 0.92)
    else:
        tone = rng.uniform(0.22, 0.45)
    scene = belt(rng, tone, xx, yy)

    phone = Phone(rng, xx, yy)
    shadow = gaussian(np.roll(np.roll(phone.mask, int(-6 * light[1]), 0), int(-6 * light[0]), 1), 4.0)
    scene = scene * (1 - 0.45 * shadow[..., None])
    on_screen = bool(rng.random() < 0.45)
    surface = draw_screen(phone, rng, light) if on_screen else draw_back(phone, rng, light)
    effect = defect(label, phone, rng, surface, light, on_screen, 0.5 if subtle else 1.0)
    surface = np.clip(surface * bevel(phone, light)[..., None], 0, 1)
    scene = scene * (1 - phone.mask[..., None]) + surface * phone.mask[..., None]

    lx, ly = SIZE / 2 - 140 * light[0], SIZE / 2 - 140 * light[1]
    falloff = np.exp(-((xx - lx) ** 2 + (yy - ly) ** 2) / (2 * rng.uniform(220, 320) ** 2))
    illumination = (0.55 + 0.55 * falloff) * rng.uniform(0.95, 1.15)
    scene = scene * illumination[..., None]

    if "reflection" in tags:
        # A strip light reflected in the glossy surface: a long soft highlight with a blown-out core.
        if label == "ok":
            gu, gv = phone.defect_site(rng, 0)
        else:
            ys, xs = np.nonzero(effect > 0.15)
            cx, cy = xs.mean(), ys.mean()
            gu = np.cos(phone.angle) * (cx - phone.cx) + np.sin(phone.angle) * (cy - phone.cy) + rng.uniform(-4, 4)
            gv = -np.sin(phone.angle) * (cx - phone.cx) + np.cos(phone.angle) * (cy - phone.cy) + rng.uniform(-4, 4)
        slant = rng.uniform(-0.6, 0.6)
        ru = (phone.u - gu) * np.cos(slant) + (phone.v - gv) * np.sin(slant)
        rv = -(phone.u - gu) * np.sin(slant) + (phone.v - gv) * np.cos(slant)
        glare = np.exp(-0.5 * ((ru / rng.uniform(8, 13)) ** 2 + (rv / rng.uniform(30, 48)) ** 2))
        glare = 1.4 * glare * (0.2 + 0.8 * phone.mask)
        scene = scene + glare[..., None] * np.array([1.0, 0.98, 0.94])
    if "dark-background" in tags:
        scene = scene * rng.uniform(0.3, 0.42)
    if "light-background" in tags:
        # Over-exposed and flat: lifted blacks, compressed contrast, clipping highlights.
        scene = 0.42 + 0.55 * scene * rng.uniform(1.0, 1.08)
    scene = np.clip(scene, 0, 1)
    if "blurry" in tags:
        if rng.random() < 0.5:
            scene = gaussian(scene, rng.uniform(2.6, 3.4))
        else:  # motion blur along the belt's travel, on top of slight defocus
            scene = blur_axis(gaussian(scene, 1.4), np.ones(int(rng.integers(11, 16))), 0)
    noise = 0.007 if "dark-background" in tags else 0.003
    scene = np.clip(scene + noise * rng.standard_normal(scene.shape), 0, 1)
    return np.round(scene * 255).astype(np.uint8), box_of(effect)


def make_images(rng):
    folder = HERE / "images"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    order = rng.permutation(len(IMAGE_PLAN))
    rows = []
    for index, plan_index in enumerate(order, start=1):
        label, tags, prediction, human, subtle = IMAGE_PLAN[plan_index]
        image_rng = np.random.default_rng(zlib.crc32(f"image/{index}".encode()))
        pixels, box = render_image(label, tags, subtle, image_rng)
        ident = f"img{index:03d}"
        (folder / f"{ident}.png").write_bytes(png_bytes(pixels))
        rows.append((ident, f"images/{ident}.png", label, prediction, human, tags, box if label != "ok" else ""))
    with open(HERE / "errors-images.csv", "w", newline="") as out:
        table = csv.writer(out, lineterminator="\n")
        table.writerow(("id", "path", "label", "prediction", "human_label", "tags", "defect_box"))
        table.writerows(rows)
    return rows


def main():
    with tempfile.TemporaryDirectory() as workdir:
        make_speech(np.random.default_rng(20240601), workdir)
    make_images(np.random.default_rng(20240602))


if __name__ == "__main__":
    main()
