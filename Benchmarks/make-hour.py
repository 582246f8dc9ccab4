#!/usr/bin/env python3
"""Makes an hour of 44.1 kHz stereo 16-bit WAV from the shared AN4 dev clips, for audio-load.sh.

The clips (16 kHz mono) are upsampled once with soxr and tiled until an hour is filled; the right
channel is the left one delayed by 10 ms and scaled by 0.7, so channel averaging does real work.
Written block by block, so making it needs little memory.
"""
import glob
import os
import sys

import numpy
import soundfile
import soxr

RATE = 44100
SECONDS = 3600


def main():
    shared, output = sys.argv[1], sys.argv[2]
    clips = sorted(glob.glob(os.path.join(shared, "data", "dev", "an4", "wav", "*.wav")))
    if not clips:
        sys.exit("no AN4 clips under " + shared)
    speech = numpy.concatenate([soundfile.read(path, dtype="float32")[0] for path in clips])
    speech = soxr.resample(speech, 16000, RATE, "HQ").astype(numpy.float32)
    delay = RATE // 100
    right = numpy.concatenate([numpy.zeros(delay, numpy.float32), speech[:-delay]]) * 0.7
    block = numpy.stack([speech, right], axis=1)
    remaining = RATE * SECONDS
    with soundfile.SoundFile(output, "w", RATE, 2, "PCM_16", format="WAV") as out:
        while remaining > 0:
            part = block[: min(remaining, len(block))]
            out.write(part)
            remaining -= len(part)


if __name__ == "__main__":
    main()
