"""Make sphinx_cmn_deltas.json: batch CMN and 1s_c_d_dd values from the Python oracle of the
shared Sphinx notes (shared/tools/sphinx-reference/sphinx_fe.py), for a test signal with
digital silence in it (so some frames have c0 < 0 and are skipped by batch CMN).

Run: PY=$(/work/shared/tools/reference-venv)/bin/python; $PY make_sphinx_golden.py
(from this folder, with the shared folder at /work/shared or $STENO_SHARED_DIR)."""
import json, os, sys
import numpy as np

shared = os.environ.get("STENO_SHARED_DIR", "/work/shared")
sys.path.insert(0, os.path.join(shared, "tools/sphinx-reference"))
from sphinx_fe import FrontEnd, cmn_batch, deltas_1s_c_d_dd  # noqa: E402

raw = np.fromfile(os.path.join(shared, "data/pocketsphinx/goforward.raw"), "<i2")  # same samples as Fixtures/audio/goforward.wav
# goforward samples 8000..16000, 4000 zeros, samples 16000..24000 (20000 samples, 125 frames).
signal = np.concatenate([raw[8000:16000], np.zeros(4000, np.int16), raw[16000:24000]])

def fnv1a64(data):
    """64-bit FNV-1a of bytes: a checksum the Swift test recomputes without a crypto library."""
    h = 0xCBF29CE484222325
    for b in data:
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return "%016x" % h


out = {"source": "goforward.raw[8000:16000] + 4000 zeros + goforward.raw[16000:24000]"}
for noise in (True, False):
    cep = FrontEnd(remove_noise=noise).cepstra(signal)
    normalised, mean = cmn_batch(cep)
    feat = deltas_1s_c_d_dd(normalised).astype("<f4")
    skipped = [int(t) for t in np.nonzero(cep[:, 0] < 0)[0]]
    picks = sorted(set([0, 1, 2, 3, 4] + skipped[:2] + skipped[-2:] + list(range(len(feat) - 4, len(feat)))))
    out["noise" if noise else "nonoise"] = {
        "frames": int(feat.shape[0]),
        "skippedFrames": skipped,
        "meanBits": ["%08x" % int(v) for v in mean.astype("<f4").view("<u4")],
        "sampleFrames": {str(t): ["%08x" % int(v) for v in feat[t].view("<u4")] for t in picks},
        "featuresFNV1a64": fnv1a64(feat.tobytes()),
        "cepstraFNV1a64": fnv1a64(cep.astype("<f4").tobytes()),
    }
json.dump(out, open("sphinx_cmn_deltas.json", "w"), separators=(",", ":"))
print("frames", out["noise"]["frames"], "skipped", len(out["noise"]["skippedFrames"]),
      len(out["nonoise"]["skippedFrames"]))
