#!/usr/bin/env bash
# Decoding: steno vs pocketsphinx 5.1.1 (/work/shared/tools/reference-decode) on the dev sets, in one
# run, single-threaded on both sides. Prints per set: utterances, how many hypotheses are identical,
# each side's WER (jiwer, raw words, as reference-decode computes it) and real-time factor, and the
# speed ratio. RTF = decoding seconds / audio seconds; steno's figure is wall clock of `steno eval
# --jobs 1` (reading, resampling, features and search; model loading excluded), pocketsphinx's is
# the time inside start_utt/process_raw/end_utt (a fresh decoder per file, loading excluded).
#   Benchmarks/decode.sh [SET...]     sets: an4 speech_commands librivox cards (default: all)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${STENO_SHARED_DIR:-$root/../shared}
steno=$root/.build/release/steno
[ -x "$steno" ] || { echo "build first: swift build -c release" >&2; exit 1; }
python=$("$shared/tools/reference-venv")/bin/python
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
sets=("$@"); [ ${#sets[@]} -gt 0 ] || sets=(an4 speech_commands librivox cards)
printf '%-16s %5s %9s %10s %10s %9s %9s %7s\n' set utts identical steno_WER ps_WER steno_RTF ps_RTF speedup
for set in "${sets[@]}"; do
  extra=()
  case $set in
    an4) manifest=$shared/data/dev/an4/manifest.tsv ;;
    speech_commands) manifest=$shared/data/dev/speech_commands/manifest.tsv ;;
    librivox) manifest=$shared/data/pocketsphinx/librivox/manifest.tsv ;;
    cards) manifest=$shared/data/pocketsphinx/cards/manifest.tsv; extra=(--grammar "$shared/data/pocketsphinx/cards/cards.gram") ;;
    *) echo "unknown set $set" >&2; exit 64 ;;
  esac
  ref_extra=(); [ $set = cards ] && ref_extra=(--jsgf "$shared/data/pocketsphinx/cards/cards.gram")
  "$steno" eval --jobs 1 --quiet --format json --hyp-out "$work/steno.tsv" "${extra[@]}" "$manifest" > "$work/steno.json" || true
  "$shared/tools/reference-decode" "$manifest" "${ref_extra[@]}" --hyp-out "$work/ps.tsv" > "$work/ps.txt"
  "$python" - "$manifest" "$work/steno.tsv" "$work/ps.tsv" "$work/steno.json" "$work/ps.txt" "$set" <<'PY'
import json, re, sys, jiwer
manifest, steno_tsv, ps_tsv, steno_json, ps_txt, name = sys.argv[1:]
refs = dict(l.rstrip("\n").split("\t", 1) for l in open(manifest) if l.strip())
def hyps(p): return dict((l.rstrip("\n").split("\t", 1) + [""])[:2] for l in open(p) if l.strip())
s, p = hyps(steno_tsv), hyps(ps_tsv)
keys = list(refs)
same = sum(s.get(k, "") == p.get(k, "") for k in keys)
def wer(h): return jiwer.wer([refs[k] or "<empty>" for k in keys], [h.get(k, "") for k in keys])
rtf = json.load(open(steno_json))["realTimeFactor"]
ps_rtf = float(re.search(r"RTF=([0-9.]+)", open(ps_txt).read().splitlines()[-1]).group(1))
print(f"{name:<16} {len(keys):5d} {same:5d}/{len(keys):<3d} {wer(s):10.4f} {wer(p):10.4f} {rtf:9.4f} {ps_rtf:9.4f} {ps_rtf / rtf:6.2f}x")
PY
done
