#!/usr/bin/env bash
# steno wer vs jiwer 4 on the same seeded one-million-word corpus, in one run; prints the ratio.
# Both sides: read two Kaldi text files, pair by id, align every utterance, pool the counts.
# steno runs with --normalize none (jiwer's default transform), the bootstrap off and text output
# (it still computes CER and the error analysis, which jiwer does not); a second steno line shows
# the full default report (normalisation, CER, bootstrap of 1000 resamples).
set -euo pipefail
cd "$(dirname "$0")/.."
PY="$(/work/shared/tools/reference-venv 2>/dev/null || true)/bin/python"
[ -x "$PY" ] || PY="$(../shared/tools/reference-venv)/bin/python"
STENO=.build/release/steno
[ -x "$STENO" ] || swift build -c release --product steno >&2
OUT=Benchmarks/out/wer
mkdir -p "$OUT"
WORDS=${WORDS:-1000000}
[ -s "$OUT/ref.txt" ] && [ "$(cat "$OUT/words" 2>/dev/null)" = "$WORDS" ] || {
    "$PY" Benchmarks/wer_corpus.py make "$OUT" "$WORDS"; echo "$WORDS" > "$OUT/words"; }

# Each timing: wall seconds, then CPU seconds (user + sys; steadier on a shared machine).
TIMEFORMAT='%R %U %S'
timed() { local file=$1; shift; { time "$@" ; } 2> "$file.time"; }
timed "$OUT/steno" "$STENO" wer --ref "$OUT/ref.txt" --hyp "$OUT/hyp.txt" --normalize none --bootstrap 0 > "$OUT/steno.txt"
timed "$OUT/jiwer" "$PY" Benchmarks/wer_corpus.py jiwer "$OUT/ref.txt" "$OUT/hyp.txt" > "$OUT/jiwer.txt"
timed "$OUT/default" "$STENO" wer --ref "$OUT/ref.txt" --hyp "$OUT/hyp.txt" > "$OUT/steno-default.txt"

# "%WER x [ e / n, I ins, D del, S sub ]" -> S D I H (hits = n - S - D)
steno_counts=$(head -1 "$OUT/steno.txt" | tr -d '[],' | awk '{print $10, $8, $6, $5 - $10 - $8}')
jiwer_counts=$(awk '{print $2, $3, $4, $5}' "$OUT/jiwer.txt")
echo "corpus: about $WORDS reference words, $(wc -l < "$OUT/ref.txt") utterances"
echo "steno counts (S D I H): $steno_counts"
echo "jiwer counts (S D I H): $jiwer_counts"
[ "$steno_counts" = "$jiwer_counts" ] && echo "counts: equal" || { echo "counts: DIFFER"; exit 1; }
read -r sw su ss < <(tail -1 "$OUT/steno.time")
read -r jw ju js < <(tail -1 "$OUT/jiwer.time")
read -r dw du ds < <(tail -1 "$OUT/default.time")
awk -v sw="$sw" -v sc="$su" -v sc2="$ss" -v jw="$jw" -v jc="$ju" -v jc2="$js" \
    -v dw="$dw" -v dc="$du" -v dc2="$ds" 'BEGIN { sc += sc2; jc += jc2; dc += dc2
    printf "steno wer --normalize none:      wall %6.2f s, cpu %6.2f s\n", sw, sc
    printf "jiwer 4 (process_words):         wall %6.2f s, cpu %6.2f s\n", jw, jc
    printf "ratio jiwer/steno:               wall %6.2fx, cpu %6.2fx\n", jw / sw, jc / sc
    printf "steno wer, default full report:  wall %6.2f s, cpu %6.2f s (normalisation, CER, bootstrap 1000)\n", dw, dc }'
grep "in-process" "$OUT/jiwer.txt" | sed 's/.*in-process-seconds=/jiwer in-process time (no interpreter start): /; s/$/ s/'
