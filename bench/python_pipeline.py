#!/usr/bin/python3
"""The Python pipeline a user would otherwise write: the peer that `secnlp process` is measured
against (bench/process_bench.sh runs both on the same files).

Run:  /usr/bin/python3 bench/python_pipeline.py [--terms both|stem|lemma] INPUT...
      INPUT: files or directories (searched recursively for .htm/.html/.xhtml/.txt, hidden entries
      skipped, sorted: the same selection as `secnlp process`).

Uses Debian's python3-bs4, python3-lxml, python3-nltk and python3-sklearn only; single process,
as users run it. Per document:
  1. read the bytes; BeautifulSoup(html, "lxml"); drop <script>/<style>; get_text("\n")
  2. nltk TreebankWordTokenizer on each non-blank line (NLTK's punkt sentence model is not
     installed offline, so no sentence split: Treebank only treats a period before the end of its
     input as final, which a line is)
  3. lowercase, keep str.isalnum() tokens, drop stop words (NLTK's English list when the NLTK
     stopwords corpus is installed; otherwise the same 179 words, embedded below)
  4. nltk PorterStemmer().stem and nltk WordNetLemmatizer().lemmatize (noun) on every kept token;
     NLTK's WordNet reader runs on Debian's /usr/share/wordnet (wordnet-base) through a temporary
     folder of symlinks plus the `lexnames` file that Debian's package lacks
Then scikit-learn TfidfVectorizer(analyzer=identity) over the stems of all documents (or the
lemmas with --terms lemma).

Prints one JSON line on stdout: files, bytes, largest_file_bytes, seconds (document processing and
TF-IDF, after imports and WordNet loading), load_seconds, mb_per_s (1 MB = 10^6 bytes of raw
input / seconds), per-stage seconds, token/term/vocabulary counts, stopwords_source.
"""

import argparse
import json
import os
import sys
import tempfile
import time

T_START = time.perf_counter()

from bs4 import BeautifulSoup  # noqa: E402
import nltk  # noqa: E402
from nltk.corpus.reader.wordnet import WordNetCorpusReader  # noqa: E402
from nltk.stem import PorterStemmer, WordNetLemmatizer  # noqa: E402
import nltk.stem.wordnet  # noqa: E402
from nltk.tokenize import TreebankWordTokenizer  # noqa: E402
from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402

DOCUMENT_EXTENSIONS = {".htm", ".html", ".xhtml", ".txt"}

# NLTK 3.8's English stop words (nltk_data corpora/stopwords/english), used when that corpus is
# not installed (Debian's python3-nltk ships no data).
NLTK_ENGLISH_STOP_WORDS = """i me my myself we our ours ourselves you you're you've you'll you'd
your yours yourself yourselves he him his himself she she's her hers herself it it's its itself
they them their theirs themselves what which who whom this that that'll these those am is are was
were be been being have has had having do does did doing a an the and but if or because as until
while of at by for with about against between into through during before after above below to
from up down in out on off over under again further then once here there when where why how all
any both each few more most other some such no nor not only own same so than too very s t can
will just don don't should should've now d ll m o re ve y ain aren aren't couldn couldn't didn
didn't doesn doesn't hadn hadn't hasn hasn't haven haven't isn isn't ma mightn mightn't mustn
mustn't needn needn't shan shan't shouldn shouldn't wasn wasn't weren weren't won won't wouldn
wouldn't""".split()

# WordNet 3.0's 45 lexicographer files (WordNet's lexnames file; Debian's wordnet-base omits it,
# and NLTK's reader requires it).
LEXNAMES = [
    ("adj.all", 3), ("adj.pert", 3), ("adv.all", 4), ("noun.Tops", 1), ("noun.act", 1),
    ("noun.animal", 1), ("noun.artifact", 1), ("noun.attribute", 1), ("noun.body", 1),
    ("noun.cognition", 1), ("noun.communication", 1), ("noun.event", 1), ("noun.feeling", 1),
    ("noun.food", 1), ("noun.group", 1), ("noun.location", 1), ("noun.motive", 1),
    ("noun.object", 1), ("noun.person", 1), ("noun.phenomenon", 1), ("noun.plant", 1),
    ("noun.possession", 1), ("noun.process", 1), ("noun.quantity", 1), ("noun.relation", 1),
    ("noun.shape", 1), ("noun.state", 1), ("noun.substance", 1), ("noun.time", 1),
    ("verb.body", 2), ("verb.change", 2), ("verb.cognition", 2), ("verb.communication", 2),
    ("verb.competition", 2), ("verb.consumption", 2), ("verb.contact", 2), ("verb.creation", 2),
    ("verb.emotion", 2), ("verb.motion", 2), ("verb.perception", 2), ("verb.possession", 2),
    ("verb.social", 2), ("verb.stative", 2), ("verb.weather", 2), ("adj.ppl", 3),
]


