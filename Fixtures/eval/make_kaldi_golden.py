#!/usr/bin/env python3
"""Expected Kaldi compute-wer output for kaldi-ref.txt / kaldi-hyp.txt under each --mode.

Kaldi itself cannot be installed here, so this reproduces compute-wer's documented loop (for each
reference utterance: strict fails on a missing hypothesis, present skips it, all scores it as empty;
hypothesis-only ids are ignored) with Kaldi's own edit distance from the `kaldialign` package.
Run:
    python3 -m venv /tmp/kaldialign-venv && /tmp/kaldialign-venv/bin/pip install kaldialign
    /tmp/kaldialign-venv/bin/python Fixtures/eval/make_kaldi_golden.py > Fixtures/eval/kaldi-modes.golden.txt
"""
import os

import kaldialign

HERE = os.path.dirname(os.path.abspath(__file__))


def read_text(name):
    table = {}
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        for line in f:
            fields = line.split()
            if fields:
                table[fields[0]] = fields[1:]
    return table


def compute_wer(ref, hyp, mode):
    words = errors = ins = dele = sub = sentences = sentence_errors = absent = 0
    for key, ref_words in ref.items():
        if key not in hyp:
            if mode == "strict":
                return [f"ERROR No hypothesis for key {key} and strict mode specifier."]
            absent += 1
            if mode == "present":
                continue
            hyp_words = []
        else:
            hyp_words = hyp[key]
        d = kaldialign.edit_distance(ref_words, hyp_words)
        words += len(ref_words)
        errors += d["total"]
        ins += d["ins"]
        dele += d["del"]
        sub += d["sub"]
        sentences += 1
        sentence_errors += ref_words != hyp_words
    partial = " [PARTIAL]" if absent else ""
    return [
        f"%WER {100.0 * errors / words:.2f} [ {errors} / {words}, {ins} ins, {dele} del, {sub} sub ]{partial}",
        f"%SER {100.0 * sentence_errors / sentences:.2f} [ {sentence_errors} / {sentences} ]",
        f"Scored {sentences} sentences, {absent} not present in hyp.",
    ]


def main():
    ref = read_text("kaldi-ref.txt")
    hyp = read_text("kaldi-hyp.txt")
    for mode in ["strict", "present", "all"]:
        print(f"== {mode}")
        for line in compute_wer(ref, hyp, mode):
            print(line)


if __name__ == "__main__":
    main()
