package lab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

class ToysTest {

  private static final long SEED = 7L;

  private static List<LongFunction<PointSet>> generators(int n) {
    return List.of(
        s -> Toys.gaussians8(n, s),
        s -> Toys.gaussians25(n, s),
        s -> Toys.twoMoons(n, s),
        s -> Toys.rings(n, s),
        s -> Toys.swissRoll3d(n, 0.1, s),
        s -> Toys.sCurve3d(n, 0.1, s),
        s -> Toys.swissRollWithHole(n, 0.1, s),
        s -> Toys.embed(Toys.twoMoons(n, s), 10, 0.01, s).set());
  }

  @Test
  void shapesAndLabels() {
    int[] dims = {2, 2, 2, 2, 3, 3, 3, 10};
    int[] classes = {8, 25, 2, 3, Toys.SEGMENTS, Toys.SEGMENTS, Toys.SEGMENTS, 2};
    List<LongFunction<PointSet>> gens = generators(2000);
    for (int g = 0; g < gens.size(); g++) {
      PointSet p = gens.get(g).apply(SEED);
      assertEquals(2000, p.size(), p.name());
      assertEquals(dims[g], p.dim(), p.name());
      assertEquals(classes[g], Arrays.stream(p.labels()).distinct().count(), p.name());
      int k = classes[g];
      assertTrue(Arrays.stream(p.labels()).allMatch(l -> l >= 0 && l < k), p.name());
    }
  }

  @Test
  void sameSeedSameArraysOtherSeedOtherArrays() {
    for (LongFunction<PointSet> gen : generators(300)) {
      PointSet a = gen.apply(SEED);
      PointSet b = gen.apply(SEED);
      PointSet c = gen.apply(SEED + 1);
      assertTrue(Arrays.deepEquals(a.points(), b.points()), a.name());
      assertArrayEquals(a.labels(), b.labels(), a.name());
      assertFalse(Arrays.deepEquals(a.points(), c.points()), a.name());
    }
  }

  @Test
  void mixturePointsSitAtTheirModes() {
    PointSet p = Toys.gaussians8(4000, SEED);
    double[][] modes = Toys.modes8();
    double sum = 0;
    for (int i = 0; i < p.size(); i++) {
      double[] c = modes[p.labels()[i]];
      sum += sq(p.points()[i][0] - c[0]) + sq(p.points()[i][1] - c[1]);
    }
    // mean squared distance to the own centre is 2·std² in 2-D
    assertEquals(2 * Toys.RING_STD * Toys.RING_STD, sum / p.size(), 0.1 * 2 * sq(Toys.RING_STD));
    int[] counts = new int[8];
    Arrays.stream(p.labels()).forEach(l -> counts[l]++);
    Arrays.stream(counts).forEach(k -> assertEquals(500, k, 80));
    for (double[] m : modes) {
      assertEquals(Toys.RING_RADIUS, Math.hypot(m[0], m[1]), 1e-12);
    }
    for (int i = 0; i < 100; i++) {
      assertEquals(p.labels()[i], Toys.nearestMode(p.points()[i], modes));
    }
    double[][] grid = Toys.modes25();
    assertEquals(25, grid.length);
    assertArrayEquals(new double[] {-4, -4}, grid[0]);
    assertArrayEquals(new double[] {4, 4}, grid[24]);
  }

  @Test
  void swissRollAndSCurveHaveTwoDimensionalNeighbourhoods() {
    // 6,000 points and 20 neighbours: even a corner's neighbourhood stays on one layer
    for (PointSet p : List.of(Toys.swissRoll3d(6000, SEED), Toys.sCurve3d(6000, SEED),
        Toys.swissRollWithHole(6000, SEED))) {
      double[] ratios = localSpectrumRatios(p, 20, 20);
      for (double r : ratios) {
        // third singular value small against the second: locally a 2-D sheet
        assertTrue(r < 0.2, p.name() + ": σ3/σ2 = " + r);
      }
    }
    // a genuinely 3-D cloud fails the same check
    PointSet cube = Toys.mixture(new double[][] {{0, 0, 0}}, 1.0, 3000, SEED, "ball");
    double[] ratios = localSpectrumRatios(cube, 20, 20);
    assertTrue(Arrays.stream(ratios).average().orElseThrow() > 0.5);
  }

  @Test
  void holeIsEmptyAndRecoverable() {
    PointSet p = Toys.swissRollWithHole(5000, SEED);
    assertTrue(Arrays.stream(p.points()).noneMatch(Toys.HOLE::contains));
    PointSet full = Toys.swissRoll3d(5000, SEED);
    long inside = Arrays.stream(full.points()).filter(Toys.HOLE::contains).count();
    assertEquals(Toys.HOLE.areaFraction(), inside / 5000.0, 0.02);
    assertEquals(1.0 / 9, Toys.HOLE.areaFraction(), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> new Toys.Hole(0, 1, 2, 3));
    assertThrows(IllegalArgumentException.class, () -> new Toys.Hole(6, 7, 5, 4));
  }