def discover(inputs):
    """Files as given, directories walked recursively; sorted and deduplicated."""
    found = set()
    for path in inputs:
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                for name in files:
                    if name.startswith("."):
                        continue
                    if os.path.splitext(name)[1].lower() in DOCUMENT_EXTENSIONS:
                        found.add(os.path.normpath(os.path.join(root, name)))
        elif os.path.isfile(path):
            found.add(os.path.normpath(path))
        else:
            sys.exit(f"python_pipeline.py: no such file or directory: {path}")
    return sorted(found)


def english_stop_words():
    try:
        from nltk.corpus import stopwords
        return set(stopwords.words("english")), "nltk corpus"
    except LookupError:
        return set(NLTK_ENGLISH_STOP_WORDS), "embedded copy of NLTK's English list (corpus absent)"


def open_wordnet(tmp, wordnet_dir):
    """NLTK's WordNetCorpusReader over Debian's WordNet files plus a generated lexnames."""
    for name in os.listdir(wordnet_dir):
        os.symlink(os.path.join(wordnet_dir, name), os.path.join(tmp, name))
    with open(os.path.join(tmp, "lexnames"), "w", encoding="utf-8") as out:
        for i, (name, pos) in enumerate(LEXNAMES):
            out.write(f"{i:02d} {name} {pos}\n")
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "multilingual functions are not available"
        return WordNetCorpusReader(tmp, None)


def identity(terms):
    return terms


def main():
    import warnings
    # Inline-XBRL filings start with <?xml ...?>; parsing them as HTML is what users do.
    warnings.filterwarnings("ignore", message="It looks like you're parsing an XML document")
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--terms", choices=["both", "stem", "lemma"], default="both",
                        help="stem and/or lemmatize each token (default both; TF-IDF gets the "
                             "stems unless --terms lemma)")
    parser.add_argument("--wordnet", default="/usr/share/wordnet")
    args = parser.parse_args()

    files = discover(args.inputs)
    if not files:
        sys.exit("python_pipeline.py: no input documents")

    stop_words, stop_source = english_stop_words()
    tokenizer = TreebankWordTokenizer()
    stemmer = PorterStemmer()
    do_stem = args.terms in ("both", "stem")
    do_lemma = args.terms in ("both", "lemma")
    with tempfile.TemporaryDirectory(prefix="wordnet-nltk-") as tmp:
        if do_lemma:
            # WordNetLemmatizer calls the module-level `wn`; point it at our reader.
            nltk.stem.wordnet.wn = open_wordnet(tmp, args.wordnet)
            lemmatizer = WordNetLemmatizer()
            if lemmatizer.lemmatize("geese") != "goose":  # the reader really works
                sys.exit("python_pipeline.py: WordNet lemmatizer is not working")
        t_loaded = time.perf_counter()

        stage = dict.fromkeys(["read", "html", "tokenize", "filter", "stem", "lemma", "tfidf"],
                              0.0)
        total_bytes = largest = tokens = kept = 0
        documents = []
        for path in files:
            t0 = time.perf_counter()
            with open(path, "rb") as f:
                raw = f.read()
            total_bytes += len(raw)
            largest = max(largest, len(raw))
            t1 = time.perf_counter()
            soup = BeautifulSoup(raw, "lxml")
            for tag in soup(["script", "style"]):
                tag.decompose()
            text = soup.get_text("\n")
            t2 = time.perf_counter()
            words = []
            for line in text.split("\n"):
                if line.strip():
                    words.extend(tokenizer.tokenize(line))
            t3 = time.perf_counter()
            tokens += len(words)
            words = [w for w in (w.lower() for w in words)
                     if w.isalnum() and w not in stop_words]
            kept += len(words)
            t4 = time.perf_counter()
            stems = [stemmer.stem(w) for w in words] if do_stem else None
            t5 = time.perf_counter()
            lemmas = [lemmatizer.lemmatize(w) for w in words] if do_lemma else None
            t6 = time.perf_counter()
            documents.append(stems if do_stem else lemmas)
            for key, seconds in (("read", t1 - t0), ("html", t2 - t1), ("tokenize", t3 - t2),
                                 ("filter", t4 - t3), ("stem", t5 - t4), ("lemma", t6 - t5)):
                stage[key] += seconds

        t7 = time.perf_counter()
        vectorizer = TfidfVectorizer(analyzer=identity)
        matrix = vectorizer.fit_transform(documents)
        t_end = time.perf_counter()
        stage["tfidf"] = t_end - t7

    seconds = t_end - t_loaded
    print(json.dumps({
        "tool": "python",
        "files": len(files),
        "bytes": total_bytes,
        "largest_file_bytes": largest,
        "seconds": round(seconds, 3),
        "load_seconds": round(t_loaded - T_START, 3),
        "mb_per_s": round(total_bytes / 1e6 / seconds, 3),
        "stage_seconds": {k: round(v, 3) for k, v in stage.items()},
        "tokens": tokens,
        "terms": kept,
        "vocabulary": matrix.shape[1],
        "terms_mode": args.terms,
        "stopwords_source": stop_source,
    }))


if __name__ == "__main__":
    main()
