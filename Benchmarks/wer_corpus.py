#!/usr/bin/env python3
"""Makes the seeded WER benchmark corpus and scores it with jiwer 4 (the reference side of wer.sh).

    python wer_corpus.py make OUTDIR [WORDS]   writes OUTDIR/ref.txt and OUTDIR/hyp.txt (Kaldi text)
    python wer_corpus.py jiwer REF HYP         pairs by id, runs jiwer.process_words once, prints counts
"""
import random
import sys
import time


def make(outdir, total_words):
    rng = random.Random(2026)
    vocabulary = [f"word{k}" for k in range(5000)]
    weights = [1.0 / (k + 1) for k in range(len(vocabulary))]  # Zipf-like, as in real speech
    with open(f"{outdir}/ref.txt", "w") as ref, open(f"{outdir}/hyp.txt", "w") as hyp:
        written = 0
        index = 0
        while written < total_words:
            n = rng.randint(5, 35)
            words = rng.choices(vocabulary, weights, k=n)
            out = []
            for w in words:
                r = rng.random()
                if r < 0.06:
                    out.append(rng.choice(vocabulary))
                elif r < 0.10:
                    pass
                elif r < 0.13:
                    out += [w, rng.choice(vocabulary)]
                else:
                    out.append(w)
            ref.write(f"utt{index:07d} {' '.join(words)}\n")
            hyp.write(f"utt{index:07d} {' '.join(out)}\n")
            written += n
            index += 1


def score(ref_path, hyp_path):
    import jiwer

    start = time.perf_counter()
    def read(path):
        table = {}
        with open(path, encoding="utf-8") as f:
            for line in f:
                key, _, text = line.rstrip("\n").partition(" ")
                table[key] = text
        return table
    ref = read(ref_path)
    hyp = read(hyp_path)
    keys = list(ref)
    out = jiwer.process_words([ref[k] for k in keys], [hyp.get(k, "") for k in keys])
    elapsed = time.perf_counter() - start
    n = out.hits + out.substitutions + out.deletions
    print(f"jiwer {out.substitutions} {out.deletions} {out.insertions} {out.hits} wer={out.wer:.6f} "
          f"words={n} in-process-seconds={elapsed:.3f}")


if __name__ == "__main__":
    if sys.argv[1] == "make":
        make(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000)
    else:
        score(sys.argv[2], sys.argv[3])
