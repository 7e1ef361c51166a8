// `secnlp train`: trains a text (lstm, gru, bow) or vision (mlp, lenet5, strided_cnn, vgg)
// classifier and writes a model directory (models/train/training.h); with --db, the run and
// every epoch are recorded in SQLite. `--task pos` trains a part-of-speech tagger instead,
// without loading libtorch (tools/commands/tagging_commands.h). The flags are defined here; the
// training runs in the model commands' library (tools/commands/model_commands.h), loaded only when
// the command runs.
#include <set>

#include <fmt/format.h>

#include "tools/commands/commands.h"
#include "tools/commands/model_commands.h"
#include "tools/commands/tagging_commands.h"

namespace secnlp::tools {
namespace {

bool req_model_missing(const TrainCommand& c) {
  return c.request.model.name.empty();
}

// The tagging tasks read only these flags; any other that was given is refused by name rather
// than ignored (--resume, --db, --model ... belong to the classifiers).
void refuse_classifier_flags(const CLI::App& cmd, const std::string& task) {
  static const std::set<std::string> kTagging = {"--task", "--data",   "--dev",  "--tagset",
                                                 "--out",  "--epochs", "--seed", "--help"};
  for (const CLI::Option* o : cmd.get_options()) {
    if (o->count() == 0 || o->get_lnames().empty()) continue;
    const std::string flag = "--" + o->get_lnames().front();
    if (kTagging.count(flag)) continue;
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("train --task {}: {} does not apply (it takes --data, --dev, --out, "
                            "--epochs, --seed{}; training takes seconds, so an interrupted run is "
                            "simply rerun)",
                            task, flag, task == "pos" ? ", --tagset" : ""));
  }
}

// --init-from brings the language model's vocabulary and embedding: the flags that would make
// another are refused by name.
void refuse_with_init_from(const CLI::App& cmd) {
  if (cmd.count("--init-from") == 0) return;
  for (const char* flag :
       {"--pretrained", "--freeze-embeddings", "--num-words", "--min-frequency", "--skip-top"})
    if (cmd.count(flag) > 0)
      throw Error(ErrorCode::kInvalidArgument,
                  fmt::format("train: --init-from and {} do not go together (the vocabulary and "
                              "the embedding are the language model's)",
                              flag));
}

}  // namespace

