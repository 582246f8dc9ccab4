"""Make the Kaldi-preset golden files from kaldi-native-fbank (PyPI), with dither off.

kaldi_goforward.json: every 10th frame of the MFCCs of ../audio/goforward.wav (works without
    the shared data).
kaldi_dev.json: for every dev clip of shared/data/dev/{an4,speech_commands}: frame count, the
    first and last frames, and the per-dimension mean over all frames.

Options: kaldi-native-fbank's MfccOptions defaults (= compute-mfcc-feats: 25 ms povey frames,
10 ms shift, snip_edges, remove_dc_offset, preemph 0.97, 23 bins 20 Hz-Nyquist, 13 ceps,
lifter 22, use_energy with raw energy) except dither = 0. Samples are 16-bit integer values, as
compute-mfcc-feats reads WAV files.

Run: PY=$(/work/shared/tools/reference-venv)/bin/python; $PY make_kaldi_golden.py"""
import json, os
import numpy as np
import soundfile as sf
import kaldi_native_fbank as knf

shared = os.environ.get("STENO_SHARED_DIR", "/work/shared")


def mfcc(path):
    samples, rate = sf.read(path, dtype="int16")
    opts = knf.MfccOptions()
    opts.frame_opts.dither = 0.0
    opts.frame_opts.samp_freq = rate
    extractor = knf.OnlineMfcc(opts)
    extractor.accept_waveform(rate, samples.astype(np.float32).tolist())
    extractor.input_finished()
    return np.array([extractor.get_frame(i) for i in range(extractor.num_frames_ready)], dtype=np.float32)


def floats(values):
    """Shortest decimal text that reads back as the same float32 (keeps the files small)."""
    return [json.loads(np.format_float_positional(v, unique=True, trim="-"))
            for v in np.asarray(values, dtype=np.float32)]


goforward = mfcc("../audio/goforward.wav")
json.dump({"frames": len(goforward), "every": 10,
           "values": {str(t): floats(goforward[t]) for t in range(0, len(goforward), 10)}},
          open("kaldi_goforward.json", "w"), separators=(",", ":"))

clips = {}
for corpus in ("an4", "speech_commands"):
    base = os.path.join(shared, "data/dev", corpus)
    for line in open(os.path.join(base, "manifest.tsv")):
        rel = line.split("\t")[0]
        feats = mfcc(os.path.join(base, rel))
        clips[f"{corpus}/{rel}"] = {
            "frames": len(feats),
            "first": floats(feats[0]), "last": floats(feats[-1]),
            "mean": floats(feats.astype(np.float64).mean(axis=0)),
        }
json.dump(clips, open("kaldi_dev.json", "w"), separators=(",", ":"))
print("goforward frames", len(goforward), "dev clips", len(clips))
