#!/usr/bin/python3
# Generates lemma_pairs.tsv: (word, pos, NLTK lemma) for the WordNetLemmatizer test.
#
# Command (from the repository root, Debian python3-nltk 3.8 and wordnet-base installed):
#     /usr/bin/python3 tests/data/filters/make_lemma_fixture.py
#
# NLTK's WordNetCorpusReader wants a `lexnames` file beside the WordNet files and Debian's
# /usr/share/wordnet has none, so the files are symlinked into a temporary directory together
# with a lexnames file listing WordNet 3.0's 45 lexicographer files. The lemmatizer is NLTK's own
# nltk.stem.WordNetLemmatizer, pointed at that reader.
#
# Rows (deterministic: fixed seed, sorted inputs), all four POS plus the satellite tag "s":
#   - every form of every exception list, under its own POS (and a sample under the others);
#   - index lemmas themselves, and inflections made by adding s/es/ies/ed/ing/er/est (with the
#     usual spelling changes) to sampled index lemmas;
#   - words not in WordNet (random letter strings, finance tokens), capitalised and upper-case
#     words, multi-word expressions with '_' and with spaces, the empty string.
import os
import random
import sys
import tempfile
import warnings

import nltk.stem.wordnet
from nltk.corpus.reader.wordnet import WordNetCorpusReader

WORDNET = "/usr/share/wordnet"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "lemma_pairs.tsv")

LEXNAMES = """adj.all 3
adj.pert 3
adv.all 4
noun.Tops 1
noun.act 1
noun.animal 1
noun.artifact 1
noun.attribute 1
noun.body 1
noun.cognition 1
noun.communication 1
noun.event 1
noun.feeling 1
noun.food 1
noun.group 1
noun.location 1
noun.motive 1
noun.object 1
noun.person 1
noun.phenomenon 1
noun.plant 1
noun.possession 1
noun.process 1
noun.quantity 1
noun.relation 1
noun.shape 1
noun.state 1
noun.substance 1
noun.time 1
verb.body 2
verb.change 2
verb.cognition 2
verb.communication 2
verb.competition 2
verb.consumption 2
verb.contact 2
verb.creation 2
verb.emotion 2
verb.motion 2
verb.perception 2
verb.possession 2
verb.social 2
verb.stative 2
verb.weather 2
adj.ppl 3""".splitlines()

FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}


def read_index(pos):
    lemmas = []
    with open(os.path.join(WORDNET, "index." + FILES[pos]), encoding="utf8") as f:
        for line in f:
            if not line.startswith(" "):
                lemmas.append(line.split()[0])
    return lemmas


def read_exceptions(pos):
    forms = []
    with open(os.path.join(WORDNET, FILES[pos] + ".exc"), encoding="utf8") as f:
        for line in f:
            terms = line.split()
            if terms:
                forms.append(terms[0])
    return forms


