#!/bin/sh
# Regenerates nearest-triphones.txt: for 600 seeded random (base, left, right, position) contexts
# of the bundled model, the phone id that pocketsphinx's "nearest triphone" lookup returns,
# computed by the Python reference in ../shared/tools/sphinx-reference (sphinx_am.py).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
shared=${STENO_SHARED_DIR:-$here/../../../shared}
PY=$("$shared/tools/reference-venv")/bin/python
cd "$shared/tools/sphinx-reference"
"$PY" - "$here/../../Models/en-us/acoustic/mdef" > "$here/nearest-triphones.txt" <<'PYEOF'
import random, sys
from sphinx_am import BinMdef
m = BinMdef(sys.argv[1])
rng = random.Random(6)
names = m.ciname
print("# base left right position(0=i,1=b,2=e,3=s) nearest-phone-id exact-phone-id(-1=none)")
for _ in range(600):
    b, l, r = (rng.randrange(m.n_ciphone) for _ in range(3))
    pos = rng.randrange(4)
    print(names[b], names[l], names[r], pos, m.phone_id_nearest(b, l, r, pos), m.phone_id(b, l, r, pos))
PYEOF
