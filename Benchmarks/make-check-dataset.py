#!/usr/bin/env python3
"""Writes a generated dataset of N one-second-ish clips for Benchmarks/check.sh.

Usage: make-check-dataset.py SHARED_DIR OUT_DIR [N]

Clips are the Speech Commands dev clips (16 kHz mono PCM16), each written with a different gain and
a seeded noise floor so that no two clips are identical (audio hashes differ). The manifest is
OUT_DIR/manifest.tsv (path<TAB>word), in Steno's own format.
"""
import os
import sys

import numpy as np
import soundfile

shared, out = sys.argv[1], sys.argv[2]
count = int(sys.argv[3]) if len(sys.argv) > 3 else 5000
source_dir = os.path.join(shared, "data", "dev", "speech_commands")
entries = [line.rstrip("\n").split("\t", 1) for line in open(os.path.join(source_dir, "manifest.tsv"), encoding="utf-8")]
clips = [(soundfile.read(os.path.join(source_dir, path), dtype="float32")[0], text) for path, text in entries]

rng = np.random.default_rng(5000)
os.makedirs(os.path.join(out, "wav"), exist_ok=True)
with open(os.path.join(out, "manifest.tsv"), "w", encoding="utf-8") as manifest:
    for index in range(count):
        samples, text = clips[index % len(clips)]
        gain = 10 ** (rng.uniform(-6, 3) / 20)
        noisy = samples * gain + rng.normal(0, 10 ** (-70 / 20), samples.shape).astype(np.float32)
        name = f"wav/clip{index:05d}.wav"
        soundfile.write(os.path.join(out, name), np.clip(noisy, -1, 1), 16000, subtype="PCM_16")
        manifest.write(f"{name}\t{text}\n")
