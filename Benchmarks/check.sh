#!/usr/bin/env bash
# Throughput of `steno check` on a generated 5,000-clip dataset, with one and with all workers.
#
#   Benchmarks/check.sh [SHARED_DIR] [CLIPS]     (defaults: ../shared beside the repository, 5000)
#
# There is no reference tool doing what `steno check` does (Kaldi's validate_data_dir checks file
# structure only and is not installed here), so this records clips per second, and, as a floor,
# how fast python-soundfile alone decodes the same clips (no measurement at all).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
shared="${1:-$(dirname "$root")/shared}"
clips="${2:-5000}"
py="$("$shared/tools/reference-venv")/bin/python"

echo "building steno (release)..." >&2
(cd "$root" && swift build -c release --product steno >&2)
steno="$root/.build/release/steno"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "generating $clips clips..." >&2
"$py" "$here/make-check-dataset.py" "$shared" "$work/data" "$clips"
cat "$work"/data/wav/*.wav >/dev/null  # page cache warm for every run

measure() { # command...: "wall cpu" seconds of one run (exit 1 from findings is fine)
  /usr/bin/time -f "%e %U %S" -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || [ $? -eq 1 ] || {
    cat "$work/stderr" >&2; exit 1; }
  awk '{ printf "%s %.2f\n", $1, $2 + $3 }' "$work/time"
}

load="$(cut -d' ' -f1-3 /proc/loadavg)"
read -r one one_cpu < <(measure "$steno" check --jobs 1 --format json "$work/data")
read -r all all_cpu < <(measure "$steno" check --format json "$work/data")
read -r floor floor_cpu < <(measure "$py" -c '
import sys, soundfile
for line in open(sys.argv[1] + "/manifest.tsv"):
    soundfile.read(sys.argv[1] + "/" + line.split("\t")[0], dtype="float32")
' "$work/data")
cores=$(nproc)
echo "load average before the runs: $load (on $cores cores)"
printf 'clips: %d\n' "$clips"
printf 'steno check, 1 worker:   wall %6.2f s (%5.0f clips/s), CPU %6.2f s (%5.0f clips per CPU-second)\n' \
  "$one" "$(echo "$clips / $one" | bc -l)" "$one_cpu" "$(echo "$clips / $one_cpu" | bc -l)"
printf 'steno check, %d workers:  wall %6.2f s (%5.0f clips/s), CPU %6.2f s, wall speed-up %.2f\n' \
  "$cores" "$all" "$(echo "$clips / $all" | bc -l)" "$all_cpu" "$(echo "$one / $all" | bc -l)"
printf 'python-soundfile decode only: wall %6.2f s (%5.0f clips/s), CPU %6.2f s\n' \
  "$floor" "$(echo "$clips / $floor" | bc -l)" "$floor_cpu"
