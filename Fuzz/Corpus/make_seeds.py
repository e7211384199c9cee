"""Writes the fuzz targets' seed inputs from the shipped samples: short, valid files of every kind the
readers accept, so that libFuzzer starts from deep inside each parser rather than from its first check.

Run from the repository root: python3 Fuzz/Corpus/make_seeds.py  (needs numpy and soundfile).
Audio seeds are 50 ms cut from shipped clips; PNG seeds are 12x9 crops of a shipped photo written by
the small encoder below, which covers every colour type, bit depth, tRNS and Adam7 interlacing.
"""

import pathlib
import struct
import zlib

import numpy as np
import soundfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
CORPUS = ROOT / "Fuzz" / "Corpus"


def audio_seeds():
    folder = CORPUS / "fuzz-audio"
    folder.mkdir(exist_ok=True)
    speech, rate = soundfile.read(ROOT / "samples/speech/clean/s001.wav", dtype="float32")
    noisy, _ = soundfile.read(ROOT / "samples/speech/slices/car-01.wav", dtype="float32")
    start = len(speech) // 3
    mono = speech[start : start + rate // 20]
    stereo = np.stack([mono, noisy[start : start + rate // 20]], axis=1)
    seeds = [
        ("pcm16-mono.wav", mono, "WAV", "PCM_16"),
        ("pcm24-stereo.wav", stereo, "WAV", "PCM_24"),
        ("pcm-u8.wav", mono, "WAV", "PCM_U8"),
        ("float32.wav", mono, "WAV", "FLOAT"),
        ("ulaw.wav", mono, "WAV", "ULAW"),
        ("pcm32-extensible.wav", stereo, "WAVEX", "PCM_32"),
        ("pcm16-rf64.wav", mono, "RF64", "PCM_16"),
        ("pcm16.flac", mono, "FLAC", "PCM_16"),
        ("pcm24-stereo.flac", stereo, "FLAC", "PCM_24"),
        ("pcm16.aiff", mono, "AIFF", "PCM_16"),
        ("vorbis.ogg", mono, "OGG", "VORBIS"),
    ]
    for name, samples, container, subtype in seeds:
        soundfile.write(folder / name, samples, rate, format=container, subtype=subtype)


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


ADAM7 = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]


def png_file(levels, color_type, depth, palette=None, transparency=None, interlaced=False):
    """levels: height x width x channels integers, already at `depth`; rows are written unfiltered."""
    height, width, _ = levels.shape

    def packed_rows(image):
        rows = b""
        for row in image:
            flat = row.reshape(-1)
            if depth == 16:
                data = flat.astype(">u2").tobytes()
            elif depth == 8:
                data = flat.astype(np.uint8).tobytes()
            else:
                bits = np.unpackbits(flat.astype(np.uint8)[:, None], axis=1)[:, 8 - depth :].reshape(-1)
                data = np.packbits(bits).tobytes()
            rows += b"\0" + data
        return rows

    if interlaced:
        raw = b"".join(
            packed_rows(levels[y0::dy, x0::dx]) for x0, y0, dx, dy in ADAM7 if levels[y0::dy, x0::dx].size
        )
    else:
        raw = packed_rows(levels)
    header = struct.pack(">IIBBBBB", width, height, depth, color_type, 0, 0, int(interlaced))
    chunks = png_chunk(b"IHDR", header)
    if palette is not None:
        chunks += png_chunk(b"PLTE", palette.astype(np.uint8).tobytes())
    if transparency is not None:
        chunks += png_chunk(b"tRNS", transparency)
    chunks += png_chunk(b"IDAT", zlib.compress(raw, 9)) + png_chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + chunks


def png_seeds():
    folder = CORPUS / "fuzz-png"
    folder.mkdir(exist_ok=True)
    from PIL import Image

    photo = np.asarray(Image.open(ROOT / "samples/images/img001.png").convert("RGB"))
    crop = photo[100:109, 140:152].astype(np.uint32)  # 9 rows of 12 pixels
    gray = (crop.sum(axis=2) // 3)[:, :, None]
    alpha = np.linspace(0, 255, crop.shape[1], dtype=np.uint32)[None, :, None].repeat(crop.shape[0], axis=0)
    palette_index = (gray // 64).astype(np.uint32)  # 4 colours
    palette = np.array([[0, 0, 0], [90, 60, 30], [170, 150, 120], [255, 255, 255]])
    seeds = {
        "gray8.png": png_file(gray, 0, 8),
        "gray1.png": png_file(gray // 128, 0, 1),
        "gray4-interlaced.png": png_file(gray // 16, 0, 4, interlaced=True),
        "gray16-trns.png": png_file(gray * 257, 0, 16, transparency=struct.pack(">H", 0)),
        "gray-alpha8.png": png_file(np.concatenate([gray, alpha], axis=2), 4, 8),
        "rgb8.png": png_file(crop, 2, 8),
        "rgb16-interlaced.png": png_file(crop * 257, 2, 16, interlaced=True),
        "rgba8.png": png_file(np.concatenate([crop, alpha], axis=2), 6, 8),
        "rgba16.png": png_file(np.concatenate([crop, alpha], axis=2) * 257, 6, 16),
        "palette2-trns.png": png_file(palette_index, 3, 2, palette=palette, transparency=bytes([0, 128])),
        "palette8-interlaced.png": png_file(palette_index, 3, 8, palette=palette, interlaced=True),
    }
    for name, data in seeds.items():
        (folder / name).write_bytes(data)


if __name__ == "__main__":
    audio_seeds()
    png_seeds()
