#pragma once
// Readers of the Loughran-McDonald sentiment lexicon into nlp::SentimentLexicon.
//
// The LM lists are copyrighted (free for academic use, licence needed for commercial use): the
// project never ships them; users point these readers at their own copy.
//
// Accepted inputs:
// (a) A master dictionary CSV (LoughranMcDonald_MasterDictionary_<year>.csv). Header row required;
//     the word column is "Word" (or "Token"); category columns are matched by name ignoring case,
//     '_' and spaces: Negative, Positive, Uncertainty, Litigious, Strong_Modal/StrongModal,
//     Weak_Modal/WeakModal, Constraining; other columns (Superfluous, Interesting, Complexity,
//     Syllables, ...) are ignored. Values: a positive number (the year the word was added, e.g.
//     2009) means member; 0 or empty means not; a negative number (e.g. -2020, LM's mark for a word
//     removed in that year) means NOT a member. The 2018 file has a single "Modal" column instead:
//     1 = strong modal, 2 = moderate (no category), 3 = weak modal (LM's documentation). The
//     condensed "Token,SentimentScore" file (-1/0/+1) is read as Negative/Positive.
// (b) A directory of per-category word lists, one word per line (LM2018_Negative.txt, ...). Every
//     *.txt file must name a category at the end of its file name ("LM2018_StrongModal.txt",
//     "Loughran-McDonald_Strong_Modal.txt", "negative.txt"); Documentation.txt and README.txt are
//     skipped; other extensions are ignored.
// (c) One word-list file for a given category.
// Lines may end in CRLF; a UTF-8 BOM is skipped; in word lists only the first whitespace-separated
// field of a line is used. Words are stored case-insensitively.
//
// Errors name the file: Error(kResource) for missing/unreadable files, a directory without word
// lists, or an unknown category file name; Error(kParse) for a CSV without a word column or without
// any recognisable category column, a row with a non-numeric category value (with the line
// number), or a word list with no words.

#include <filesystem>
#include <optional>
#include <string_view>

#include "nlp/lexicon/sentiment_lexicon.h"

namespace secnlp::corpora {

// (a) Reads a master dictionary / condensed CSV.
nlp::SentimentLexicon read_lm_master_dictionary(const std::filesystem::path& csv);

// (b) Reads every category word list in `directory`.
nlp::SentimentLexicon read_lm_word_lists(const std::filesystem::path& directory);

// (c) Adds the words of one list to `lexicon` under `category`.
void read_lm_word_list(const std::filesystem::path& file, nlp::LmCategory category,
                       nlp::SentimentLexicon& lexicon);

// The category a word-list file name stands for ("LM2018_WeakModal.txt" -> kWeakModal), from the
// longest '_'/'-'/' '-separated suffix of the stem that parses; nullopt when none does.
std::optional<nlp::LmCategory> lm_category_from_file_name(const std::filesystem::path& file);

// Picks (a) for a *.csv file, (b) for a directory, (c) for any other file (category from its
// name; Error(kResource) when the name names none).
nlp::SentimentLexicon load_lm_lexicon(const std::filesystem::path& path);

}  // namespace secnlp::corpora
