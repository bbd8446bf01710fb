"""NumPy / scikit-learn times for the same work as DataBench.java (same files, same sample)."""
import gzip
import struct
import sys
import time

import numpy as np
from sklearn.decomposition import PCA
from sklearn.manifold import TSNE

d = sys.argv[1]
t0 = time.perf_counter()
with gzip.open(d + "/train-images-idx3-ubyte.gz", "rb") as f:
    raw = f.read()
n, h, w = struct.unpack(">III", raw[4:16])
x = np.frombuffer(raw[16:], dtype=np.uint8).reshape(n, h * w).astype(np.float32) / 255
with gzip.open(d + "/train-labels-idx1-ubyte.gz", "rb") as f:
    y = np.frombuffer(f.read()[8:], dtype=np.uint8)
print("decode %.3f" % (time.perf_counter() - t0))

idx = np.loadtxt(sys.argv[2], dtype=int)
t0 = time.perf_counter()
TSNE(n_components=2, perplexity=30, learning_rate=200, n_iter=1000, init="random",
     method="exact", random_state=1).fit_transform(x[idx].astype(np.float64))
print("tsne %.3f" % (time.perf_counter() - t0))

rng = np.random.default_rng(2)
sub = x[rng.choice(n, 10000, replace=False)].astype(np.float64)
t0 = time.perf_counter()
PCA(n_components=2, svd_solver="full").fit_transform(sub)
print("pca %.3f" % (time.perf_counter() - t0))
