"""The PyTorch row of the bench: the seeds' MNIST MLP (784-64-64-10, ReLU, softmax cross-entropy,
Adam lr 0.001, batch 32) trained on the same bundled MNIST LayerLab serves, on the CPU with one
thread, as a reference for what a CPU can do. Prints one JSON line: samples/s over the measured
steps (after a warm-up), with the settings used.

Run: /usr/bin/python3 bench/torch/mnist_mlp.py [--warmup 100] [--steps 3000]
(Debian's python3-torch; `npm test`'s tool check installs it.)
"""

import argparse
import gzip
import json
import time
from pathlib import Path

import numpy as np
import torch

DATASETS = Path(__file__).resolve().parents[2] / "public" / "datasets"


def load_mnist_train():
    """The 60,000 training images as float32 in [0, 1] and their labels, from LayerLab's file."""
    meta = json.loads((DATASETS / "mnist.json").read_text())
    raw = gzip.decompress((DATASETS / meta["file"]).read_bytes())
    count = meta["count"]
    height, width, channels = meta["imageShape"]
    pixels = height * width * channels
    images = np.frombuffer(raw, np.uint8, count * pixels, meta["imagesOffset"])
    labels = np.frombuffer(raw, np.uint8, count, meta["labelsOffset"])
    start, end = meta["split"]["train"]
    x = images.reshape(count, pixels)[start:end].astype(np.float32) / 255.0  # [60000, 784]
    y = labels[start:end].astype(np.int64)
    return torch.from_numpy(x), torch.from_numpy(y)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--warmup", type=int, default=100)
    parser.add_argument("--steps", type=int, default=3000)
    parser.add_argument("--batch", type=int, default=32)
    args = parser.parse_args()

    torch.set_num_threads(1)
    torch.manual_seed(42)
    x, y = load_mnist_train()
    # LayerLab's preset holds 10 % out for validation: 54,000 samples train.
    train_count = int(len(x) * 0.9)
    x, y = x[:train_count], y[:train_count]

    model = torch.nn.Sequential(
        torch.nn.Linear(784, 64),
        torch.nn.ReLU(),
        torch.nn.Linear(64, 64),
        torch.nn.ReLU(),
        torch.nn.Linear(64, 10),
    )
    # Keras's (and LayerLab's) Adam epsilon.
    optimizer = torch.optim.Adam(model.parameters(), lr=0.001, eps=1e-7)
    loss_fn = torch.nn.CrossEntropyLoss()

    steps_per_epoch = train_count // args.batch
    order = torch.randperm(train_count)
    step = 0

    def train(steps):
        nonlocal order, step
        loss = None
        for _ in range(steps):
            within = step % steps_per_epoch
            if within == 0 and step > 0:
                order = torch.randperm(train_count)
            index = order[within * args.batch : (within + 1) * args.batch]
            optimizer.zero_grad()
            loss = loss_fn(model(x[index]), y[index])
            loss.backward()
            optimizer.step()
            step += 1
        return float(loss)

    train(args.warmup)
    start = time.perf_counter()
    last_loss = train(args.steps)
    seconds = time.perf_counter() - start
    print(
        json.dumps(
            {
                "samplesPerSec": args.steps * args.batch / seconds,
                "steps": args.steps,
                "warmup": args.warmup,
                "batch": args.batch,
                "threads": torch.get_num_threads(),
                "torch": torch.__version__,
                "lastLoss": last_loss,
            }
        )
    )


if __name__ == "__main__":
    main()
