"""Encodes a speech clip with each codec and decodes the files with FFmpeg, a second decoder independent of
libsndfile, for AudioCodecTests to compare MediaIO's decoding with.

    python3 Tests/MediaIOTests/Reference/make_codec_reference.py
    (needs numpy, scipy, soundfile and ffmpeg on the PATH; soundfile 0.14.0 with its libsndfile 1.2.2
     and FFmpeg 5.1.9 from Debian 12 wrote these)

The clip is samples/speech/clean/s001.wav (16 kHz). Opus and MP3 encode it as it is; GSM 6.10, μ-law and
A-law encode every other sample of it as an 8 kHz signal (aliasing included: it is a test signal, and
taking every other sample needs no resampler both sides must agree on).

For each codec, in codecs/:
- s001.<codec>.<ext>: the encoding, written by libsndfile through soundfile with the settings MediaIO uses
  (MP3 at a constant bitrate).
- s001.<codec>.ffmpeg.wav: what FFmpeg's own decoder makes of it (gsm_ms, pcm_mulaw, pcm_alaw, mp3float,
  and its native opus decoder, which always decodes at 48 kHz: that output is brought to 16 kHz here by
  a polyphase filter with a Kaiser window, beta 12), as 16-bit PCM levels round(32768 x).
codec-reference.json lists, per codec, the file names, the rate, the compression level, the encoded
bytes, the frames FFmpeg decodes, and the SNR of FFmpeg's decode against the signal that was encoded.
"""

import json
import subprocess
from pathlib import Path

import numpy as np
import soundfile
from scipy.signal import resample_poly

here = Path(__file__).resolve().parent
out = here / "codecs"
out.mkdir(exist_ok=True)
# G.711 and GSM 6.10 encode 16-bit levels (MediaIO hands them the levels round(32768 x)), Opus and MP3 floats.
clip_path = here.parents[2] / "samples/speech/clean/s001.wav"
levels16, rate = soundfile.read(clip_path, dtype="int16")
clip, _ = soundfile.read(clip_path, dtype="float32")
assert rate == 16000

cases = [
    # name, rate, container, subtype, compression level, extension, ffmpeg decoder
    ("gsm", 8000, "WAV", "GSM610", None, "wav", "gsm_ms"),
    ("mu-law", 8000, "WAV", "ULAW", None, "wav", "pcm_mulaw"),
    ("a-law", 8000, "WAV", "ALAW", None, "wav", "pcm_alaw"),
    ("opus", 16000, "OGG", "OPUS", 0.9, "ogg", "opus"),
    ("mp3", 16000, "MP3", "MPEG_LAYER_III", 0.5, "mp3", "mp3float"),
]


def snr_db(reference, decoded):
    n = min(len(reference), len(decoded))
    error = reference[:n].astype(np.float64) - decoded[:n]
    return 10 * np.log10(np.sum(reference[:n].astype(np.float64) ** 2) / np.sum(error**2))


entries = []
for name, codec_rate, container, subtype, level, extension, decoder in cases:
    signal = clip if codec_rate == 16000 else clip[::2]
    samples = levels16[::2] if level is None else signal
    encoded = out / f"s001.{name}.{extension}"
    with soundfile.SoundFile(
        encoded, "w", codec_rate, 1, format=container, subtype=subtype, compression_level=level,
        bitrate_mode="CONSTANT" if container == "MP3" else None,
    ) as f:
        f.write(samples)
    decode_rate = 48000 if decoder == "opus" else codec_rate
    raw = subprocess.run(
        ["ffmpeg", "-v", "error", "-c:a", decoder, "-i", str(encoded), "-f", "f32le", "-ac", "1", "-"],
        check=True, capture_output=True,
    ).stdout
    decoded = np.frombuffer(raw, dtype="<f4").astype(np.float64)
    if decode_rate != codec_rate:
        decoded = resample_poly(decoded, codec_rate, decode_rate, window=("kaiser", 12.0))
    # 16-bit levels round(x × 32768): FFmpeg's G.711 and GSM decoders output 16-bit levels, which this keeps exact.
    levels = np.clip(np.round(decoded * 32768), -32768, 32767).astype(np.int16)
    soundfile.write(out / f"s001.{name}.ffmpeg.wav", levels, codec_rate, subtype="PCM_16")
    entries.append({
        "codec": name,
        "file": encoded.name,
        "ffmpegDecode": f"s001.{name}.ffmpeg.wav",
        "sampleRate": codec_rate,
        "compressionLevel": level,
        "encodedBytes": encoded.stat().st_size,
        "ffmpegFrames": len(decoded),
        "ffmpegSNRdB": round(float(snr_db(signal, decoded)), 4),
    })

(here / "codec-reference.json").write_text(json.dumps(entries, indent=2, sort_keys=True) + "\n")
for entry in entries:
    print(entry)
