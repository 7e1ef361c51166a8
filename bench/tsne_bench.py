#!/usr/bin/python3
"""scikit-learn's TSNE on the words `secnlp embed map --coords` mapped (issue 19's comparison).

  tsne_bench.py VECTORS COORDS [--method exact|barnes_hut] [--threads N]

VECTORS: the word2vec file the map was drawn from; COORDS: its --coords output (word, x, y), which
fixes the words and their order. Perplexity 30, 1000 iterations, PCA initialisation, learning rate
"auto" (sklearn 1.2's defaults otherwise). Prints one JSON line: method, words, kl, seconds.
"""
import argparse
import json
import time

import numpy as np
from gensim.models import KeyedVectors
from sklearn.manifold import TSNE

p = argparse.ArgumentParser()
p.add_argument("vectors")
p.add_argument("coords")
p.add_argument("--method", default="exact", choices=["exact", "barnes_hut"])
p.add_argument("--threads", type=int, default=1)
a = p.parse_args()
try:
    kv = KeyedVectors.load_word2vec_format(a.vectors, binary=False)
except (UnicodeDecodeError, ValueError):
    kv = KeyedVectors.load_word2vec_format(a.vectors, binary=True)
words = [line.split("\t")[0] for line in open(a.coords, encoding="utf-8") if line.strip()]
X = np.vstack([kv[w] for w in words]).astype(np.float32)
start = time.perf_counter()
t = TSNE(n_components=2, perplexity=30, n_iter=1000, init="pca", learning_rate="auto",
         method=a.method, random_state=1, n_jobs=a.threads)
t.fit(X)
print(json.dumps({"tool": "sklearn-" + a.method, "words": len(words),
                  "kl": float(t.kl_divergence_), "seconds": time.perf_counter() - start}))
