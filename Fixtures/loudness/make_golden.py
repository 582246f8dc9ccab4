#!/usr/bin/env python3
"""Records integrated loudness (pyloudnorm, ITU-R BS.1770-4) of synthetic signals into golden.json.

Each signal is a sequence of segments; a segment is a sum of sines at a shared sample index n:
x[n] = sum(amplitude * sin(2*pi*frequency*n/rate)), rounded to float32 as Steno's buffers are.
Tests/StenoPreprocessTests rebuild the same signals and compare libebur128's reading with these.

Run:  PY=$(/work/shared/tools/reference-venv)/bin/python; $PY Fixtures/loudness/make_golden.py
"""
import importlib.metadata
import json
import pathlib

import numpy as np
import pyloudnorm

CASES = [
    # name, rate, [(seconds, [(frequency, amplitude), ...]), ...]
    ("sine1k_minus20dBFS_48k", 48000, [(5.0, [(1000.0, 0.1)])]),
    ("sine1k_minus20dBFS_44k1", 44100, [(5.0, [(1000.0, 0.1)])]),
    ("sine1k_minus20dBFS_16k", 16000, [(5.0, [(1000.0, 0.1)])]),
    ("sine1k_minus20dBFS_8k", 8000, [(5.0, [(1000.0, 0.1)])]),
    ("sine100_minus12dBFS_16k", 16000, [(3.0, [(100.0, 0.25)])]),
    ("sine5k_minus12dBFS_16k", 16000, [(3.0, [(5000.0, 0.25)])]),
    ("sine3k_plus_440_22k05", 22050, [(4.0, [(440.0, 0.2), (3000.0, 0.05)])]),
    # A loud and a much quieter part: the -10 LU relative gate drops the quiet blocks.
    ("gated_loud_then_quiet_16k", 16000, [(2.0, [(1000.0, 0.3)]), (2.0, [(1000.0, 0.003)])]),
    ("two_levels_within_gate_48k", 48000, [(2.0, [(500.0, 0.2)]), (2.0, [(500.0, 0.1)])]),
]


def render(rate, segments):
    parts, start = [], 0
    for seconds, tones in segments:
        count = int(round(seconds * rate))
        n = np.arange(start, start + count, dtype=np.float64)
        part = np.zeros(count)
        for frequency, amplitude in tones:
            part += amplitude * np.sin(2 * np.pi * frequency * n / rate)
        parts.append(part)
        start += count
    return np.concatenate(parts).astype(np.float32)


def main():
    cases = []
    for name, rate, segments in CASES:
        signal = render(rate, segments).astype(np.float64)
        loudness = pyloudnorm.Meter(rate).integrated_loudness(signal)
        cases.append({
            "name": name,
            "rateHertz": rate,
            "segments": [{"seconds": s, "tones": [{"frequencyHertz": f, "amplitude": a} for f, a in t]}
                         for s, t in segments],
            "loudnessLUFS": round(float(loudness), 6),
        })
    out = pathlib.Path(__file__).with_name("golden.json")
    tool = f"pyloudnorm {importlib.metadata.version('pyloudnorm')}"
    out.write_text(json.dumps({"tool": tool, "cases": cases}, indent=2) + "\n")
    for case in cases:
        print(f"{case['name']:32s} {case['loudnessLUFS']:9.4f} LUFS")


if __name__ == "__main__":
    main()
