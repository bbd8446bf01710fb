#!/usr/bin/python3
"""POT's exact OT (ot.emd2, network simplex in C++) on the three OT problems of one LSFAS
FeatureScore repeat written by LsfasBench.java. Prints "name value" lines.
Usage: lsfas_reference.py <folder with train.csv test.csv with_samples.csv with_fresh.csv>"""
import sys
import time

import numpy as np
import ot

d = sys.argv[1]
tr = np.loadtxt(d + "/train.csv", delimiter=",")
te = np.loadtxt(d + "/test.csv", delimiter=",")
ws = np.loadtxt(d + "/with_samples.csv", delimiter=",")
wf = np.loadtxt(d + "/with_fresh.csv", delimiter=",")


def w2(x, y):
    a = np.full(len(x), 1.0 / len(x))
    b = np.full(len(y), 1.0 / len(y))
    return float(np.sqrt(ot.emd2(a, b, ot.dist(x, y), numItermax=10 ** 8)))


t0 = time.perf_counter()
v = [w2(tr, te), w2(ws, te), w2(wf, te)]
t = time.perf_counter() - t0
print("oneRepeat %.3f" % t)
print("wTrain %.10f" % v[0])
print("wWithSamples %.10f" % v[1])
print("wWithFresh %.10f" % v[2])
