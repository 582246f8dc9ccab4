#!/usr/bin/env python3
"""Golden WER counts from jiwer 4 for Steno's StenoEval tests.

Run with the reference venv:
    PY=$(/work/shared/tools/reference-venv)/bin/python
    $PY Fixtures/eval/make_golden.py            # writes Fixtures/eval/*.golden.*

Outputs (all deterministic for the seeds below):
  jiwer-pairs.golden.tsv  one random pair a line:
        S D I H <TAB> cS cD cI cH <TAB> reference <TAB> hypothesis
      word counts from jiwer.process_words, character counts from jiwer.process_characters
      (jiwer's default transforms: words split on single spaces, characters are code points).
  jiwer-raw.golden.tsv    raw text pairs (capitals, punctuation, runs of spaces, leading/trailing
      spaces; no tabs or newlines): S D I H <TAB> reference <TAB> hypothesis, jiwer's default transform,
      which `--normalize none` must reproduce.
  jiwer-long.golden.json  long pairs that are too big to store: each entry names the SplitMix64
      seed and the generation parameters; tests regenerate the same words and compare the counts.
"""
import importlib.metadata
import json
import os
import random
import sys

import jiwer

HERE = os.path.dirname(os.path.abspath(__file__))
MASK = (1 << 64) - 1

# Vocabularies chosen to provoke ties (tiny alphabets), one-letter words and non-ASCII text.
VOCABULARIES = [
    ["a", "b", "c"],
    ["a", "i", "x", "o", "u"],
    ["the", "cat", "sat", "on", "mat", "a", "dog", "ran", "to", "it"],
    ["café", "naïve", "straße", "привет", "日本", "東京", "😀", "e\u0301", "ø", "ñ"],
    ["go", "forward", "ten", "meters", "back", "two", "left", "right", "stop", "turn", "one", "three"],
]


def random_sentence(rng, vocab, length):
    return [rng.choice(vocab) for _ in range(length)]


def perturb(rng, words, vocab, rate):
    out = []
    for w in words:
        r = rng.random()
        if r < rate / 3:
            out.append(rng.choice(vocab))          # substitution (may hit the same word)
        elif r < 2 * rate / 3:
            pass                                   # deletion
        elif r < rate:
            out.append(w)
            out.append(rng.choice(vocab))          # insertion
        else:
            out.append(w)
    if rng.random() < rate / 2:
        out.insert(rng.randrange(len(out) + 1), rng.choice(vocab))
    return out


def make_pairs(count, seed):
    rng = random.Random(seed)
    pairs = [([], []), ([], ["a"]), (["a"], []), (["a"], ["a"]), (["a"], ["b"])]
    while len(pairs) < count:
        vocab = rng.choice(VOCABULARIES)
        length = rng.choice([0, 1, 2, 3, rng.randrange(4, 12), rng.randrange(12, 40)])
        ref = random_sentence(rng, vocab, length)
        kind = rng.random()
        if kind < 0.2:
            hyp = random_sentence(rng, vocab, rng.randrange(0, max(2, 2 * length)))
        else:
            hyp = perturb(rng, ref, vocab, rng.choice([0.05, 0.2, 0.5, 0.9]))
        pairs.append((ref, hyp))
    return pairs


def counts(output):
    return f"{output.substitutions} {output.deletions} {output.insertions} {output.hits}"


def write_pairs(path, pairs):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for ref_words, hyp_words in pairs:
            ref, hyp = " ".join(ref_words), " ".join(hyp_words)
            words = jiwer.process_words(ref, hyp)
            chars = jiwer.process_characters(ref, hyp)
            f.write(f"{counts(words)}\t{counts(chars)}\t{ref}\t{hyp}\n")


class SplitMix64:
    """The same generator as StenoEvalTests' GoldenCorpus.SplitMix64 (so both sides make the same words)."""

    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)


def long_pair(seed, words, vocabulary, sub_per_mille, del_per_mille, ins_per_mille):
    """Reference of `words` words w0..w{vocabulary-1}; the hypothesis edits each word with the given rates."""
    g = SplitMix64(seed)
    ref = [f"w{g.next() % vocabulary}" for _ in range(words)]
    hyp = []
    for w in ref:
        r = g.next() % 1000
        if r < sub_per_mille:
            hyp.append(f"w{g.next() % vocabulary}")
        elif r < sub_per_mille + del_per_mille:
            pass
        elif r < sub_per_mille + del_per_mille + ins_per_mille:
            hyp.append(w)
            hyp.append(f"w{g.next() % vocabulary}")
        else:
            hyp.append(w)
    return ref, hyp


LONG_CASES = [
    # seed, words, vocabulary, sub, del, ins (per mille)
    (1, 20000, 50, 40, 30, 30),
    (2, 20000, 8, 100, 100, 100),
    (3, 20000, 1000, 2, 2, 1),
    (4, 6000, 3, 200, 150, 150),
    (5, 3000, 20, 0, 0, 0),
    (6, 12000, 2, 300, 300, 300),
]


RAW_PIECES = ["Hello", "hello", "world,", "World", "don't", "it's", "U.S.", "(yes)", "-", "well-known",
              "42", "4.5", "Café", "café", "日本", "!", "uh", "[noise]"]


def make_raw_pairs(count, seed):
    rng = random.Random(seed)

    def text():
        words = [rng.choice(RAW_PIECES) for _ in range(rng.randrange(0, 10))]
        out = rng.choice(["", " ", "  "])
        for w in words:
            out += w + rng.choice([" ", " ", "  ", "   "])
        return out

    return [(text(), text()) for _ in range(count)]


def main():
    pairs = make_pairs(4000, seed=20260401)
    write_pairs(os.path.join(HERE, "jiwer-pairs.golden.tsv"), pairs)

    with open(os.path.join(HERE, "jiwer-raw.golden.tsv"), "w", encoding="utf-8", newline="\n") as f:
        for ref, hyp in make_raw_pairs(300, seed=20260402):
            f.write(f"{counts(jiwer.process_words(ref, hyp))}\t{ref}\t{hyp}\n")

    long_entries = []
    for seed, words, vocabulary, sub, dele, ins in LONG_CASES:
        ref, hyp = long_pair(seed, words, vocabulary, sub, dele, ins)
        out = jiwer.process_words(" ".join(ref), " ".join(hyp))
        long_entries.append({
            "seed": seed, "words": words, "vocabulary": vocabulary,
            "substitutionPerMille": sub, "deletionPerMille": dele, "insertionPerMille": ins,
            "referenceWords": len(ref), "hypothesisWords": len(hyp),
            "substitutions": out.substitutions, "deletions": out.deletions,
            "insertions": out.insertions, "hits": out.hits,
        })
    with open(os.path.join(HERE, "jiwer-long.golden.json"), "w", encoding="utf-8") as f:
        json.dump({"jiwer": importlib.metadata.version("jiwer"), "cases": long_entries},
                  f, indent=1)
        f.write("\n")
    print(f"wrote {len(pairs)} pairs and {len(long_entries)} long cases", file=sys.stderr)


if __name__ == "__main__":
    main()
