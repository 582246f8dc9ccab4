"""Re-creates the language-model golden files with pocketsphinx 5.1.1 (the reference venv).

    PY=$(/work/shared/tools/reference-venv)/bin/python
    $PY Fixtures/language-model/make_golden.py

Writes, next to this script:
  small.arpa             an ARPA trigram model built by pocketsphinx's own ArpaBoLM from the
                         transcripts of ../shared/data (librivox clips, an4, cards)
  small-arpa-scores.tsv  pocketsphinx's raw scores for queries on small.arpa
  lm-bin-scores.tsv      pocketsphinx's raw scores for queries on Models/en-us/en-us.lm.bin
Each score line: WORD, PREVIOUS, BEFORE-PREVIOUS (empty = no history), then the raw integer score
of NGramModel.prob([word, previous, before]) (log base 1.0001, unweighted).
Queries: every trigram of the transcripts (with <s> ... </s>) at the three history lengths, plus
seeded random word triples (mostly unseen n-grams: the back-off paths).
"""
import io, os, random, struct, glob
from pocketsphinx import NGramModel
from pocketsphinx.lm import ArpaBoLM

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SHARED = os.environ.get("STENO_SHARED_DIR", os.path.join(os.path.dirname(ROOT), "shared"))
DATA = os.path.join(SHARED, "data")


def transcripts():
    lines = []
    for path in sorted(glob.glob(os.path.join(DATA, "pocketsphinx/librivox/*.txt"))):
        lines += [l.strip().lower() for l in open(path) if l.strip()]
    for manifest in ("dev/an4/manifest.tsv", "pocketsphinx/cards/manifest.tsv"):
        for l in open(os.path.join(DATA, manifest)):
            parts = l.rstrip("\n").split("\t")
            if len(parts) >= 2 and parts[1].strip():
                lines.append(parts[1].strip().lower())
    return lines


def lm_bin_vocabulary(path):
    data = open(path, "rb").read()
    # The vocabulary is the last section: uint32 length K then K bytes of NUL-terminated words.
    # Find it by walking back from the end is ambiguous, so parse the header sizes (SPHINX_NOTES §10.1).
    off = 19
    order = data[off]; off += 1
    counts = struct.unpack_from("<%dI" % order, data, off); off += 4 * order
    off += 4 + 4 * ((order - 2) * 2 * 65536 + 65536)
    off += 12 * (counts[0] + 1)
    bits = lambda v: v.bit_length()
    wb = bits(counts[0])
    for i in range(1, order - 1):
        total = wb + 32 + bits(counts[i + 1])
        off += ((1 + counts[i]) * total + 7) // 8 + 8
    off += ((1 + counts[order - 1]) * (wb + 16) + 7) // 8 + 8
    (k,) = struct.unpack_from("<I", data, off)
    return [w.decode() for w in data[off + 4: off + 4 + k].split(b"\0")[:-1]]


def queries(sentences, vocabulary, n_random, seed):
    out = []
    for s in sentences:
        words = ["<s>"] + s.split() + ["</s>"]
        for i in range(1, len(words)):
            out.append((words[i], words[i - 1], words[i - 2] if i >= 2 else ""))
    rng = random.Random(seed)
    for _ in range(n_random):
        out.append(tuple(rng.choice(vocabulary) for _ in range(3)))
    # Unknown words, both as the word and in the history.
    out += [("zzyzzx", "the", "of"), ("the", "zzyzzx", "of"), ("the", "of", "zzyzzx")]
    seen, unique = set(), []
    for q in out:
        if q not in seen:
            seen.add(q); unique.append(q)
    return unique


def write_scores(model, qs, path):
    with open(path, "w") as f:
        for w, h1, h2 in qs:
            row = [w, h1, h2]
            for hist in ([h1, h2], [h1], []):
                hist = [h for h in hist if h]
                row.append(str(model.prob([w] + hist)))
            f.write("\t".join(row) + "\n")


def main():
    sentences = transcripts()
    arpa = ArpaBoLM(text="\n".join(sentences), add_start=True)
    arpa.compute()
    buf = io.StringIO(); arpa.write(buf)
    arpa_path = os.path.join(HERE, "small.arpa")
    open(arpa_path, "w").write(buf.getvalue())
    small = NGramModel.readfile(arpa_path)
    small_vocab = sorted({w for s in sentences for w in s.split()} | {"<s>", "</s>"})
    write_scores(small, queries(sentences, small_vocab, 1500, 1), os.path.join(HERE, "small-arpa-scores.tsv"))

    bin_path = os.path.join(ROOT, "Models/en-us/en-us.lm.bin")
    big = NGramModel.readfile(bin_path)
    vocab = lm_bin_vocabulary(bin_path)
    write_scores(big, queries(sentences, vocab, 2500, 2), os.path.join(HERE, "lm-bin-scores.tsv"))


if __name__ == "__main__":
    main()
