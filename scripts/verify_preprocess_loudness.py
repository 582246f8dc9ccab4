#!/usr/bin/env python3
"""Done-when 4 of issue 2, checked with an independent meter (pyloudnorm).

For each clip: make a 44.1 kHz stereo 24-bit FLAC from it (soundfile + scipy, not Steno), run
`steno preprocess --rate 16000 --lufs -23` on it, and check that the output is a 16 kHz mono WAV
whose pyloudnorm loudness is within 0.2 LU of -23 and whose duration matches the FLAC's.

Usage (from the repository root, after `swift build`):
    PY=$(/work/shared/tools/reference-venv)/bin/python
    $PY scripts/verify_preprocess_loudness.py [--steno .build/debug/steno] [CLIP.wav ...]
Without clips it uses every an4 clip under ../shared/data/dev. Exit status 1 if any clip fails.
"""
import argparse
import pathlib
import subprocess
import sys
import tempfile

import numpy as np
import pyloudnorm
import scipy.signal
import soundfile

TARGET_LUFS = -23.0
TOLERANCE_LU = 0.2
# The output has round(duration * 16000) samples: it can differ from the input by under one output sample.
DURATION_TOLERANCE_SECONDS = 1 / 16000


def make_flac(clip: pathlib.Path, flac: pathlib.Path) -> float:
    samples, rate = soundfile.read(clip, dtype="float64", always_2d=True)
    mono = samples.mean(axis=1)
    resampled = scipy.signal.resample_poly(mono, 44100, rate)
    # Two different channels, so that the mono mix-down matters: the right is the left 6 dB down.
    stereo = np.stack([resampled, 0.5 * resampled], axis=1)
    soundfile.write(flac, stereo, 44100, subtype="PCM_24", format="FLAC")
    return len(resampled) / 44100


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steno", default=".build/debug/steno")
    parser.add_argument("clips", nargs="*", type=pathlib.Path)
    args = parser.parse_args()
    clips = args.clips or sorted((pathlib.Path(__file__).resolve().parents[2] / "shared/data/dev/an4").rglob("*.wav"))
    if not clips:
        print("no clips found; pass some", file=sys.stderr)
        return 2

    failures, deltas = 0, []
    with tempfile.TemporaryDirectory() as scratch:
        for index, clip in enumerate(clips):
            flac = pathlib.Path(scratch) / f"in{index}.flac"
            out = pathlib.Path(scratch) / f"out{index}.wav"
            flac_duration = make_flac(clip, flac)
            run = subprocess.run([args.steno, "preprocess", str(flac), "-o", str(out), "--rate", "16000",
                                  "--lufs", str(TARGET_LUFS)], capture_output=True, text=True)
            if run.returncode != 0:
                print(f"FAIL {clip}: steno exited {run.returncode}: {run.stderr.strip()}")
                failures += 1
                continue
            info = soundfile.info(out)
            samples, rate = soundfile.read(out, dtype="float64")
            loudness = pyloudnorm.Meter(rate).integrated_loudness(samples)
            delta = loudness - TARGET_LUFS
            deltas.append(delta)
            ok = (rate == 16000 and info.channels == 1 and info.format == "WAV"
                  and abs(delta) <= TOLERANCE_LU and abs(info.duration - flac_duration) <= DURATION_TOLERANCE_SECONDS)
            failures += not ok
            print(f"{'ok  ' if ok else 'FAIL'} {clip.name}: {info.samplerate} Hz {info.channels} ch {info.subtype}, "
                  f"{info.duration:.4f} s (FLAC {flac_duration:.4f} s), pyloudnorm {loudness:.3f} LUFS ({delta:+.3f} LU)")
    if deltas:
        print(f"{len(deltas)} clips: loudness error mean {np.mean(deltas):+.3f} LU, max |error| "
              f"{np.max(np.abs(deltas)):.3f} LU (tolerance {TOLERANCE_LU}); {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
