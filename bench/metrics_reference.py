#!/usr/bin/python3
"""Reference times for bench/metrics.sh: SciPy's FID path (pytorch-fid), a NumPy precision/recall
(full distance matrices, as the prdc reference code), and PyTorch inference of the domain
network's architecture. Same generator as tools/fixtures/metrics_fixtures.py.
Arguments: rows of the FID sets, rows of the precision/recall sets, threads, Fashion-MNIST dir.
Prints "name seconds value" lines."""
import gzip
import os
import sys
import time

import numpy as np
from scipy import linalg

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools",
                                "fixtures"))
from metrics_fixtures import coupled_features  # noqa: E402


def fid_scipy(x, y):
    m1, m2 = x.mean(0), y.mean(0)
    s1, s2 = np.cov(x, rowvar=False), np.cov(y, rowvar=False)
    covmean, _ = linalg.sqrtm(s1.dot(s2), disp=False)
    if not np.isfinite(covmean).all():
        off = np.eye(s1.shape[0]) * 1e-6
        covmean = linalg.sqrtm((s1 + off).dot(s2 + off))
    covmean = covmean.real
    d = m1 - m2
    return d.dot(d) + np.trace(s1) + np.trace(s2) - 2 * np.trace(covmean)


def sq_dist(a, b):
    d = (a * a).sum(1)[:, None] + (b * b).sum(1)[None, :] - 2 * a @ b.T
    return np.maximum(d, 0)


def kth(a, k):
    d = sq_dist(a, a)
    return np.partition(d, k, axis=1)[:, k]  # self (0) first, then the k-th neighbour


def precision_recall(real, fake, k=3):
    rr, rf = kth(real, k), kth(fake, k)
    d = sq_dist(real, fake)
    return (d <= rr[:, None]).any(0).mean(), (d <= rf[None, :]).any(1).mean()


def extract_torch(fashion, threads):
    import torch
    torch.set_num_threads(threads)
    with gzip.open(os.path.join(fashion, "t10k-images-idx3-ubyte.gz"), "rb") as f:
        raw = f.read()
    x = np.frombuffer(raw[16:], dtype=np.uint8).reshape(-1, 1, 28, 28).astype(np.float32) / 255
    net = torch.nn.Sequential(
        torch.nn.Conv2d(1, 16, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
        torch.nn.Conv2d(16, 32, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
        torch.nn.Flatten(), torch.nn.Linear(32 * 7 * 7, 128), torch.nn.ReLU()).eval()
    xs = torch.from_numpy(x)
    with torch.no_grad():
        net(xs[:3])
        t0 = time.perf_counter()
        for i in range(0, len(xs), 64):
            net(xs[i:i + 64]).numpy()
        s = time.perf_counter() - t0
    return s, len(xs) / s


def main():
    n_fid, n_pr, threads = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    x = coupled_features(11, n_fid, 2048, 1.0, 0.0)
    y = coupled_features(12, n_fid, 2048, 1.2, 0.1)
    t0 = time.perf_counter()
    fid = fid_scipy(x, y)
    print("fid %.3f %.12f" % (time.perf_counter() - t0, fid), flush=True)
    del x, y
    r = coupled_features(21, n_pr, 128, 1.0, 0.0)
    g = coupled_features(22, n_pr, 128, 1.1, 0.05)
    t0 = time.perf_counter()
    p, rec = precision_recall(r, g)
    print("pr %.3f %.6f/%.6f" % (time.perf_counter() - t0, p, rec), flush=True)
    if len(sys.argv) > 4 and os.path.isdir(sys.argv[4]):
        s, rate = extract_torch(sys.argv[4], threads)
        print("extract %.3f %.1f" % (s, rate))


if __name__ == "__main__":
    main()
