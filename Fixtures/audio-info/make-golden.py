#!/usr/bin/env python3
"""Records what libsndfile (through python-soundfile) says about every audio file in the shared data.

Writes info.tsv beside this script: one line per file under data/dev/ and data/pocketsphinx/ with
its container, encoding, sample rate, channels and frames. Headerless *.raw files are described
as 16 kHz signed 16-bit little-endian mono, as the pocketsphinx test data is.

Run with the reference venv:
    $(/work/shared/tools/reference-venv)/bin/python Fixtures/audio-info/make-golden.py [SHARED_DIR]
"""
import os
import sys

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
        return handle.format, handle.subtype, handle.samplerate, handle.channels, handle.frames


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
        out.write("path\tformat\tencoding\tsampleRate\tchannels\tframes\n")
        for row in rows:
            out.write("\t".join(str(value) for value in row) + "\n")
    print(f"wrote {len(rows)} rows", file=sys.stderr)


if __name__ == "__main__":
    main()
