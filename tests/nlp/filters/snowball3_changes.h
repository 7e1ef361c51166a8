#pragma once
// The 57 words of Snowball's English test vocabulary (snowball-data, 42,649 words) whose stem
// changed between Snowball 2.2 (Debian's libstemmer and python3-snowballstemmer) and the
// current Snowball 3.x english.sbl: new R1 prefixes (inter-, organ-, past-, univers-, later-,
// emerg-), -ogist -> -og, no undoubling after a lone initial a/e/o, C+ying -> C+ie, evening.
// Listed by comparing libstemmer 2.2 with the vocabulary's output.txt.

namespace secnlp::nlp::fixtures {

struct Snowball3Change {
  const char* word;
  const char* current_stem;  // Snowball 3.x, output.txt: what porter2 must give
  const char* stem_2_2;      // libstemmer / python3-snowballstemmer 2.2: porter2-libstemmer
};

inline constexpr Snowball3Change kSnowball3Changes[] = {
    {"added", "add", "ad"},
    {"adding", "add", "ad"},
    {"apologists", "apolog", "apologist"},
    {"archaeologists", "archaeolog", "archaeologist"},
    {"ebbed", "ebb", "eb"},
    {"ebbing", "ebb", "eb"},
    {"emergencies", "emergenc", "emerg"},
    {"emergency", "emergenc", "emerg"},
    {"entomologist", "entomolog", "entomologist"},
    {"erred", "err", "er"},
    {"erring", "err", "er"},
    {"evening", "evening", "even"},
    {"evenings", "evening", "even"},
    {"genealogist", "genealog", "genealogist"},
    {"geologist", "geolog", "geologist"},
    {"geologists", "geolog", "geologist"},
    {"hying", "hie", "hy"},
    {"interfered", "interfer", "interf"},
    {"interfering", "interfer", "interf"},
    {"internal", "internal", "intern"},
    {"internality", "internal", "intern"},
    {"internalization", "internal", "intern"},
    {"internalize", "internal", "intern"},
    {"internalized", "internal", "intern"},
    {"internalizes", "internal", "intern"},
    {"internally", "internal", "intern"},
    {"internalness", "internal", "intern"},
    {"international", "internat", "intern"},
    {"internationally", "internat", "intern"},
    {"internationals", "internat", "intern"},
    {"internment", "internment", "intern"},
    {"internments", "internment", "intern"},
    {"interval", "interval", "interv"},
    {"intervals", "interval", "interv"},
    {"lateral", "lateral", "later"},
    {"laterally", "lateral", "later"},
    {"offing", "off", "of"},
    {"oncologist", "oncolog", "oncologist"},
    {"oncologists", "oncolog", "oncologist"},
    {"organic", "organic", "organ"},
    {"organically", "organic", "organ"},
    {"organism", "organism", "organ"},
    {"organization", "organiz", "organ"},
    {"organizations", "organiz", "organ"},
    {"organize", "organiz", "organ"},
    {"organized", "organiz", "organ"},
    {"ornithologist", "ornitholog", "ornithologist"},
    {"ornithologists", "ornitholog", "ornithologist"},
    {"paste", "paste", "past"},
    {"pasted", "paste", "past"},
    {"pasting", "paste", "past"},
    {"psychologist", "psycholog", "psychologist"},
    {"universal", "universal", "univers"},
    {"universally", "universal", "univers"},
    {"universities", "universiti", "univers"},
    {"university", "universiti", "univers"},
    {"vying", "vie", "vy"},
};

}  // namespace secnlp::nlp::fixtures