  @Test
  void embeddingKeepsDistancesUpToNoise() {
    PointSet src = Toys.swissRoll3d(200, SEED);
    Toys.Embedded noiseless = Toys.embed(src, 50, 0.0, SEED);
    double[][] q = noiseless.isometry().q();
    for (int a = 0; a < 3; a++) {
      for (int b = 0; b < 3; b++) {
        double dot = 0;
        for (double[] row : q) {
          dot += row[a] * row[b];
        }
        assertEquals(a == b ? 1 : 0, dot, 1e-12);
      }
    }
    for (int i = 0; i < 50; i++) {
      for (int j = i + 1; j < 50; j++) {
        assertEquals(dist(src.points()[i], src.points()[j]),
            dist(noiseless.set().points()[i], noiseless.set().points()[j]), 1e-9);
      }
      assertArrayEquals(src.points()[i],
          noiseless.isometry().invert(noiseless.set().points()[i]), 1e-9);
    }
    double noise = 0.01;
    Toys.Embedded noisy = Toys.embed(src, 50, noise, SEED);
    assertArrayEquals(q[7], noisy.isometry().q()[7], 0.0);
    double sq = 0;
    for (int i = 0; i < 200; i++) {
      double[] clean = noisy.isometry().apply(src.points()[i]);
      sq += sq(dist(clean, noisy.set().points()[i]));
    }
    // the ambient noise has mean squared norm D·noise²
    assertEquals(50 * noise * noise, sq / 200, 0.1 * 50 * noise * noise);
    for (int i = 0; i < 50; i++) {
      for (int j = i + 1; j < 50; j++) {
        double d0 = dist(src.points()[i], src.points()[j]);
        double d1 = dist(noisy.set().points()[i], noisy.set().points()[j]);
        // |d1 − d0| ≤ ‖ε_i‖ + ‖ε_j‖ ≈ 2·√D·noise
        assertEquals(d0, d1, 4 * Math.sqrt(50) * noise);
      }
    }
    assertArrayEquals(src.labels(), noisy.set().labels());
    assertThrows(IllegalArgumentException.class, () -> Toys.embed(src, 2, 0, SEED));
  }

  @Test
  void badArgumentsNameTheValue() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Toys.twoMoons(10, -1, SEED));
    assertTrue(e.getMessage().contains("-1"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Toys.gaussians8(-3, SEED));
    assertThrows(IllegalArgumentException.class, () -> Toys.rings(10, 0, 0.1, SEED));
    assertThrows(IllegalArgumentException.class,
        () -> new PointSet(new double[][] {{1, 2}, {3}}, "ragged"));
    assertThrows(IllegalArgumentException.class,
        () -> new PointSet(new double[][] {{1, Double.NaN}}, "nan"));
  }

  /** σ3/σ2 of the centred k-neighbourhoods of {@code centres} points spread over the set. */
  static double[] localSpectrumRatios(PointSet p, int k, int centres) {
    double[] out = new double[centres];
    for (int c = 0; c < centres; c++) {
      double[] x0 = p.points()[c * (p.size() / centres)];
      Integer[] order = new Integer[p.size()];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> Double.compare(dist(p.points()[a], x0),
          dist(p.points()[b], x0)));
      double[][] nb = new double[k][];
      double[] mean = new double[p.dim()];
      for (int i = 0; i < k; i++) {
        nb[i] = p.points()[order[i]].clone();
        for (int j = 0; j < mean.length; j++) {
          mean[j] += nb[i][j] / k;
        }
      }
      for (double[] row : nb) {
        for (int j = 0; j < mean.length; j++) {
          row[j] -= mean[j];
        }
      }
      double[] sorted = singularValues(nb);
      out[c] = sorted[0] / sorted[1];
    }
    return out;
  }

  /** Singular values of an m × d matrix, ascending: square roots of the eigenvalues of AᵀA. */
  static double[] singularValues(double[][] a) {
    int d = a[0].length;
    double[][] g = new double[d][d];
    for (double[] row : a) {
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          g[i][j] += row[i] * row[j];
        }
      }
    }
    // cyclic Jacobi rotations until the off-diagonal part vanishes
    for (int sweep = 0; sweep < 100; sweep++) {
      double off = 0;
      for (int p = 0; p < d; p++) {
        for (int q = p + 1; q < d; q++) {
          off += g[p][q] * g[p][q];
          if (Math.abs(g[p][q]) < 1e-300) {
            continue;
          }
          double theta = (g[q][q] - g[p][p]) / (2 * g[p][q]);
          double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
          if (theta == 0) {
            t = 1;
          }
          double c = 1 / Math.sqrt(t * t + 1);
          double s = t * c;
          for (int k = 0; k < d; k++) {
            double gkp = g[k][p];
            double gkq = g[k][q];
            g[k][p] = c * gkp - s * gkq;
            g[k][q] = s * gkp + c * gkq;
          }
          for (int k = 0; k < d; k++) {
            double gpk = g[p][k];
            double gqk = g[q][k];
            g[p][k] = c * gpk - s * gqk;
            g[q][k] = s * gpk + c * gqk;
          }
        }
      }
      if (off < 1e-24) {
        break;
      }
    }
    double[] ev = new double[d];
    for (int i = 0; i < d; i++) {
      ev[i] = Math.sqrt(Math.max(0, g[i][i]));
    }
    Arrays.sort(ev);
    return ev;
  }

  private static double dist(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += sq(a[i] - b[i]);
    }
    return Math.sqrt(s);
  }

  private static double sq(double v) {
    return v * v;
  }
}
