#!/usr/bin/env python3
"""PyTorch peer of bench/train_bench.cpp: the same networks, sizes and loop in plain PyTorch.

    /usr/bin/python3 bench/pytorch_peer.py [--task lstm|cnn|all] [--n N] [--epochs E]
                                           [--threads T] [--device D] [--batch B] [--seed S]

Debian's python3-torch (CPU) is enough here; with --device cuda it needs a CUDA build of torch.

What is the same as secnlp_train_bench (see its header for the data):
  lstm  N sequences of 10..60 token ids drawn from a 5,000-word vocabulary (+ padding 0 and OOV 1,
        so 5,002 embedding rows, as secnlp's vocabulary), 3 classes with 10 marker words each;
        padded "post" to length 64 in one int64 tensor. Model: nn.Embedding(5002, 100,
        padding_idx=0) -> nn.LSTM(100, 128, batch_first=True) over
        pack_padded_sequence(lengths on the CPU, enforce_sorted=False) -> h_n[-1] ->
        nn.Dropout(0.3) -> nn.Linear(128, 3).
  cnn   N uint8 images 1x28x28 (noise in [0, 127] and a class patch), 10 classes. Model:
        Conv2d(1,32,3,stride 2,padding 1) -> ReLU -> Conv2d(32,64,...) -> ReLU ->
        Conv2d(64,128,...) -> ReLU -> Dropout(0.3) -> Flatten -> Linear(2048, 10). Each batch is
        index-selected from the uint8 tensor and normalised to float ((x / 255 - mean) / std,
        mean and std of the training split), as secnlp's image batches are.
  both  split 90% train / 10% validation (stratified is not needed for timing: a seeded random
        split), Adam lr 1e-3, batch 64, cross-entropy; per batch: zero_grad, forward, loss,
        backward, step, loss.item() and the count of correct predictions (secnlp's trainer
        reads both each batch too); after each epoch a validation pass (eval mode, no_grad,
        batches of max(batch, 256), summed cross-entropy, softmax). An epoch's seconds cover the
        training batches and the validation pass. No checkpoints are written.
  timing  epoch_seconds: median wall time of the epochs after the first (the first when E = 1);
        epoch_cpu_seconds: median process CPU time (time.process_time, all threads) between the
        ends of consecutive epochs; samples_per_s and samples_per_cpu_s divide the training
        samples by them.

The data are generated with torch's seeded generator, so the values differ from secnlp's but the
shapes and length distribution are the same. Data are tensors before timing starts: data loading
is not measured.

Prints one JSON line per task with the fields of secnlp_train_bench (tool "pytorch").
"""

import argparse
import json
import statistics
import sys
import time

import torch
from torch import nn
from torch.nn import functional as F
from torch.nn.utils.rnn import pack_padded_sequence

VOCABULARY_WORDS = 5000
TEXT_CLASSES = 3
MARKERS_PER_CLASS = 10
SEQUENCE_LENGTH = 64
IMAGE_CLASSES = 10
SIDE = 28


class RnnClassifier(nn.Module):
    def __init__(self, vocab_size, num_classes, embedding_dim=100, hidden_size=128, dropout=0.3):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embedding_dim, padding_idx=0)
        self.rnn = nn.LSTM(embedding_dim, hidden_size, num_layers=1, batch_first=True)
        self.dropout = nn.Dropout(dropout)
        self.output = nn.Linear(hidden_size, num_classes)

    def forward(self, ids, lengths):
        lengths = lengths.to("cpu", torch.int64).clamp(1, ids.size(1))
        packed = pack_padded_sequence(self.embedding(ids), lengths, batch_first=True,
                                      enforce_sorted=False)
        _, (h_n, _) = self.rnn(packed)
        return self.output(self.dropout(h_n[-1]))


class StridedCnn(nn.Module):
    def __init__(self, num_classes=10, channels=(32, 64, 128), dropout=0.3):
        super().__init__()
        layers, c_in = [], 1
        for c in channels:
            layers += [nn.Conv2d(c_in, c, 3, stride=2, padding=1), nn.ReLU()]
            c_in = c
        layers += [nn.Dropout(dropout), nn.Flatten()]
        self.features = nn.Sequential(*layers)
        with torch.no_grad():
            flat = self.features(torch.zeros(1, 1, SIDE, SIDE)).numel()
        self.head = nn.Linear(flat, num_classes)

    def forward(self, x, lengths=None):
        return self.head(self.features(x))


def make_texts(n, gen):
    """ids [n, 64] int64 (post-padded), lengths [n], labels [n]."""
    markers = TEXT_CLASSES * MARKERS_PER_CLASS
    labels = torch.randint(0, TEXT_CLASSES, (n,), generator=gen)
    lengths = torch.randint(10, 61, (n,), generator=gen)
    # Word w has id w + 2 (0 is padding, 1 is OOV), as in secnlp's vocabulary.
    ids = torch.randint(markers, VOCABULARY_WORDS, (n, SEQUENCE_LENGTH), generator=gen) + 2
    for i in range(n):
        length = int(lengths[i])
        for _ in range(int(torch.randint(1, 4, (1,), generator=gen))):
            pos = int(torch.randint(0, length, (1,), generator=gen))
            marker = int(labels[i]) * MARKERS_PER_CLASS + int(
                torch.randint(0, MARKERS_PER_CLASS, (1,), generator=gen))
            ids[i, pos] = marker + 2
    mask = torch.arange(SEQUENCE_LENGTH).unsqueeze(0) < lengths.unsqueeze(1)
    ids = ids * mask
    return ids, lengths, labels


