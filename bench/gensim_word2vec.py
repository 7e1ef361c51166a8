#!/usr/bin/python3
"""The gensim peer of `secnlp embed` for bench/embed_bench.sh: Word2Vec (python3-gensim) on the
same corpus file (one sentence per line, tokens separated by spaces) with the same options.
Prints one JSON line: corpus tokens, epochs, wall seconds of build_vocab + train, words kept.

    /usr/bin/python3 bench/gensim_word2vec.py CORPUS OUT.vec --threads 2 --dim 100 --window 5 \
        --negatives 5 --epochs 1 --min-count 5 --sample 1e-3 --model skipgram
"""
import argparse
import json
import time

from gensim.models import Word2Vec

p = argparse.ArgumentParser()
p.add_argument("corpus")
p.add_argument("out")
p.add_argument("--threads", type=int, default=2)
p.add_argument("--dim", type=int, default=100)
p.add_argument("--window", type=int, default=5)
p.add_argument("--negatives", type=int, default=5)
p.add_argument("--epochs", type=int, default=5)
p.add_argument("--min-count", type=int, default=5)
p.add_argument("--sample", type=float, default=1e-3)
p.add_argument("--model", choices=["skipgram", "cbow"], default="skipgram")
p.add_argument("--seed", type=int, default=1)
a = p.parse_args()

tokens = 0
with open(a.corpus, encoding="utf-8") as f:
    for line in f:
        tokens += len(line.split())

start = time.perf_counter()
model = Word2Vec(vector_size=a.dim, window=a.window, negative=a.negatives, hs=0,
                 sg=1 if a.model == "skipgram" else 0, min_count=a.min_count, sample=a.sample,
                 workers=a.threads, seed=a.seed,
                 alpha=0.025 if a.model == "skipgram" else 0.05)
model.build_vocab(corpus_file=a.corpus)
model.train(corpus_file=a.corpus, total_words=model.corpus_total_words,
            total_examples=model.corpus_count, epochs=a.epochs)
seconds = time.perf_counter() - start
model.wv.save_word2vec_format(a.out)
print(json.dumps({"tool": "gensim", "tokens": tokens, "epochs": a.epochs, "seconds": seconds,
                  "words": len(model.wv)}))
