"""Log-mel statistics of a 16-bit PCM WAV file: the features of the example speech scorer.

NumPy and the standard library only, so the example runs wherever `python3` and NumPy do.
"""

import wave

import numpy as np

SAMPLE_RATE = 16000
FRAME = 400  # 25 ms
HOP = 160  # 10 ms
BANDS = 24


def read_wav(path):
    """The file's samples as float64 in [-1, 1], mixed to mono; 16-bit PCM at 16 kHz only."""
    with wave.open(str(path), "rb") as file:
        if file.getsampwidth() != 2 or file.getframerate() != SAMPLE_RATE:
            raise ValueError(f"{path}: expected 16-bit PCM at {SAMPLE_RATE} Hz")
        channels = file.getnchannels()
        data = np.frombuffer(file.readframes(file.getnframes()), dtype="<i2").astype(np.float64) / 32768.0
    return data.reshape(-1, channels).mean(axis=1)


def mel_filterbank(bands=BANDS, size=FRAME, rate=SAMPLE_RATE):
    """Triangular filters evenly spaced on the mel scale from 0 to rate/2 (HTK formula)."""
    def mel(hz):
        return 2595.0 * np.log10(1.0 + hz / 700.0)

    edges_hz = 700.0 * (10.0 ** (np.linspace(0.0, mel(rate / 2), bands + 2) / 2595.0) - 1.0)
    bins = np.fft.rfftfreq(size, 1.0 / rate)
    bank = np.zeros((bands, bins.size))
    for band in range(bands):
        low, centre, high = edges_hz[band:band + 3]
        rising = (bins - low) / (centre - low)
        falling = (high - bins) / (high - centre)
        bank[band] = np.clip(np.minimum(rising, falling), 0.0, None)
    return bank


def log_mel(samples):
    """Frames x bands log-mel energies (natural log, floored at 1e-10)."""
    if samples.size < FRAME:
        samples = np.pad(samples, (0, FRAME - samples.size))
    count = 1 + (samples.size - FRAME) // HOP
    frames = np.stack([samples[i * HOP:i * HOP + FRAME] for i in range(count)]) * np.hanning(FRAME)
    power = np.abs(np.fft.rfft(frames, axis=1)) ** 2
    return np.log(power @ mel_filterbank().T + 1e-10)


def features(path):
    """Per-band mean and standard deviation over the loudest 60 % of frames (the speech, mostly), after
    subtracting the utterance's mean per band so that a voice's or channel's colour matters less; then
    the mean absolute frame-to-frame change per band, which follows the rhythm of the words."""
    spectrum = log_mel(read_wav(path))
    energy = spectrum.sum(axis=1)
    speech = spectrum[energy >= np.quantile(energy, 0.4)]
    centred = speech - speech.mean(axis=0)
    change = np.abs(np.diff(spectrum, axis=0)).mean(axis=0) if len(spectrum) > 1 else np.zeros(BANDS)
    return np.concatenate([speech.mean(axis=0), centred.std(axis=0), change])
