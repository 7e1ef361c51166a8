#!/usr/bin/python3
# Fixtures of tests/models/embeddings: small word vectors, analogy questions and word pairs, and
# what gensim 4.2's evaluate_word_analogies / evaluate_word_pairs / most_similar answer on them.
# Made with Debian's python3-gensim:
#   cd tests/data/embeddings && /usr/bin/python3 make_fixtures.py
import json
import numpy as np
from gensim.models import KeyedVectors

rng = np.random.default_rng(19)
words = ["king", "queen", "man", "woman", "paris", "france", "berlin", "germany", "rome",
         "italy", "big", "bigger", "small", "smaller", "good", "better", "Revenue", "revenue",
         "profit", "loss", "litigation", "lawsuit", "impairment", "goodwill", "cash", "debt",
         "risk", "risks", "tax", "taxes", "Straße", "STRASSE"]
dim = 8
base = rng.normal(size=(len(words), dim)).astype(np.float32)
# Structure so that some analogies hold: b - a + c = d for a few groups.
offset = rng.normal(size=dim).astype(np.float32)
for a, b in [("man", "woman"), ("king", "queen"), ("big", "bigger"), ("small", "smaller"),
             ("good", "better")]:
    base[words.index(b)] = base[words.index(a)] + offset + rng.normal(scale=0.1, size=dim)
capital = rng.normal(size=dim).astype(np.float32)
for a, b in [("france", "paris"), ("germany", "berlin"), ("italy", "rome")]:
    base[words.index(b)] = base[words.index(a)] + capital + rng.normal(scale=0.3, size=dim)
kv = KeyedVectors(dim)
kv.add_vectors(words, base)
kv.save_word2vec_format("vectors.txt", binary=False)
kv.save_word2vec_format("vectors.bin", binary=True)

with open("questions.txt", "w") as f:
    f.write(": family\nman woman king queen\nMAN WOMAN KING QUEEN\nwoman man queen king\n"
            "man woman prince princess\n")
    f.write(": capitals\nfrance paris germany berlin\ngermany berlin italy rome\n"
            "france paris italy rome\nparis france rome italy\nbad line\n")
    f.write(": comparative\nbig bigger small smaller\nsmall smaller good better\n"
            "good better big bigger\nrevenue profit loss cash\n")
with open("pairs.tsv", "w") as f:
    f.write("# Word 1\tWord 2\tscore\nking\tqueen\t8.5\nman\twoman\t8.3\nrevenue\tprofit\t7\n"
            "litigation\tlawsuit\t9\nimpairment\tgoodwill\t6\ncash\tdebt\t4\nrisk\trisks\t9.5\n"
            "tax\ttaxes\t9.5\nparis\tfrance\t7\nberlin\trome\t5\nunknown\tword\t3\n"
            "bad\tline\n\nbig\tsmall\t2\ngood\tbetter\t7\nstraße\tstrasse\t10\n"
            "loss\tprofit\tnot-a-number\nloss\tprofit\t4\n")

kv = KeyedVectors.load_word2vec_format("vectors.bin", binary=True)
score, sections = kv.evaluate_word_analogies("questions.txt")
pearson, spearman, oov = kv.evaluate_word_pairs("pairs.tsv")
expected = {
    "analogies": {
        "accuracy": score,
        "sections": [{"name": s["section"], "correct": len(s["correct"]),
                      "incorrect": len(s["incorrect"])} for s in sections],
    },
    "pairs": {"pearson": float(pearson[0]), "spearman": float(spearman[0]), "oov_ratio": oov},
    "most_similar": {
        "litigation": [[w, float(s)] for w, s in kv.most_similar("litigation", topn=5)],
        "king-man+woman": [[w, float(s)] for w, s in
                           kv.most_similar(positive=["king", "woman"], negative=["man"], topn=3)],
    },
}
with open("expected.json", "w") as f:
    json.dump(expected, f, indent=1, ensure_ascii=False)
print(json.dumps(expected, indent=1, ensure_ascii=False))
