"""Text functions, each running the pipeline stage of the same name (``secnlp stages`` lists
every stage and its options; keyword arguments are those options). Offsets are code points:
they index the returned Python ``str`` directly."""

from collections import namedtuple

from . import _core

Items = namedtuple("Items", ["text", "sections"])

# What `secnlp process` runs before and including the section map.
_UP_TO_SECTIONS = ("submission", "decode", "html", "normalize", "clean", "sections")


def _run(text, stages, **kw):
    return _core.run_stages(text, [(name, dict(options)) for name, options in stages], **kw)


def html_to_text(html, form=None, **options):
    """The ``html`` stage: HTML (inline XBRL included) to text; plain text passes through.
    ``form`` ("10-K", "8-K" ...) decides numeric-table removal as for a filing of that form."""
    return _run(html, [("html", options)], metadata={"form": form} if form else {})["text"]


def normalize(text, **options):
    """The ``normalize`` stage: NFKC, unified quotes/dashes/spaces, cp1252 repair."""
    return _run(text, [("normalize", options)])["text"]


def sentences(text, spans=False, **options):
    """The ``sentences`` stage: a list of sentence strings, or (begin, end) code-point offsets
    into ``text`` with ``spans=True``."""
    found = _run(text, [("sentences", options)])["sentences"]
    return found if spans else [text[b:e] for b, e in found]


def tokenize(text, tokenizer="treebank", pattern=None, by_sentence=False):
    """The ``sentences`` then ``tokens`` stages: NLTK Treebank tokens (default) or a scikit-learn
    style ``pattern`` (``tokenizer="pattern"``, default ``\\w\\w+``). A flat list, or one list
    per sentence with ``by_sentence=True``."""
    options = {"tokenizer": tokenizer}
    if pattern is not None:
        options["pattern"] = pattern
    per_sentence = _run(text, [("sentences", {}), ("tokens", options)])["tokens"]
    return per_sentence if by_sentence else [t for s in per_sentence for t in s]


def stem(words, algorithm="porter2"):
    """Snowball stems as the ``terms`` stage makes them (``porter2``, ``porter2-libstemmer``,
    ``porter``). A word gives a word, a list a list. Words should be lowercase."""
    if isinstance(words, str):
        return _core.stem([words], algorithm)[0]
    return _core.stem(list(words), algorithm)


def lemmatize(word, pos="n"):
    """WordNet lemma as NLTK's ``WordNetLemmatizer().lemmatize(word, pos)`` (pos: n, v, a, r)."""
    if isinstance(word, str):
        return _core.lemmatize([word], pos)[0]
    return _core.lemmatize(list(word), pos)


def items(text_or_html, form=None, **stage_options):
    """The section map of one filing, as ``secnlp process`` finds it: the stages submission,
    decode, html, normalize, clean and sections. ``text_or_html`` is a ``str`` or ``bytes`` (a
    full submission, a primary document, or plain text); ``form`` ("10-K", "10-Q", "8-K")
    overrides the form the filing states. ``stage_options`` maps a stage name to its options,
    e.g. ``html={"numeric_tables": "keep"}``.

    Returns ``Items(text, sections)``: the clean text and a DataFrame with one row per section
    (item, title, begin, end, begin_char, end_char, confidence, flags, method, heading,
    refers_to, text), named as in ``Database.sections()``: ``begin``/``end`` are UTF-8 byte
    offsets, ``begin_char``/``end_char`` code points, so ``text[begin_char:end_char]`` is the
    section."""
    import pandas as pd

    data = text_or_html.encode("utf-8") if isinstance(text_or_html, str) else bytes(text_or_html)
    unknown = set(stage_options) - set(_UP_TO_SECTIONS)
    if unknown:
        raise ValueError(f"no stage {sorted(unknown)} before sections: {', '.join(_UP_TO_SECTIONS)}")
    result = _core.run_stages(
        data,
        [(name, dict(stage_options.get(name, {}))) for name in _UP_TO_SECTIONS],
        metadata={"form": form} if form else {},
        raw=True,
    )
    text = result["text"]
    columns = ["section", "title", "begin", "end", "begin_char", "end_char", "confidence", "flags",
               "method", "heading", "refers_to"]
    sections = pd.DataFrame(result["sections"], columns=columns)
    sections["text"] = [text[b:e] for b, e in zip(sections["begin_char"], sections["end_char"])]
    return Items(text, sections)


def readability(text, mode="standard"):
    """The ``readability`` stage on ``text`` (after the sentences and tokens stages): a dict of
    every metric it stores for a filing (words, sentences, flesch_kincaid_grade, gunning_fog,
    smog, ...)."""
    result = _run(text, [("sentences", {}), ("tokens", {}), ("readability", {"mode": mode})])
    return dict(result["metrics"].get("", {}))


def lm_counts(text, lexicon):
    """The ``lexicon`` stage: Loughran-McDonald counts and proportions of ``text`` (lm_words,
    lm_negative, lm_negative_prop, ..., lm_negations) with the lexicon at ``lexicon`` (the
    master dictionary CSV, a folder of word lists, or one list)."""
    result = _run(text, [("sentences", {}), ("tokens", {}), ("lexicon", {})], lexicon=str(lexicon))
    return {k: v for k, v in result["metrics"].get("", {}).items() if k.startswith("lm_")}
