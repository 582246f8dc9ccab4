#!/usr/bin/env bash
# Benchmark: MFCC features of one hour of 16 kHz speech with `steno features --preset kaldi`
# and with kaldi-native-fbank (PyPI, the reference for the kaldi preset), on one core each
# (taskset -c 0), same input, both reading the WAV and writing a float32 .npy of all frames.
# Also times `--preset sphinx` (noise removal, batch CMN, 1s_c_d_dd) for reference.
# Needs: a release build (make release) and the reference venv (../shared/tools/reference-venv).
set -euo pipefail
cd "$(dirname "$0")/.."
STENO=${STENO:-.build/release/steno}
SHARED=${STENO_SHARED_DIR:-../shared}
PY="$("$SHARED/tools/reference-venv")/bin/python"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
[ -x "$STENO" ] || { echo "build first: swift build -c release" >&2; exit 1; }

# One hour of real speech: the librivox and dev clips, concatenated and repeated.
"$PY" - "$SHARED" "$WORK/hour.wav" <<'PYEOF'
import glob, sys, numpy as np, soundfile as sf
shared, out = sys.argv[1], sys.argv[2]
files = sorted(glob.glob(shared + "/data/pocketsphinx/librivox/*.wav") + glob.glob(shared + "/data/dev/an4/wav/*.wav"))
pieces = [sf.read(f, dtype="int16")[0] for f in files]
clip = np.concatenate(pieces)
hour = np.resize(clip, 16000 * 3600)
sf.write(out, hour, 16000, subtype="PCM_16")
PYEOF

cat > "$WORK/knf.py" <<'PYEOF'
import sys, numpy as np, soundfile as sf, kaldi_native_fbank as knf
samples, rate = sf.read(sys.argv[1], dtype="int16")
opts = knf.MfccOptions()
opts.frame_opts.dither = 0.0
mfcc = knf.OnlineMfcc(opts)
mfcc.accept_waveform(rate, samples.astype(np.float32))
mfcc.input_finished()
n = mfcc.num_frames_ready
feats = np.empty((n, 13), np.float32)
for i in range(n):
    feats[i] = mfcc.get_frame(i)
np.save(sys.argv[2], feats)
PYEOF

# Prints "wall cpu peakMiB" of a command (cpu = user + system seconds), so a busy shared machine
# shows up as wall > cpu rather than as a slower tool.
measure() {
    local log
    log=$(mktemp)
    /usr/bin/time -o "$log" -f "%e %U %S %M" "$@" >/dev/null 2>&1
    awk '{ printf "%.2f %.2f %.0f", $1, $2 + $3, $4 / 1024 }' "$log"
    rm -f "$log"
}

steno_kaldi=$(measure taskset -c 0 "$STENO" features "$WORK/hour.wav" --preset kaldi --format npy -o "$WORK/steno.npy")
knf=$(measure taskset -c 0 "$PY" "$WORK/knf.py" "$WORK/hour.wav" "$WORK/knf.npy")
steno_sphinx=$(measure taskset -c 0 "$STENO" features "$WORK/hour.wav" --preset sphinx --format npy -o "$WORK/sphinx.npy")

"$PY" - "$WORK/steno.npy" "$WORK/knf.npy" <<'PYEOF'
import sys, numpy as np
a, b = np.load(sys.argv[1]), np.load(sys.argv[2])
print(f"frames: steno {a.shape}, kaldi-native-fbank {b.shape}; max |diff| {np.abs(a - b).max():.2e}")
PYEOF
read -r sk_wall sk_cpu sk_rss <<<"$steno_kaldi"
read -r knf_wall knf_cpu knf_rss <<<"$knf"
read -r ss_wall ss_cpu ss_rss <<<"$steno_sphinx"
echo "one hour of 16 kHz audio, one core (wall s / cpu s / peak RSS MiB):"
echo "  steno features --preset kaldi : $sk_wall / $sk_cpu / $sk_rss"
echo "  kaldi-native-fbank (Python)   : $knf_wall / $knf_cpu / $knf_rss"
echo "  steno features --preset sphinx: $ss_wall / $ss_cpu / $ss_rss (noise removal, batch CMN, 1s_c_d_dd)"
echo "  speed-up of steno (kaldi preset) over kaldi-native-fbank: wall $(echo "scale=2; $knf_wall / $sk_wall" | bc)x, cpu $(echo "scale=2; $knf_cpu / $sk_cpu" | bc)x"
