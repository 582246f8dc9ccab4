#!/usr/bin/env bash
# Benchmark: the bundled model with pocketsphinx 5.1.1 side by side, same inputs, one run.
#  1. Start-up: loading the acoustic model and the pronunciation dictionary (issue 6 done-when 2:
#     under 0.5 s). steno: `steno align -v` logs the time from process start to model and
#     dictionary loaded; reference: `pocketsphinx.Decoder(lm=None)` (model + dictionary, no LM).
#     Best of 5 runs each.
#  2. Forced alignment of the five librivox clips (33.1 s of audio), one process each, one core:
#     `steno align --manifest ... --jobs 1` vs pocketsphinx `set_align_text` + decode, then
#     `set_alignment` + decode (word and phone times, as pocketsphinx's own align does).
# Needs: a release build (swift build -c release --product steno) and the reference venv.
set -euo pipefail
cd "$(dirname "$0")/.."
STENO=${STENO:-.build/release/steno}
SHARED=${STENO_SHARED_DIR:-../shared}
PY="$("$SHARED/tools/reference-venv")/bin/python"
LIBRIVOX="$SHARED/data/pocketsphinx/librivox"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
[ -x "$STENO" ] || { echo "build first: swift build -c release --product steno" >&2; exit 1; }
CLIP="$LIBRIVOX/sense_and_sensibility_01_austen_64kb-0880"

best=""
for _ in 1 2 3 4 5; do
  t=$("$STENO" align "$CLIP.wav" "$CLIP.txt" -v 2>&1 >/dev/null | sed -n 's/.*loaded model and dictionary in \([0-9.]*\) s.*/\1/p')
  best=$(printf '%s\n%s\n' "$best" "$t" | sed '/^$/d' | sort -g | head -1)
done
steno_load=$best

ps_load=$("$PY" - <<'PYEOF'
import time
best = 1e9
for _ in range(5):
    start = time.perf_counter()
    import pocketsphinx
    decoder = pocketsphinx.Decoder(lm=None, loglevel="FATAL")
    best = min(best, time.perf_counter() - start)
    del decoder
print("%.3f" % best)
PYEOF
)

cat > "$WORK/ps_align.py" <<'PYEOF'
import sys, wave, pocketsphinx
decoder = pocketsphinx.Decoder(lm=None, loglevel="FATAL")
words = 0
for line in open(sys.argv[1]):
    path, text = line.rstrip("\n").split("\t")
    with wave.open(sys.argv[2] + "/" + path) as w:
        audio = w.readframes(w.getnframes())
    decoder.set_align_text(text)
    decoder.start_utt(); decoder.process_raw(audio, full_utt=True); decoder.end_utt()
    decoder.set_alignment()
    decoder.start_utt(); decoder.process_raw(audio, full_utt=True); decoder.end_utt()
    words += sum(1 for _ in decoder.get_alignment())
print(words, file=sys.stderr)
PYEOF

seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1; end=$(date +%s.%N); echo "$end - $start" | bc; }
steno_align=$(seconds taskset -c 0 "$STENO" align --manifest "$LIBRIVOX/manifest.tsv" --jobs 1 --format json -q)
ps_align=$(seconds taskset -c 0 "$PY" "$WORK/ps_align.py" "$LIBRIVOX/manifest.tsv" "$LIBRIVOX")

printf 'load model + dictionary: steno %.3f s, pocketsphinx %.3f s, ratio %.2f\n' \
  "$steno_load" "$ps_load" "$(echo "$steno_load / $ps_load" | bc -l)"
printf 'align 5 librivox clips (33.1 s audio, process wall, 1 core): steno %.2f s, pocketsphinx %.2f s, ratio %.2f\n' \
  "$steno_align" "$ps_align" "$(echo "$steno_align / $ps_align" | bc -l)"
