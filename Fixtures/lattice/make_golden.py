"""Re-creates golden/unreachable.lat: what pocketsphinx 5.1.1 (reference venv) makes of the shared
hostile lattice ../shared/data/hostile/unreachable.lat (ps_lattice_read drops the nodes that lie on
no path from the initial to the final node; ps_lattice_write prints the rest).

    PY=$(/work/shared/tools/reference-venv)/bin/python
    $PY Fixtures/lattice/make_golden.py
"""
import os
import pocketsphinx as ps

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SHARED = os.environ.get("STENO_SHARED_DIR", os.path.join(os.path.dirname(ROOT), "shared"))
os.makedirs(os.path.join(HERE, "golden"), exist_ok=True)
lattice = ps.Lattice.readfile(os.path.join(SHARED, "data", "hostile", "unreachable.lat"))
lattice.write(os.path.join(HERE, "golden", "unreachable.lat"))
