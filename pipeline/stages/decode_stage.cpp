#include "common/error.h"
#include "nlp/encoding/encoding.h"
#include "pipeline/stages/stage_infos.h"

#include <fmt/format.h>

namespace secnlp::pipeline::stages {
namespace {

class DecodeStage final : public Stage {
 public:
  explicit DecodeStage(const StageOptions& o) : reject_binary_(o.get_bool("reject_binary", true)) {}
  SlotSet reads() const override { return kSlotRaw; }
  SlotSet writes() const override { return kSlotText; }
  void run(Document& doc) const override {
    if (reject_binary_ && nlp::looks_binary(doc.raw)) {
      throw Error(ErrorCode::kParse, "binary content, not a text or HTML document", doc.path);
    }
    nlp::DecodedText decoded = nlp::decode_to_utf8(doc.raw);
    doc.encoding = decoded.source_encoding;
    if (decoded.replaced) {
      doc.warnings.push_back(fmt::format("{} invalid byte sequences replaced", decoded.replaced));
    }
    if (decoded.misread_utf8) {
      doc.warnings.push_back(fmt::format(
          "not valid UTF-8 but holds {} UTF-8 characters: decoded as {}, so those characters "
          "are garbled (mixed or damaged encoding)",
          decoded.misread_utf8, decoded.source_encoding));
    }
    if (decoded.undefined_cp1252) {
      doc.warnings.push_back(fmt::format(
          "{} bytes undefined in windows-1252 (0x81, 0x8D, 0x8F, 0x90, 0x9D): the encoding may "
          "not be windows-1252",
          decoded.undefined_cp1252));
    }
    if (decoded.removed_nuls) {
      doc.warnings.push_back(fmt::format("{} NUL bytes removed", decoded.removed_nuls));
    }
    doc.set_metric("", "bytes", static_cast<double>(doc.raw.size()));
    doc.set_metric("", "invalid_bytes_replaced", static_cast<double>(decoded.replaced));
    doc.text = std::move(decoded.utf8);
    doc.raw.clear();
    doc.raw.shrink_to_fit();
  }

 private:
  bool reject_binary_;
};

}  // namespace

StageInfo decode_stage() {
  return {"decode",
          "Detect the encoding (BOM, UTF-8, declared charset, else cp1252) and convert to UTF-8; "
          "invalid bytes become U+FFFD",
          {{"reject_binary", "true", "Fail documents that look binary (PDF, ZIP, images, ...)"}},
          [](const StageOptions& o, Resources&) { return std::make_unique<DecodeStage>(o); }};
}

}  // namespace secnlp::pipeline::stages
