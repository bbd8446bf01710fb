package lab.latent;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Brute-force Euclidean nearest-neighbour quantities for the LSFAS diagnostics, computed row
 * by row in parallel (each row's value is computed sequentially, so results do not depend on
 * thread scheduling). O(n·m·d) time, O(n) memory.
 */
final class Neighbours {

  private Neighbours() {
  }

  /** For each row of {@code query}, the distance to its nearest row of {@code ref}. */
  static double[] nearest(double[][] query, double[][] ref) {
    return IntStream.range(0, query.length).parallel().mapToDouble(i -> {
      double best = Double.POSITIVE_INFINITY;
      for (double[] r : ref) {
        best = Math.min(best, Points.sq(query[i], r));
      }
      return Math.sqrt(best);
    }).toArray();
  }

  /**
   * r_k(x_i): the distance from each row of {@code x} to its k-th nearest other row of
   * {@code x} (the row itself excluded; duplicates of it count, at distance 0).
   */
  static double[] kthRadius(double[][] x, int k) {
    if (k < 1 || k >= x.length) {
      throw new IllegalArgumentException("k-NN radius k is " + k + " for " + x.length
          + " points; expected 1 ≤ k < n");
    }
    return IntStream.range(0, x.length).parallel().mapToDouble(i -> {
      double[] d = new double[x.length - 1];
      int t = 0;
      for (int j = 0; j < x.length; j++) {
        if (j != i) {
          d[t++] = Points.sq(x[i], x[j]);
        }
      }
      Arrays.sort(d);
      return Math.sqrt(d[k - 1]);
    }).toArray();
  }

  /**
   * For each row of {@code query}: whether some reference row x satisfies
   * d(query, x) ≤ r_k(x) (the k-NN manifold of precision/recall, with "≤").
   */
  static boolean[] insideManifold(double[][] query, double[][] ref, double[] radii) {
    boolean[] inside = new boolean[query.length];
    IntStream.range(0, query.length).parallel().forEach(i -> {
      for (int j = 0; j < ref.length; j++) {
        if (Points.sq(query[i], ref[j]) <= radii[j] * radii[j]) {
          inside[i] = true;
          return;
        }
      }
    });
    return inside;
  }
}
