#!/usr/bin/env python3
"""The reference for audio-load.sh: decode with python-soundfile, average the channels, resample to
16 kHz with python-soxr at high quality (the same library and setting steno uses)."""
import sys

import soundfile
import soxr

data, rate = soundfile.read(sys.argv[1], dtype="float32", always_2d=True)
mono = data.mean(axis=1, dtype="float32")
del data
resampled = soxr.resample(mono, rate, 16000, "HQ")
print(f"{len(resampled)} samples at 16000 Hz", file=sys.stderr)
