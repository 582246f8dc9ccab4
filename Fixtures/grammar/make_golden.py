"""Re-creates the grammar golden files with pocketsphinx 5.1.1 (the reference venv).

    PY=$(/work/shared/tools/reference-venv)/bin/python
    $PY Fixtures/grammar/make_golden.py

For each JSGF grammar (the fixtures here and ../shared/data/pocketsphinx/{goforward.gram,cards/cards.gram}):
  golden/<name>.default.fsg        pocketsphinx's FsgModel.jsgf_read_file (its default rule), lw 6.5
  golden/<name>.<rule>.lw<W>.fsg   Jsgf.build_fsg for every public rule, lw 6.5 and 7.5
For each FSG file (chain.fsg here, ../shared/data/pocketsphinx/goforward.fsg and tidigits/*.fsg):
  golden/<name>.read.lw<W>.fsg     FsgModel.readfile then writefile (null transitions closed), lw 6.5 and 7.5
For alternates.gram, goforward.gram, cards.gram and goforward.fsg:
  golden/<name>.<jsgf|fsg>.search.fsg the grammar a default Decoder (bundled model and dictionary) searches:
                                   Decoder(jsgf=... or fsg=...).get_fsg(), with its silence/filler
                                   self-loops and alternate pronunciations added
All written by pocketsphinx's own fsg_model_write.
"""
import glob, os, re
import pocketsphinx as ps

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SHARED = os.environ.get("STENO_SHARED_DIR", os.path.join(os.path.dirname(ROOT), "shared"))
DATA = os.path.join(SHARED, "data", "pocketsphinx")
OUT = os.path.join(HERE, "golden")


def public_rules(path):
    text = re.sub(r"/\*.*?\*/", "", open(path).read(), flags=re.S)
    name = re.search(r"grammar\s+([^;\s]+)\s*;", text).group(1)
    return name, re.findall(r"public\s+<([^>]+)>", text)


def main():
    os.makedirs(OUT, exist_ok=True)
    lm = ps.LogMath()
    grammars = [os.path.join(HERE, g) for g in ("features.gram", "voided.gram", "importer.gram", "stress.gram")]
    grammars += [os.path.join(DATA, "goforward.gram"), os.path.join(DATA, "cards", "cards.gram")]
    for path in grammars:
        base = os.path.splitext(os.path.basename(path))[0]
        ps.FsgModel.jsgf_read_file(path, lm, 6.5).writefile(os.path.join(OUT, base + ".default.fsg"))
        name, rules = public_rules(path)
        for rule in rules:
            for lw in (6.5, 7.5):
                # A fresh parse per conversion: pocketsphinx's conversion mutates the parsed grammar
                # (weights renormalised, and a <VOID> leaves rules on its expansion stack).
                jsgf = ps.Jsgf(path)
                fsg = jsgf.build_fsg(jsgf.get_rule(name + "." + rule), lm, lw)
                fsg.writefile(os.path.join(OUT, "%s.%s.lw%s.fsg" % (base, rule, lw)))
    for path in (os.path.join(HERE, "alternates.gram"), os.path.join(DATA, "goforward.gram"),
                 os.path.join(DATA, "cards", "cards.gram"), os.path.join(DATA, "goforward.fsg")):
        base = os.path.splitext(os.path.basename(path))[0]
        kind = "jsgf" if path.endswith(".gram") else "fsg"
        decoder = ps.Decoder(loglevel="ERROR", **{kind: path})
        decoder.get_fsg().writefile(os.path.join(OUT, "%s.%s.search.fsg" % (base, kind)))
    fsgs = [os.path.join(HERE, "chain.fsg"), os.path.join(DATA, "goforward.fsg")]
    fsgs += sorted(glob.glob(os.path.join(DATA, "tidigits", "*.fsg")))
    for path in fsgs:
        base = os.path.splitext(os.path.basename(path))[0]
        for lw in (6.5, 7.5):
            ps.FsgModel.readfile(path, lm, lw).writefile(os.path.join(OUT, "%s.read.lw%s.fsg" % (base, lw)))


if __name__ == "__main__":
    main()
