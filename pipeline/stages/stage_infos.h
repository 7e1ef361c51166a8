#pragma once
// One function per built-in stage, each defined in the file named after the stage.
// builtin_stages() (registry.cpp) registers them in pipeline order.

#include "pipeline/stage.h"

namespace secnlp::pipeline::stages {

StageInfo submission_stage();   // EDGAR container -> main document, header metadata, exhibits
StageInfo decode_stage();       // raw bytes -> UTF-8 text (encoding detection, binary check)
StageInfo html_stage();         // HTML -> text (libxml2), numeric-table removal
StageInfo normalize_stage();    // NFKC, punctuation, C1 repair, case folding (ICU)
StageInfo clean_stage();        // ordered RE2 rules
StageInfo sections_stage();     // 10-K / 10-Q / 8-K item sections
StageInfo sentences_stage();    // ICU sentence breaks + filing abbreviations
StageInfo tokens_stage();       // Treebank or pattern tokenizer, per sentence
StageInfo terms_stage();        // lowercase, punctuation, stop words, stem or lemma
StageInfo counts_stage();       // n-gram term counts per scope
StageInfo readability_stage();  // Flesch-Kincaid, Fog, SMOG, Coleman-Liau, ARI per scope
StageInfo lexicon_stage();      // Loughran-McDonald counts per scope
StageInfo pos_stage();          // part-of-speech tags and word-class rates per scope
StageInfo entities_stage();     // named entities (opt-in; a model from train --task ner)

}  // namespace secnlp::pipeline::stages
