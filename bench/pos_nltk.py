#!/usr/bin/python3
"""NLTK's PerceptronTagger trained on the same EWT file as `secnlp train --task pos`, for the
comparison in bench/README.md (NLTK's own pretrained model is not packaged in Debian).

    /usr/bin/python3 bench/pos_nltk.py EWT_DIR [SENTENCES.txt]

EWT_DIR holds en_ewt-ud-{train,test}.conllu (../shared/data/tagging/ud-english-ewt). For each of
XPOS and UPOS: trains with NLTK's defaults (5 iterations), prints training time and word
accuracy on the test file (gold tokenization). With SENTENCES.txt (one tokenized sentence per
line, from `secnlp_pos_bench MODEL --sentences FILE`), also times tagger.tag() - what
nltk.pos_tag calls - on every sentence (XPOS model) and prints tokens/s (process CPU time).
Uses Debian's python3-nltk; no network.
"""
import random
import sys
import time

from nltk.tag.perceptron import PerceptronTagger


def read_conllu(path, column):
    sentences, current = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if current:
                    sentences.append(current)
                current = []
                continue
            if line.startswith("#"):
                continue
            fields = line.split("\t")
            if "-" in fields[0] or "." in fields[0]:
                continue
            current.append((fields[1], fields[column]))
    if current:
        sentences.append(current)
    return sentences


def main():
    ewt = sys.argv[1]
    random.seed(1)
    taggers = {}
    for name, column in (("xpos", 4), ("upos", 3)):
        train = read_conllu(f"{ewt}/en_ewt-ud-train.conllu", column)
        test = read_conllu(f"{ewt}/en_ewt-ud-test.conllu", column)
        tagger = PerceptronTagger(load=False)
        start = time.process_time()
        tagger.train([list(s) for s in train])
        seconds = time.process_time() - start
        correct = words = 0
        for s in test:
            tags = tagger.tag([w for w, _ in s])
            correct += sum(p == g for (_, p), (_, g) in zip(tags, s))
            words += len(s)
        print(f"nltk {name}: trained in {seconds:.1f} s CPU, test accuracy "
              f"{100.0 * correct / words:.2f} % ({words} words)", flush=True)
        taggers[name] = tagger
    if len(sys.argv) > 2:
        with open(sys.argv[2], encoding="utf-8") as f:
            sentences = [line.split() for line in f]
        tokens = sum(len(s) for s in sentences)
        start = time.process_time()
        for s in sentences:
            taggers["xpos"].tag(s)
        seconds = time.process_time() - start
        print(f"nltk tag: {len(sentences)} sentences, {tokens} tokens in {seconds:.1f} s CPU: "
              f"{tokens / seconds:.0f} tokens/s", flush=True)


if __name__ == "__main__":
    main()
