package lab.metrics;

import java.util.Arrays;
import java.util.stream.IntStream;
import smile.math.matrix.Matrix;

/**
 * Exact k-nearest-neighbour radii and ball-membership counts in blocks, for the k-NN metrics.
 *
 * <p>Squared Euclidean distances are computed as ‖a‖² + ‖b‖² − 2·aᵀb with the product of a block
 * of rows by the whole other set done by BLAS (Smile's OpenBLAS binding), clamped at 0. A block
 * holds at most {@link #BLOCK_ENTRIES} distances (32 MiB), so memory stays O(n·d + block)
 * however large n is: no n × n matrix is ever formed. Blocks run in parallel; every block
 * writes its own output rows, and the boolean "some neighbour found" partials are combined with
 * OR, so results do not depend on thread scheduling. Comparisons are made on squared distances,
 * which is the same test as on distances.
 */
final class NearestNeighbours {

  /** Distances per block: 4 Mi doubles, 32 MiB. */
  static final long BLOCK_ENTRIES = 1L << 22;

  private NearestNeighbours() {
  }

  /** Rows per block when each row of the block meets {@code n} others. */
  static int blockRows(int n) {
    return (int) Math.max(1, Math.min(2048, BLOCK_ENTRIES / Math.max(1, n)));
  }

  /** The squared Euclidean norm of every row. */
  static double[] squaredNorms(double[][] x) {
    double[] s = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      double acc = 0;
      for (double v : x[i]) {
        acc += v * v;
      }
      s[i] = acc;
    }
    return s;
  }

  /**
   * Squared distance from every row of {@code x} to its k-th nearest neighbour in {@code x},
   * itself excluded (by index, so a duplicate of a point counts as a neighbour at distance 0),
   * for each k in {@code ks}.
   *
   * @param x n × d points, n &gt; max(ks); not modified
   * @param ks the neighbour ranks, each ≥ 1
   * @return ks.length × n squared radii
   */
  static double[][] squaredRadii(double[][] x, int... ks) {
    int n = x.length;
    int kMax = Arrays.stream(ks).max().orElseThrow();
    double[][] radii = new double[ks.length][n];
    double[] norms = squaredNorms(x);
    Matrix all = Matrix.of(x);
    int b = blockRows(n);
    int blocks = (n + b - 1) / b;
    IntStream.range(0, blocks).parallel().forEach(blk -> {
      int from = blk * b;
      int to = Math.min(n, from + b);

      // Distances of the block's points (columns) to every point (rows).
      Matrix dots = all.mt(Matrix.of(Arrays.copyOfRange(x, from, to)));
      double[] smallest = new double[kMax];
      for (int c = 0; c < to - from; c++) {
        int self = from + c;
        Arrays.fill(smallest, Double.POSITIVE_INFINITY);
        for (int j = 0; j < n; j++) {
          if (j == self) {
            continue;
          }
          double d2 = Math.max(0, norms[self] + norms[j] - 2 * dots.get(j, c));
          if (d2 < smallest[kMax - 1]) {
            insertSorted(smallest, d2);
          }
        }
        for (int q = 0; q < ks.length; q++) {
          radii[q][self] = smallest[ks[q] - 1];
        }
      }
    });
    return radii;
  }

  /** Inserts {@code v} into the ascending array {@code s}, dropping its last entry. */
  private static void insertSorted(double[] s, double v) {
    int i = s.length - 1;
    while (i > 0 && s[i - 1] > v) {
      s[i] = s[i - 1];
      i--;
    }
    s[i] = v;
  }

  /** What one pass of generated points against real balls finds. */
  record Cross(boolean[] generatedInRealBall, int[] realBallsPerGenerated,
      boolean[] realInGeneratedBall, boolean[] realBallHit) {
  }

  /**
   * One pass over all (real, generated) pairs: which generated points fall in some real ball of
   * squared radius {@code realA}, how many real balls of squared radius {@code realB} hold each
   * generated point, which real points fall in some generated ball of squared radius
   * {@code generatedA}, and which real balls of squared radius {@code realB} hold some
   * generated point. Each test is d² ≤ r².
   *
   * @param real N × d; not modified
   * @param generated M × d; not modified
   * @param realA N squared radii for precision (or {@code null} to skip)
   * @param realB N squared radii for density and coverage (or {@code null} to skip)
   * @param generatedA M squared radii for recall (or {@code null} to skip)
   */
  static Cross cross(double[][] real, double[][] generated, double[] realA, double[] realB,
      double[] generatedA) {
    int n = real.length;
    int m = generated.length;
    double[] nr = squaredNorms(real);
    double[] ng = squaredNorms(generated);
    Matrix realM = Matrix.of(real);
    boolean[] genInReal = new boolean[m];
    int[] ballsPerGen = new int[m];
    int b = blockRows(n);
    int blocks = (m + b - 1) / b;
    boolean[][] partial = IntStream.range(0, blocks).parallel().mapToObj(blk -> {
      int from = blk * b;
      int to = Math.min(m, from + b);
      boolean[] realInGen = new boolean[n];
      boolean[] ballHit = new boolean[n];

      // Distances of the block's generated points (columns) to every real point (rows).
      Matrix dots = realM.mt(Matrix.of(Arrays.copyOfRange(generated, from, to)));
      for (int c = 0; c < to - from; c++) {
        int g = from + c;
        boolean inSome = false;
        int count = 0;
        for (int i = 0; i < n; i++) {
          double d2 = Math.max(0, nr[i] + ng[g] - 2 * dots.get(i, c));
          if (realA != null && d2 <= realA[i]) {
            inSome = true;
          }
          if (realB != null && d2 <= realB[i]) {
            count++;
            ballHit[i] = true;
          }
          if (generatedA != null && d2 <= generatedA[g]) {
            realInGen[i] = true;
          }
        }
        genInReal[g] = inSome;
        ballsPerGen[g] = count;
      }
      return new boolean[][] {realInGen, ballHit};
    }).reduce(NearestNeighbours::or).orElseThrow();
    return new Cross(genInReal, ballsPerGen, partial[0], partial[1]);
  }

  /** Element-wise OR of two pairs of boolean arrays (a new pair). */
  private static boolean[][] or(boolean[][] a, boolean[][] b) {
    boolean[][] r = new boolean[a.length][];
    for (int q = 0; q < a.length; q++) {
      r[q] = new boolean[a[q].length];
      for (int i = 0; i < r[q].length; i++) {
        r[q][i] = a[q][i] || b[q][i];
      }
    }
    return r;
  }

  /** Share of {@code true} entries. */
  static double share(boolean[] hits) {
    int c = 0;
    for (boolean h : hits) {
      if (h) {
        c++;
      }
    }
    return (double) c / hits.length;
  }
}