def make_images(n, gen):
    """uint8 [n, 1, 28, 28], labels [n]."""
    labels = torch.randint(0, IMAGE_CLASSES, (n,), generator=gen)
    images = torch.randint(0, 128, (n, 1, SIDE, SIDE), generator=gen, dtype=torch.uint8)
    for i in range(n):
        label = int(labels[i])
        top, left = 3 + (label // 5) * 14, 1 + (label % 5) * 5
        images[i, 0, top:top + 6, left:left + 6] = 255
    return images, labels


def run(task, args):
    device = torch.device(args.device)
    gen = torch.Generator().manual_seed(args.seed)
    torch.manual_seed(args.seed)
    start = time.perf_counter()
    if task == "lstm":
        x, lengths, y = make_texts(args.n, gen)
        model = RnnClassifier(VOCABULARY_WORDS + 2, TEXT_CLASSES)
    else:
        x, y = make_images(args.n, gen)
        lengths = torch.zeros(args.n, dtype=torch.int64)
        model = StridedCnn(IMAGE_CLASSES)
    order = torch.randperm(args.n, generator=gen)
    n_train = round(args.n * 0.9)
    train_rows, val_rows = order[:n_train], order[n_train:]
    if task == "cnn":
        train_pixels = x.index_select(0, train_rows).float() / 255
        mean, std = train_pixels.mean().item(), train_pixels.std(unbiased=False).item()
        del train_pixels
    x, y = x.to(device), y.to(device)  # lengths stay on the CPU (pack_padded_sequence wants them)
    model.to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)

    def batch(rows):
        rows_device = rows.to(device)
        xb = x.index_select(0, rows_device)
        if task == "cnn":
            xb = (xb.float() / 255 - mean) / std
        return xb, lengths.index_select(0, rows), y.index_select(0, rows_device)

    def sync():
        if device.type == "cuda":
            torch.cuda.synchronize(device)

    seconds, cpu_at_end, val_accuracy = [], [], 0.0
    for epoch in range(args.epochs):
        sync()
        epoch_start = time.perf_counter()
        model.train()
        perm = train_rows.index_select(0, torch.randperm(n_train, generator=gen))
        loss_sum, correct = 0.0, 0
        for begin in range(0, n_train, args.batch):
            rows = perm[begin:begin + args.batch]
            xb, lb, yb = batch(rows)
            optimizer.zero_grad()
            logits = model(xb, lb).float()
            loss = F.cross_entropy(logits, yb)
            loss.backward()
            optimizer.step()
            loss_sum += loss.item() * len(rows)
            correct += int(logits.argmax(1).eq(yb).sum().item())
        model.eval()
        val_loss, val_correct = 0.0, 0
        with torch.no_grad():
            step = max(args.batch, 256)
            for begin in range(0, len(val_rows), step):
                xb, lb, yb = batch(val_rows[begin:begin + step])
                logits = model(xb, lb).float()
                val_loss += F.cross_entropy(logits, yb, reduction="sum").item()
                probs = torch.softmax(logits, 1).cpu()
                val_correct += int(probs.argmax(1).eq(yb.cpu()).sum())
        sync()
        seconds.append(time.perf_counter() - epoch_start)
        cpu_at_end.append(time.process_time())
        val_accuracy = val_correct / max(1, len(val_rows))
    total = time.perf_counter() - start
    epoch_seconds = statistics.median(seconds[1:]) if len(seconds) > 1 else seconds[0]
    later_cpu = [b - a for a, b in zip(cpu_at_end, cpu_at_end[1:])]
    epoch_cpu = statistics.median(later_cpu) if later_cpu else 0.0
    print(json.dumps({
        "tool": "pytorch", "task": task, "device": str(device), "threads": args.threads,
        "n": args.n, "train_samples": n_train, "epochs": args.epochs,
        "epoch_seconds": round(epoch_seconds, 4), "first_epoch_seconds": round(seconds[0], 4),
        "samples_per_s": round(n_train / epoch_seconds, 1),
        "epoch_cpu_seconds": round(epoch_cpu, 4),
        "samples_per_cpu_s": round(n_train / epoch_cpu, 1) if epoch_cpu > 0 else 0.0,
        "val_accuracy": round(val_accuracy, 4),
        "total_seconds": round(total, 3), "torch": torch.__version__,
    }, separators=(",", ":")), flush=True)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--task", choices=["lstm", "cnn", "all"], default="all")
    p.add_argument("--n", type=int, default=12000)
    p.add_argument("--epochs", type=int, default=3)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--device", default="cpu")
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--seed", type=int, default=42)
    args = p.parse_args()
    if args.n < 20 or args.epochs < 1 or args.batch < 1 or args.threads < 0:
        p.error("--n >= 20, --epochs >= 1, --batch >= 1, --threads >= 0")
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    if args.device.startswith("cuda") and not torch.cuda.is_available():
        sys.exit("pytorch_peer.py: --device %s but this torch has no CUDA" % args.device)
    for task in (["lstm", "cnn"] if args.task == "all" else [args.task]):
        run(task, args)


if __name__ == "__main__":
    main()
