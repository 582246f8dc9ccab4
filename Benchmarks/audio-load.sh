#!/usr/bin/env bash
# Loads and resamples an hour of 44.1 kHz stereo audio to 16 kHz mono with steno and with
# python-soundfile + python-soxr, in one run, and prints wall time, peak RSS and their ratios.
#
#   Benchmarks/audio-load.sh [SHARED_DIR]      (default: ../shared beside the repository)
#
# steno's side is `steno info --rate 16000`, which decodes in blocks, mixes to mono, streams through
# libsoxr (HQ) and then also measures the result (levels, loudness, silence): it does strictly more
# work than the reference, which only decodes, averages and resamples.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
shared="${1:-$(dirname "$root")/shared}"
py="$("$shared/tools/reference-venv")/bin/python"
"$py" -c 'import soxr' 2>/dev/null || "$py" -m pip install -q soxr

echo "building steno (release)..." >&2
(cd "$root" && swift build -c release --product steno >&2)
steno="$root/.build/release/steno"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
hour="$work/hour-44k-stereo.wav"
echo "making an hour of 44.1 kHz stereo audio..." >&2
"$py" "$here/make-hour.py" "$shared" "$hour"
ls -l "$hour" >&2

measure() { # label, command...: prints "label wall_seconds peak_kib cpu_seconds"
  local label="$1"; shift
  /usr/bin/time -v -o "$work/$label.time" "$@" >/dev/null 2>"$work/$label.err" || {
    cat "$work/$label.err" >&2; echo "$label failed" >&2; exit 1; }
  local wall rss cpu
  wall="$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/$label.time" \
          | awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')"
  rss="$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/$label.time")"
  cpu="$(awk -F': ' '/User time|System time/ {sum += $2} END {print sum}' "$work/$label.time")"
  echo "$label $wall $rss $cpu"
}

# Warm the page cache so both read the file from memory. The machine may be shared, so each tool
# runs RUNS times, alternating, and the fastest run (and its peak RSS) is reported.
cat "$hour" >/dev/null
runs="${RUNS:-2}"
best() { sort -k2 -n | head -1; }
s_all=""; p_all=""
for _ in $(seq "$runs"); do
  s_all+="$(measure steno "$steno" info --rate 16000 --format json "$hour")"$'\n'
  p_all+="$(measure python "$py" "$here/load-reference.py" "$hour")"$'\n'
done
read -r _ s_wall s_rss s_cpu <<<"$(printf '%s' "$s_all" | best)"
read -r _ p_wall p_rss p_cpu <<<"$(printf '%s' "$p_all" | best)"
printf '%-28s %10s %10s %14s   (best of %s runs)\n' "tool" "wall (s)" "CPU (s)" "peak RSS (MiB)" "$runs"
printf '%-28s %10.2f %10.2f %14.1f\n' "steno info --rate 16000" "$s_wall" "$s_cpu" "$(echo "$s_rss / 1024" | bc -l)"
printf '%-28s %10.2f %10.2f %14.1f\n' "soundfile + soxr (Python)" "$p_wall" "$p_cpu" "$(echo "$p_rss / 1024" | bc -l)"
printf 'ratio steno/python: wall %.2f, CPU %.2f, peak RSS %.2f\n' \
  "$(echo "$s_wall / $p_wall" | bc -l)" "$(echo "$s_cpu / $p_cpu" | bc -l)" "$(echo "$s_rss / $p_rss" | bc -l)"
