package lab.ot;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The Sobol low-discrepancy sequence in [0, 1)ᵈ, unscrambled, 30 bits, in Gray-code order: the
 * same points as SciPy's {@code scipy.stats.qmc.Sobol(d, scramble=False, bits=30)} (point 0 is
 * the origin). Point k is available directly ({@link #point(long, double[])}), so disjoint index
 * ranges can be generated in parallel.
 *
 * <p>Direction numbers: S. Joe and F. Y. Kuo, "Constructing Sobol sequences with better
 * two-dimensional projections", SIAM J. Sci. Comput. 30, 2008 (file new-joe-kuo-6.21201, as
 * shipped with SciPy), stored in the resource {@code lab/ot/sobol-directions.txt}.
 *
 * @apiNote Dimensions up to {@value #MAX_DIMENSION} and up to 2^30 points per sequence.
 */
public final class Sobol {

  /** Largest supported dimension (rows of the bundled direction-number table + 1). */
  public static final int MAX_DIMENSION = 1024;

  /** Bits per coordinate; coordinates are multiples of 2^−30. */
  public static final int BITS = 30;

  private static final double SCALE = 1.0 / (1L << BITS);
  private static volatile int[][] table;

  private final int dim;
  private final int[][] v;

  /**
   * A generator for dimension d.
   *
   * @param dimension d in [1, {@value #MAX_DIMENSION}]
   */
  public Sobol(int dimension) {
    if (dimension < 1 || dimension > MAX_DIMENSION) {
      throw new IllegalArgumentException("Sobol dimension " + dimension + "; expected 1 to "
          + MAX_DIMENSION + " (the bundled Joe-Kuo direction numbers)");
    }
    dim = dimension;
    int[][] rows = table();
    v = new int[dim][BITS];

    // first dimension: van der Corput; others: the primitive-polynomial recurrence
    for (int j = 0; j < BITS; j++) {
      v[0][j] = 1;
    }
    for (int d = 1; d < dim; d++) {
      int poly = rows[d - 1][0];
      int deg = 31 - Integer.numberOfLeadingZeros(poly);
      for (int j = 0; j < deg; j++) {
        v[d][j] = rows[d - 1][j + 1];
      }
      for (int j = deg; j < BITS; j++) {
        int nv = v[d][j - deg];
        int pow2 = 1;
        for (int k = 0; k < deg; k++) {
          pow2 <<= 1;
          if (((poly >> (deg - 1 - k)) & 1) != 0) {
            nv ^= pow2 * v[d][j - k - 1];
          }
        }
        v[d][j] = nv;
      }
    }
    for (int d = 0; d < dim; d++) {
      for (int j = 0; j < BITS; j++) {
        v[d][j] <<= BITS - 1 - j;
      }
    }
  }

  /** The dimension d. */
  public int dimension() {
    return dim;
  }

  /**
   * Writes point k (0-based, k &lt; 2^30) into {@code out} (length ≥ d; modified).
   */
  public void point(long k, double[] out) {
    if (k < 0 || k >= (1L << BITS)) {
      throw new IllegalArgumentException("Sobol index " + k + "; expected 0 to 2^30 - 1");
    }
    long gray = k ^ (k >> 1);
    for (int d = 0; d < dim; d++) {
      int x = 0;
      long g = gray;
      int bit = 0;
      while (g != 0) {
        if ((g & 1) != 0) {
          x ^= v[d][bit];
        }
        g >>= 1;
        bit++;
      }
      out[d] = x * SCALE;
    }
  }

  /** Points k = start, …, start + count − 1 as a count×d array. */
  public double[][] points(long start, int count) {
    double[][] p = new double[count][dim];
    for (int i = 0; i < count; i++) {
      point(start + i, p[i]);
    }
    return p;
  }

  private static int[][] table() {
    int[][] t = table;
    if (t != null) {
      return t;
    }
    List<int[]> rows = new ArrayList<>();
    try (InputStream in = Sobol.class.getResourceAsStream("sobol-directions.txt")) {
      if (in == null) {
        throw new IllegalStateException("missing resource lab/ot/sobol-directions.txt; "
            + "regenerate with /usr/bin/python3 tools/fixtures/ot_fixtures.py");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.trim().split("\\s+");
        int[] row = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
          row[i] = Integer.parseInt(parts[i]);
        }
        rows.add(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    t = rows.toArray(new int[0][]);
    table = t;
    return t;
  }
}
