#pragma once
// Training options for the small, fast training runs of the unit tests: `epochs` epochs of
// batches of 16 on one CPU thread, no early stopping, Adam at `learning_rate`.

#include "models/train/training.h"

namespace secnlp::testing {

inline models::TrainOptions quick_options(int epochs, double learning_rate) {
  models::TrainOptions o;
  o.epochs = epochs;
  o.batch_size = 16;
  o.patience = 0;
  o.device = "cpu";
  o.threads = 1;
  o.optimizer.learning_rate = learning_rate;
  return o;
}

}  // namespace secnlp::testing
