#!/usr/bin/python3
"""POT / NumPy side of bench/ot.sh: writes the shared inputs, then times the reference solvers.

Usage: ot_reference.py inputs DIR        write the seeded inputs as raw little-endian float64
       ot_reference.py run DIR [TASKS]   time the reference on them; prints "task seconds value"
POT 0.8.2 (Debian python3-pot): ot.emd (C++ network simplex), ot.sinkhorn(method='sinkhorn_log')
(NumPy). Semi-discrete: POT has no solver, so semi_discrete() below is a NumPy implementation of
the same algorithm as lab.ot.SemiDiscrete (same Sobol points, Adam, doubling rule), re-assigning
every sample at every step.
"""
import os
import sys
import time

import numpy as np
import ot
from scipy.stats import qmc

EXACT = [(500, 2), (1000, 2), (2000, 2), (500, 64), (1000, 64), (2000, 64)]
SINKHORN = [0.05, 0.01]
SD_TARGETS, SD_DIM = 1000, 16


def save(d, name, a):
    np.ascontiguousarray(a, dtype="<f8").tofile(os.path.join(d, name + ".f64"))


def load(d, name, shape):
    return np.fromfile(os.path.join(d, name + ".f64"), dtype="<f8").reshape(shape)


def inputs(d):
    rng = np.random.default_rng(2026)
    for n, dim in EXACT:
        save(d, f"x_{n}_{dim}", rng.random((n, dim)))
        save(d, f"y_{n}_{dim}", rng.random((n, dim)))
    save(d, "sd_targets", rng.standard_normal((SD_TARGETS, SD_DIM)) * 0.3)
    # FID-sized Gaussians: covariances of 4096 seeded 2048-d features (correlated), N - 1
    for k, name in [(1, "fid_1"), (2, "fid_2")]:
        z = rng.standard_normal((4096, 2048)) @ (rng.standard_normal((2048, 2048)) * 0.02)
        z += 0.1 * k
        save(d, "fid_m" + name[-1], z.mean(0))
        save(d, "fid_s" + name[-1], np.cov(z, rowvar=False))


def semi_discrete(y, nu, lr=5e-3, tol=2e-3, n0=1 << 14, nmax=1 << 22, patience=30,
                  max_steps=20000):
    n, d = y.shape
    sob = qmc.Sobol(d, scramble=False, bits=30)
    x = sob.random(n0) + 2.0 ** -31 - 0.5
    h = np.zeros(n)
    m = np.zeros(n)
    v = np.zeros(n)
    best, stall, step = np.inf, 0, 0
    while True:
        counts = np.zeros(n)
        for s in range(0, len(x), 8192):
            idx = np.argmax(x[s:s + 8192] @ y.T + h, axis=1)
            counts += np.bincount(idx, minlength=n)
        g = counts / len(x) - nu
        norm = np.linalg.norm(g)
        if norm < tol or step >= max_steps:
            return h, step, norm, len(x)
        if norm < best:
            best, stall = norm, 0
        else:
            stall += 1
            if stall >= patience and len(x) < nmax:
                x = np.vstack([x, sob.random(len(x)) + 2.0 ** -31 - 0.5])
                best, stall = np.inf, 0
                continue
        step += 1
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        h -= lr * (m / (1 - 0.9 ** step)) / (np.sqrt(v / (1 - 0.999 ** step)) + 1e-8)
        h -= h.mean()


def timed(reps, fn):
    """Best wall-clock and best process-CPU seconds of reps runs, and the last result."""
    wall, cpu, out = float("inf"), float("inf"), None
    for _ in range(reps):
        c, t = time.process_time(), time.perf_counter()
        out = fn()
        wall = min(wall, time.perf_counter() - t)
        cpu = min(cpu, time.process_time() - c)
    return wall, cpu, out


def run(d, tasks):
    for n, dim in EXACT:
        key = f"emd_{n}_{dim}"
        if tasks and key not in tasks:
            continue
        x, y = load(d, f"x_{n}_{dim}", (n, dim)), load(d, f"y_{n}_{dim}", (n, dim))
        w = ot.unif(n)
        def solve():
            M = ot.dist(x, y)
            return np.sum(ot.emd(w, w, M, numItermax=100_000_000) * M)
        wall, cpu, cost = timed(5, solve)
        print(key, f"{wall:.4f}", f"{cpu:.4f}", f"{cost:.12g}", flush=True)
    x, y = load(d, "x_2000_2", (2000, 2)), load(d, "y_2000_2", (2000, 2))
    M = ot.dist(x, y)
    M /= M.max()
    w = ot.unif(2000)
    for eps in SINKHORN:
        key = f"sinkhorn_{eps}"
        if tasks and key not in tasks:
            continue
        wall, cpu, (P, log) = timed(1, lambda: ot.sinkhorn(
            w, w, M, eps, method="sinkhorn_log", numItermax=100_000, stopThr=1e-9, log=True))
        print(key, f"{wall:.4f}", f"{cpu:.4f}", f"{np.sum(P * M):.12g}", int(log["niter"]),
              flush=True)
    if not tasks or "fid" in tasks:
        import scipy.linalg
        dim = 2048
        m1, m2 = load(d, "fid_m1", (dim,)), load(d, "fid_m2", (dim,))
        s1, s2 = load(d, "fid_s1", (dim, dim)), load(d, "fid_s2", (dim, dim))
        def fid():
            # pytorch-fid's route: SciPy sqrtm of the non-symmetric product
            covmean, _ = scipy.linalg.sqrtm(s1 @ s2, disp=False)
            return (np.sum((m1 - m2) ** 2) + np.trace(s1) + np.trace(s2)
                    - 2 * np.trace(covmean.real))
        wall, cpu, value = timed(1, fid)
        print("fid", f"{wall:.4f}", f"{cpu:.4f}", f"{value:.12g}", flush=True)
    if not tasks or "semidiscrete" in tasks:
        y = load(d, "sd_targets", (SD_TARGETS, SD_DIM))
        wall, cpu, (h, steps, norm, samples) = timed(
            1, lambda: semi_discrete(y, np.full(SD_TARGETS, 1.0 / SD_TARGETS)))
        print("semidiscrete", f"{wall:.4f}", f"{cpu:.4f}", f"{norm:.6g}", steps, samples,
              flush=True)


if __name__ == "__main__":
    if sys.argv[1] == "inputs":
        inputs(sys.argv[2])
    else:
        run(sys.argv[2], set(sys.argv[3:]))
