#pragma once
// The default pipeline's text for a raw document, for tests of stages that run on clean text
// (e.g. the item segmenters): decode -> html (numeric tables removed, fast parser) ->
// normalize -> clean (default rules). Keep in step with pipeline/stages/*.

#include <string>
#include <string_view>

namespace secnlp::testing {

// Clean text of `raw` (HTML or plain text) as the default pipeline produces it.
std::string default_clean_text(std::string_view raw);

}  // namespace secnlp::testing
