#!/usr/bin/env bash
# steno wer vs jiwer 4 on the same seeded one-million-word corpus, in one run; prints the ratio.
# Both sides: read two Kaldi text files, pair by id, align every utterance, pool the counts.
# steno runs with --normalize none (jiwer's default transform) and the bootstrap off, so both do
# the same work; a second steno line shows the full default report (normalisation, CER, bootstrap).
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

now() { date +%s.%N; }
t0=$(now)
"$STENO" wer --ref "$OUT/ref.txt" --hyp "$OUT/hyp.txt" --normalize none --bootstrap 0 --format json > "$OUT/steno.json"
t1=$(now)
"$PY" Benchmarks/wer_corpus.py jiwer "$OUT/ref.txt" "$OUT/hyp.txt" > "$OUT/jiwer.txt"
t2=$(now)
"$STENO" wer --ref "$OUT/ref.txt" --hyp "$OUT/hyp.txt" > "$OUT/steno-default.txt"
t3=$(now)

steno_counts=$("$PY" -c "import json,sys; r=json.load(open(sys.argv[1])); print(r['substitutions'], r['deletions'], r['insertions'], r['hits'])" "$OUT/steno.json")
jiwer_counts=$(awk '{print $2, $3, $4, $5}' "$OUT/jiwer.txt")
echo "corpus: $WORDS reference words, $(wc -l < "$OUT/ref.txt") utterances"
echo "steno counts (S D I H): $steno_counts"
echo "jiwer counts (S D I H): $jiwer_counts"
[ "$steno_counts" = "$jiwer_counts" ] && echo "counts: equal" || { echo "counts: DIFFER"; exit 1; }
awk -v s="$t0" -v e="$t1" -v js="$t1" -v je="$t2" -v ds="$t2" -v de="$t3" 'BEGIN {
    steno = e - s; jiwer = je - js; full = de - ds
    printf "steno wer --normalize none: %.2f s\n", steno
    printf "jiwer 4 (python, process_words): %.2f s\n", jiwer
    printf "ratio jiwer/steno: %.2fx\n", jiwer / steno
    printf "steno wer default report (normalisation, CER, bootstrap 1000): %.2f s\n", full }'
grep "in-process" "$OUT/jiwer.txt" | sed 's/.*in-process-seconds=/jiwer in-process time (no interpreter start): /; s/$/ s/'
