#!/usr/bin/env python3
"""Records what libsndfile (through python-soundfile) says about every audio file in the shared data.

Writes info.tsv beside this script: one line per file under data/dev/ and data/pocketsphinx/ with
its container, encoding, sample rate, channels and frames, and, from the decoded samples (numpy,
float64), the peak over all channels and the RMS of the channel mean in dBFS, and the DC offset
(mean sample value), as `steno info` defines them. Headerless *.raw files are described
as 16 kHz signed 16-bit little-endian mono, as the pocketsphinx test data is.

Run with the reference venv:
    $(/work/shared/tools/reference-venv)/bin/python Fixtures/audio-info/make-golden.py [SHARED_DIR]
"""
import os
import sys

import numpy
import soundfile

AUDIO_SUFFIXES = {".wav", ".flac", ".ogg", ".aif", ".aiff", ".au", ".raw"}
FOLDERS = ["dev", "pocketsphinx"]


def describe(path):
    if path.endswith(".raw"):
        handle = soundfile.SoundFile(path, samplerate=16000, channels=1, subtype="PCM_16",
                                     endian="LITTLE", format="RAW")
    else:
        handle = soundfile.SoundFile(path)
    with handle:
        header = (handle.format, handle.subtype, handle.samplerate, handle.channels, handle.frames)
        samples = handle.read(dtype="float64", always_2d=True)
    mono = samples.mean(axis=1)
    peak = numpy.abs(samples).max()
    mean_square = numpy.mean(mono * mono)
    levels = (
        repr(float(20 * numpy.log10(peak))) if peak > 0 else "null",
        repr(float(10 * numpy.log10(mean_square))) if mean_square > 0 else "null",
        repr(float(samples.mean())),
    )
    return header + levels


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "..", "shared")
    data = os.path.join(shared, "data")
    rows = []
    for folder in FOLDERS:
        for root, _, files in os.walk(os.path.join(data, folder)):
            for name in files:
                if os.path.splitext(name)[1].lower() in AUDIO_SUFFIXES:
                    path = os.path.join(root, name)
                    rows.append((os.path.relpath(path, data),) + describe(path))
    rows.sort()
    with open(os.path.join(here, "info.tsv"), "w") as out:
        out.write("path\tformat\tencoding\tsampleRate\tchannels\tframes\tpeakDBFS\trmsDBFS\tdcOffset\n")
        for row in rows:
            out.write("\t".join(str(value) for value in row) + "\n")
    print(f"wrote {len(rows)} rows", file=sys.stderr)


if __name__ == "__main__":
    main()