def inflect(lemma, pos):
    out = []
    if pos == "n":
        out += [lemma + "s", lemma + "es"]
        if lemma.endswith("y"):
            out.append(lemma[:-1] + "ies")
        if lemma.endswith("f"):
            out.append(lemma[:-1] + "ves")
        if lemma.endswith("man"):
            out.append(lemma[:-3] + "men")
    elif pos == "v":
        out += [lemma + "s", lemma + "es", lemma + "ed", lemma + "ing"]
        if lemma.endswith("e"):
            out += [lemma + "d", lemma[:-1] + "ing"]
        if lemma.endswith("y"):
            out += [lemma[:-1] + "ies", lemma[:-1] + "ied"]
        if len(lemma) > 2 and lemma[-1] not in "aeiouwxy":
            out += [lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"]
    elif pos in ("a", "s"):
        out += [lemma + "er", lemma + "est"]
        if lemma.endswith("e"):
            out += [lemma + "r", lemma + "st"]
        if lemma.endswith("y"):
            out += [lemma[:-1] + "ier", lemma[:-1] + "iest"]
    else:
        out += [lemma + "ly", lemma + "s"]
    return out


def main():
    rng = random.Random(20240611)
    with tempfile.TemporaryDirectory() as tmp:
        for name in os.listdir(WORDNET):
            os.symlink(os.path.join(WORDNET, name), os.path.join(tmp, name))
        with open(os.path.join(tmp, "lexnames"), "w") as f:
            for i, line in enumerate(LEXNAMES):
                name, code = line.split()
                f.write("%02d\t%s\t%s\n" % (i, name, code))
        assert len(LEXNAMES) == 45
        with warnings.catch_warnings():  # "multilingual functions are not available"
            warnings.simplefilter("ignore")
            reader = WordNetCorpusReader(tmp, None)
        nltk.stem.wordnet.wn = reader  # WordNetLemmatizer looks up the module-level `wn`
        lemmatizer = nltk.stem.wordnet.WordNetLemmatizer()

        rows = []
        seen = set()

        def add(word, pos):
            if (word, pos) in seen or "\t" in word or "\n" in word:
                return
            seen.add((word, pos))
            rows.append((word, pos, lemmatizer.lemmatize(word, pos)))

        index = {p: read_index(p) for p in FILES}
        exceptions = {p: read_exceptions(p) for p in FILES}
        all_pos = ["n", "v", "a", "r"]

        # Every exception form under its own POS; a sample under the other POS.
        for p in all_pos:
            for form in exceptions[p]:
                add(form, p)
                if rng.random() < 0.15:
                    add(form, rng.choice([q for q in all_pos + ["s"] if q != p]))
        for form in rng.sample(exceptions["a"], 300):
            add(form, "s")

        # Index lemmas and their inflections.
        for p, n_lemmas in (("n", 1100), ("v", 650), ("a", 600), ("r", 250)):
            for lemma in rng.sample(index[p], n_lemmas):
                add(lemma, p)
                for form in inflect(lemma, p):
                    add(form, p)
            for lemma in rng.sample(index[p], 150):  # the same words under another POS
                q = rng.choice([x for x in all_pos if x != p])
                for form in inflect(lemma, p)[:2]:
                    add(form, q)
        for lemma in rng.sample(index["a"], 200):
            for form in inflect(lemma, "a"):
                add(form, "s")
        for word in ["as", "is", "has", "was", "does", "news", "glasses", "species", "men",
                     "women", "data", "media", "criteria", "analyses", "leaves", "axes",
                     "taxes", "buses", "boxes", "quizzes", "churches", "dishes", "flies",
                     "ran", "running", "better", "best", "worse", "went", "gone", "earnings",
                     "liabilities", "assets", "securities", "operations", "losses"]:
            for p in all_pos + ["s"]:
                add(word, p)

        # Words that are not in WordNet.
        letters = "abcdefghijklmnopqrstuvwxyz"
        endings = ["", "s", "es", "ies", "ed", "ing", "er", "est", "men", "ves", "ses"]
        for _ in range(1000):
            word = "".join(rng.choice(letters) for _ in range(rng.randint(3, 10)))
            add(word + rng.choice(endings), rng.choice(all_pos))
        for word in ["10-k", "10-q", "8-k", "ebitda", "fy2024", "q3", "u.s.", "non-gaap",
                     "covid-19", "esg", "sesesesing", "ssssssss", "eseseseseseses", "ieses",
                     "'s", "n't", "-", "$", "%", "1,000", "café", "naïve", "résumés"]:
            for p in all_pos:
                add(word, p)
        add("", "n")
        add("", "v")

        # Capitalised and upper-case words.
        for p in all_pos:
            for lemma in rng.sample(index[p], 150):
                for form in inflect(lemma, p)[:1] + [lemma]:
                    add(form.capitalize(), p)
                    add(form.upper(), p)
            for form in rng.sample(exceptions[p], min(50, len(exceptions[p]))):
                add(form.capitalize(), p)

        # Multi-word expressions, with '_' as in WordNet and with spaces.
        for p in all_pos:
            mwes = [x for x in index[p] if "_" in x]
            for lemma in rng.sample(mwes, min(200, len(mwes))):
                for form in [lemma] + inflect(lemma, p)[:2]:
                    add(form, p)
                    add(form.replace("_", " "), p)
                    add(form.replace("_", "-"), p)

    counts = {}
    for _, p, _ in rows:
        counts[p] = counts.get(p, 0) + 1
    with open(OUT, "w", encoding="utf8", newline="\n") as f:
        f.write("# Generated by: /usr/bin/python3 tests/data/filters/make_lemma_fixture.py\n")
        f.write("# NLTK %s WordNetLemmatizer over /usr/share/wordnet; columns: word, pos, "
                "lemma\n" % nltk.__version__)
        for word, pos, lemma in rows:
            f.write("%s\t%s\t%s\n" % (word, pos, lemma))
    print("%d rows %s -> %s" % (len(rows), sorted(counts.items()), OUT), file=sys.stderr)


if __name__ == "__main__":
    import nltk
    main()
