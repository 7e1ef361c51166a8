#!/usr/bin/python3
# Fixture of tests/models/embeddings/tsne_test.cpp: six overlapping Gaussian clusters of 25 points in 10
# dimensions and scikit-learn 1.2's exact t-SNE KL divergence on them (perplexity 30, 1000
# iterations, PCA initialisation, learning rate "auto"). Made with Debian's python3-sklearn:
#   cd tests/data/embeddings && /usr/bin/python3 make_tsne_fixture.py
import json
import numpy as np
from sklearn.manifold import TSNE

rng = np.random.default_rng(3)
centres = rng.normal(scale=1.5, size=(6, 10))
X = np.vstack([c + rng.normal(size=(25, 10)) for c in centres]).astype(np.float32)
np.savetxt("clusters.txt", X, fmt="%.9g")
kl = []
for method in ["exact", "barnes_hut"]:
    t = TSNE(n_components=2, perplexity=30, n_iter=1000, init="pca", learning_rate="auto",
             method=method, random_state=0)
    t.fit(X)
    kl.append(float(t.kl_divergence_))
json.dump({"exact_kl": kl[0], "barnes_hut_kl": kl[1]}, open("tsne_expected.json", "w"), indent=1)
print(kl)
