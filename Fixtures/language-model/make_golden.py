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
  synthetic-lm-bin.fnv1a64   FNV-1a 64 checksum and size of pocketsphinx's trie binary of that model
  synthetic-arpa-scores.tsv  scores on a synthetic trigram model too large to commit (2,002 words,
                         ~80,000 bigrams and trigrams: enough to make pocketsphinx's 16-bit quantiser
                         merge values), generated from a seeded SplitMix64 stream by
                         `synthetic_arpa()`; the Swift test regenerates the same text with the same
                         generator (Tests/StenoDecoderTests/SyntheticARPA.swift)
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


MASK = (1 << 64) - 1


class SplitMix64:
    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def below(self, n):
        return self.next() % n


def decimal(v):
    """-v/10000 with exactly four decimals, built from integers (no float formatting)."""
    return "-%d.%04d" % (v // 10000, v % 10000)


def synthetic_arpa(seed=2024, words=2000, bigrams_per_word=40, trigram_attempts=80000):
    """The synthetic model's text and its trigrams (as word triples). Keep in step with SyntheticARPA.swift."""
    rng = SplitMix64(seed)
    vocab = ["<s>", "</s>"] + ["w%d" % i for i in range(words)]
    n = len(vocab)
    bigrams, seen = [], set()
    for a in range(n):
        for _ in range(bigrams_per_word):
            b = rng.below(n)
            if (a, b) not in seen:
                seen.add((a, b)); bigrams.append((a, b))
    following = [[] for _ in range(n)]
    for a, b in bigrams:
        following[a].append(b)
    trigrams, seen3 = [], set()
    for _ in range(trigram_attempts):
        a, b = bigrams[rng.below(len(bigrams))]
        if not following[b]:
            continue
        c = following[b][rng.below(len(following[b]))]
        if (a, b, c) not in seen3:
            seen3.add((a, b, c)); trigrams.append((a, b, c))
    out = ["\\data\\", "ngram 1=%d" % n, "ngram 2=%d" % len(bigrams), "ngram 3=%d" % len(trigrams), "", "\\1-grams:"]
    for w in vocab:
        out.append("%s %s %s" % (decimal(rng.below(40000) + 5000), w, decimal(rng.below(8000))))
    out += ["", "\\2-grams:"]
    for a, b in bigrams:
        out.append("%s %s %s %s" % (decimal(rng.below(30000) + 1), vocab[a], vocab[b], decimal(rng.below(8000))))
    out += ["", "\\3-grams:"]
    for a, b, c in trigrams:
        out.append("%s %s %s %s" % (decimal(rng.below(30000) + 1), vocab[a], vocab[b], vocab[c]))
    out += ["", "\\end\\", ""]
    return "\n".join(out), vocab, trigrams, rng


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

    import tempfile
    text, vocab_s, trigrams, rng = synthetic_arpa()
    with tempfile.NamedTemporaryFile("w", suffix=".arpa", delete=False) as f:
        f.write(text)
    synthetic = NGramModel.readfile(f.name)
    os.unlink(f.name)
    # pocketsphinx's own ARPA → trie binary conversion, summarised by an FNV-1a 64 checksum.
    binary = f.name + ".lm.bin"
    synthetic.write(binary, NGramModel.str_to_type("bin"))
    data = open(binary, "rb").read()
    os.unlink(binary)
    h = 0xCBF29CE484222325
    for byte in data:
        h = ((h ^ byte) * 0x100000001B3) & MASK
    open(os.path.join(HERE, "synthetic-lm-bin.fnv1a64"), "w").write("%016x %d\n" % (h, len(data)))
    qs = []
    for _ in range(2500):
        a, b, c = trigrams[rng.below(len(trigrams))]
        qs.append((vocab_s[c], vocab_s[b], vocab_s[a]))
    for _ in range(2500):
        qs.append(tuple(vocab_s[rng.below(len(vocab_s))] for _ in range(3)))
    write_scores(synthetic, qs, os.path.join(HERE, "synthetic-arpa-scores.tsv"))

    bin_path = os.path.join(ROOT, "Models/en-us/en-us.lm.bin")
    big = NGramModel.readfile(bin_path)
    vocab = lm_bin_vocabulary(bin_path)
    write_scores(big, queries(sentences, vocab, 2500, 2), os.path.join(HERE, "lm-bin-scores.tsv"))


if __name__ == "__main__":
    main()
