#!/usr/bin/env bash
# Re-extracts Models/en-us from the pocketsphinx 5.1.1 wheel on PyPI and checks it against
# Models/en-us/SHA256SUMS. Usage: Models/fetch-en-us.sh [DEST]   (default: Models/en-us)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dest=${1:-$here/en-us}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m pip download -q --no-deps --only-binary=:all: --python-version 3.11 \
    --platform manylinux2014_x86_64 -d "$work" pocketsphinx==5.1.1
wheel=$(ls "$work"/pocketsphinx-5.1.1-*.whl)
python3 - "$wheel" "$work/x" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    for name in z.namelist():
        if name.startswith("pocketsphinx/model/en-us/"):
            z.extract(name, sys.argv[2])
PY
src=$work/x/pocketsphinx/model/en-us
mkdir -p "$dest/acoustic"
cp "$src"/en-us/{feat.params,mdef,means,noisedict,sendump,transition_matrices,variances,README} "$dest/acoustic/"
cp "$src/cmudict-en-us.dict" "$src/en-us.lm.bin" "$dest/"
(cd "$dest" && sha256sum -c "$here/en-us/SHA256SUMS")
