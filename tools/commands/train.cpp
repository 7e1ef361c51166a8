// `secnlp train`: trains a text (lstm, gru, bow) or vision (mlp, lenet5, strided_cnn, vgg)
// classifier and writes a model directory (models/train/training.h); with --db, the run and
// every epoch are recorded in SQLite.
#include <iostream>

#include <fmt/format.h>

#include "common/error.h"
#include "common/json.h"
#include "common/log.h"
#include "pipeline/model_runs.h"
#include "tools/commands/commands.h"
#include "tools/commands/model_options.h"

namespace secnlp::tools {
namespace {

std::vector<double> parse_fractions(const std::string& text) {
  std::vector<double> out;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    const auto end = std::min(text.find(',', begin), text.size());
    try {
      out.push_back(std::stod(text.substr(begin, end - begin)));
    } catch (const std::exception&) {
      throw Error(ErrorCode::kInvalidArgument,
                  fmt::format("--split must be three fractions like 0.8,0.1,0.1, not '{}'", text));
    }
    begin = end + 1;
  }
  if (out.size() != 3)
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("--split must be three fractions like 0.8,0.1,0.1, not '{}'", text));
  return out;
}

}  // namespace

void add_train_command(CLI::App& app, int& exit_code) {
  auto req = std::make_shared<pipeline::TrainRequest>();
  auto data = std::make_shared<DataFlags>();
  auto model_options = std::make_shared<std::vector<std::string>>();
  auto split = std::make_shared<std::string>("0.8,0.1,0.1");
  auto padding = std::make_shared<std::string>("pre");
  auto truncating = std::make_shared<std::string>("pre");
  auto out = std::make_shared<std::string>();
  auto db = std::make_shared<std::string>();
  auto no_placeholders = std::make_shared<bool>(false);
  auto& t = req->train;
  auto& x = req->text;
  auto& v = req->images;

  CLI::App* cmd = app.add_subcommand(
      "train", "Train a text or vision classifier; writes a model directory (see README)");
  add_data_flags(*cmd, *data);
  cmd->add_option("--model", req->model.name,
                  "lstm, gru, bow (text); mlp, lenet5, strided_cnn, vgg (vision)")
      ->required();
  cmd->add_option("--model-option", *model_options,
                  "KEY=VALUE model option, repeatable (e.g. hidden_size=128, bidirectional=true, "
                  "hidden_sizes=[256,128]); see models/nets/model_factory.h");
  cmd->add_option("--out", *out, "Model directory to write")->required();
  cmd->add_flag("--resume", t.resume, "Continue the interrupted run in --out");
  cmd->add_option("--db", *db, "Record the run and its epochs in this database");
  // loop
  cmd->add_option("--epochs", t.epochs, "Epochs")->capture_default_str();
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
  cmd->add_option("--seed", t.seed, "Seed of splits, initialisation, batches, augmentation")
      ->capture_default_str();
  cmd->add_option("--device", t.device, "auto, cpu, cuda or cuda:N")->capture_default_str();
  cmd->add_flag("--bf16", t.bf16, "bfloat16 autocast (CUDA)");
  cmd->add_flag("--balanced", t.balanced,
                "Weight the loss by inverse class frequency (class_weight=balanced)");
  cmd->add_option("--threads", t.threads, "Torch CPU threads; 0 = default")
      ->check(thread_count_check());
  cmd->add_option("--split", *split, "train,validation,test fractions")->capture_default_str();
  // text
  cmd->add_option("--num-words", x.vocabulary.num_words, "Keep ids below this (Keras); 0 = all");
  cmd->add_option("--min-frequency", x.vocabulary.min_frequency, "Drop rarer words")
      ->capture_default_str();
  cmd->add_option("--skip-top", x.vocabulary.skip_top, "Drop the N most frequent words");
  cmd->add_option("--sequence-length", x.sequence_length,
                  "Tokens per text; 0 = 95th percentile of the training texts");
  cmd->add_option("--padding", *padding, "pre or post")->capture_default_str();
  cmd->add_option("--truncating", *truncating, "pre or post")->capture_default_str();
  cmd->add_option("--stopwords", x.preprocess.stopwords, "none or english")->capture_default_str();
  cmd->add_option("--stem", x.preprocess.stem, "none, porter2 or porter")->capture_default_str();
  cmd->add_flag("--no-placeholders", *no_placeholders,
                "Keep URLs, $TICKERs and @users as tokens instead of <url>, <ticker>, <user>");
  cmd->add_option("--pretrained", x.pretrained_vectors, "word2vec/GloVe text vectors (lstm, gru)");
  cmd->add_flag("--freeze-embeddings", x.freeze_embeddings, "Keep pretrained vectors fixed");
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

  cmd->callback(
      [req, data, model_options, split, padding, truncating, out, db, no_placeholders, &exit_code] {
        auto& lo = req->train;
        auto& to = req->text;
        auto& io = req->images;
        req->data = labelled_source(*data);
        req->model.options_json = model_options_json(*model_options);
        const auto f = parse_fractions(*split);
        to.split = {f[0], f[1], f[2], lo.seed, true};
        io.split = to.split;
        to.padding = models::parse_padding(*padding);
        to.truncating = models::parse_padding(*truncating);
        if (*no_placeholders)
          to.preprocess.replace_urls = to.preprocess.replace_tickers = to.preprocess.replace_users =
              false;
        req->out = *out;
        req->record_db = *db;
        req->options_json = fmt::format(
            "{{\"model\":{},\"model_options\":{},\"epochs\":{},"
            "\"batch_size\":{},\"optimizer\":{},\"lr\":{},\"seed\":{}}}",
            json_quote(req->model.name), req->model.options_json, lo.epochs, lo.batch_size,
            json_quote(lo.optimizer.name), lo.optimizer.learning_rate, lo.seed);
        models::TrainCallbacks cb;
        cb.on_epoch = [&](const models::EpochReport& e) {
          log_info(
              "epoch {:>3}  loss {:.4f}  acc {:.4f}  val_loss {:.4f}  val_acc {:.4f}  "
              "val_macro_f1 {:.4f}  lr {:.2g}  {:.1f}s",
              e.epoch, e.train_loss, e.train_accuracy, e.val_loss, e.val_accuracy, e.val_macro_f1,
              e.learning_rate, e.seconds);
        };
        const auto r = pipeline::train_model(*req, cb);
        if (r.interrupted) {
          log_warn("stopped after {} epochs; continue with --resume", r.epochs.size());
          exit_code = 1;
          return;
        }
        std::cout << fmt::format(
            "model {} ({}) on {}: {} train / {} validation / {} test; best epoch {} of {}{}\n",
            req->model.name, r.device, req->out.string(), r.train_size, r.validation_size,
            r.test_size, r.best_epoch, r.epochs.size(), r.stopped_early ? " (stopped early)" : "");
        if (r.test.count > 0) {
          std::cout << fmt::format("test accuracy {:.4f}  macro-F1 {:.4f}  ({:.1f} s)\n\n",
                                   r.test.accuracy, r.test.macro_f1, r.seconds);
          std::cout << models::format_report(r.test, r.classes);
        }
      });
}

}  // namespace secnlp::tools