void add_train_command(CLI::App& app, int& exit_code) {
  auto c = std::make_shared<TrainCommand>();
  auto* req = &c->request;
  auto& t = req->train;
  auto& x = req->text;
  auto& v = req->images;

  CLI::App* cmd = app.add_subcommand(
      "train", "Train a text or vision classifier; writes a model directory (see README)");
  auto tagging = std::make_shared<TaggerTrainFlags>();
  auto lm = std::make_shared<LmTrainFlags>();
  add_data_flags(*cmd, c->data);
  add_lm_train_flags(*cmd, *lm);
  cmd->add_option(
         "--task", tagging->task,
         "classify, pos (part-of-speech tagger from CoNLL-U), ner or lm (next-word language model "
         "for --init-from; batch size 32, clip norm 1, 10000 words unless given)")
      ->capture_default_str();
  cmd->add_option(
      "--dev", tagging->dev,
      "pos, ner: development file scored after training (ner keeps the best epoch by entity F1)");
  cmd->add_option("--tagset", tagging->tagset, "pos: xpos (Penn Treebank) or upos")
      ->capture_default_str();
  cmd->add_option("--model", req->model.name,
                  "classify (required): lstm, gru, bow (text); mlp, lenet5, strided_cnn, vgg "
                  "(vision)");
  cmd->add_option("--model-option", c->model_options,
                  "KEY=VALUE model option, repeatable (e.g. hidden_size=128, bidirectional=true, "
                  "hidden_sizes=[256,128]); see models/nets/model_factory.h");
  cmd->add_option("--out", c->out, "Model directory to write")->required();
  cmd->add_flag("--resume", t.resume, "Continue the interrupted run in --out");
  cmd->add_option("--db", c->db,
                  "Record the run and its epochs in this database (--task lm: train on the "
                  "sentences of the filings stored here; --section 1A,7 and --form etc. select)");
  // loop
  cmd->add_option("--epochs", t.epochs, "Epochs (--task pos: 15, lm: 1 unless given)")
      ->capture_default_str();
  cmd->add_option("--batch-size", t.batch_size, "Batch size")->capture_default_str();
  cmd->add_option("--optimizer", t.optimizer.name, "adam, sgd, rmsprop or adagrad")
      ->capture_default_str();
  cmd->add_option("--lr", t.optimizer.learning_rate, "Learning rate")->capture_default_str();
  cmd->add_option("--momentum", t.optimizer.momentum, "SGD momentum")->capture_default_str();
  cmd->add_option("--weight-decay", t.optimizer.weight_decay, "L2 weight decay")
      ->capture_default_str();
  cmd->add_option("--schedule", t.schedule.name, "none, step, exponential or inverse_time")
      ->capture_default_str();
  cmd->add_option("--step-size", t.schedule.step_size, "step: epochs per decay")
      ->capture_default_str();
  cmd->add_option("--gamma", t.schedule.gamma, "step/exponential: decay factor")
      ->capture_default_str();
  cmd->add_option("--decay", t.schedule.decay, "inverse_time: lr / (1 + decay * epoch)")
      ->capture_default_str();
  cmd->add_option("--clip-norm", t.clip_norm, "Clip gradients to this global L2 norm; 0 = off")
      ->capture_default_str();
  cmd->add_option("--patience", t.patience,
                  "Stop after this many epochs without a lower validation loss; 0 = never")
      ->capture_default_str();
  cmd->add_option(
         "--seed", t.seed,
         "Seed of splits, initialisation, batches, augmentation (--task pos, lm: 1 unless given)")
      ->capture_default_str();
  cmd->add_option("--device", t.device, "auto, cpu, cuda or cuda:N")->capture_default_str();
  cmd->add_flag("--bf16", t.bf16, "bfloat16 autocast (CUDA)");
  cmd->add_flag("--balanced", t.balanced,
                "Weight the loss by inverse class frequency (class_weight=balanced)");
  cmd->add_option("--threads", t.threads, "Torch CPU threads; 0 = default")
      ->check(thread_count_check());
  cmd->add_option("--split", c->split, "train,validation,test fractions")->capture_default_str();
  cmd->add_option("--output", c->output, "Print the summary as table or json (one object)")
      ->check(CLI::IsMember({"table", "json"}))
      ->capture_default_str();
  // text
  cmd->add_option("--num-words", x.vocabulary.num_words, "Keep ids below this (Keras); 0 = all");
  cmd->add_option("--min-frequency", x.vocabulary.min_frequency, "Drop rarer words")
      ->capture_default_str();
  cmd->add_option("--skip-top", x.vocabulary.skip_top, "Drop the N most frequent words");
  cmd->add_option("--sequence-length", x.sequence_length,
                  "Tokens per text; 0 = 95th percentile of the training texts");
  cmd->add_option("--padding", c->padding, "pre or post")->capture_default_str();
  cmd->add_option("--truncating", c->truncating, "pre or post")->capture_default_str();
  cmd->add_option("--stopwords", x.preprocess.stopwords, "none or english")->capture_default_str();
  cmd->add_option("--stem", x.preprocess.stem, "none, porter2 or porter")->capture_default_str();
  cmd->add_flag("--no-placeholders", c->no_placeholders,
                "Keep URLs, $TICKERs and @users as tokens instead of <url>, <ticker>, <user>");
  cmd->add_option("--pretrained", x.pretrained_vectors, "word2vec/GloVe text vectors (lstm, gru)");
  cmd->add_flag("--freeze-embeddings", x.freeze_embeddings, "Keep pretrained vectors fixed");
  cmd->add_option("--init-from", x.init_from,
                  "lstm, gru: start from this language model (train --task lm): its vocabulary, "
                  "embedding and recurrent layer; sizes default to its own");
  cmd->add_flag("--gradual-unfreeze", t.gradual_unfreeze,
                "lstm, gru: train only the output layer in the first epoch, then one more layer "
                "per epoch from the top (ULMFiT)");
  cmd->add_option("--lr-decay-per-layer", t.lr_decay_per_layer,
                  "lstm, gru: layer k of L trains at lr / DECAY^(L-1-k), the output at lr "
                  "(ULMFiT: 2.6); 1 = off")
      ->capture_default_str();
  cmd->add_option("--downsample", x.downsample_ratio,
                  "Down-sample the dominant class to at most this many times the next one");
  // vision
  cmd->add_flag("--flip", v.augment.horizontal_flip, "Augment: random horizontal flips");
  cmd->add_option("--shift", v.augment.shift, "Augment: random shifts of up to N pixels");
  cmd->add_option("--rotate", v.augment.rotate_degrees, "Augment: random rotation, degrees");
  cmd->add_option("--image-split", req->image_split, "Dataset part to train on")
      ->capture_default_str();
  cmd->add_option("--test-split", req->test_split,
                  "Dataset part to test on (e.g. test); then --split's test fraction must be 0");

  cmd->callback([c, tagging, lm, cmd, &exit_code] {
    const TrainTask task = parse_train_task(tagging->task);
    if (task == TrainTask::kLm) {
      exit_code = train_language_model(*cmd, *c, *lm);
      return;
    }
    refuse_lm_flags(*cmd, tagging->task);
    if (task != TrainTask::kClassify) {
      refuse_classifier_flags(*cmd, tagging->task);
      tagging->epochs_given = cmd->count("--epochs") > 0;
      tagging->seed_given = cmd->count("--seed") > 0;
      exit_code = train_tagger(*c, *tagging);
      return;
    }
    refuse_with_init_from(*cmd);
    if (req_model_missing(*c))
      throw Error(ErrorCode::kInvalidArgument, "train: --model is required for --task classify");
    exit_code = rethrow_if_failed(model_commands("train").train(*c)).exit_code;
  });
}

}  // namespace secnlp::tools
