package lab.data;

import java.util.Random;

/**
 * Seeded toy distributions for the toy experiments: Gaussian mixtures on a ring and a grid, two
 * moons, concentric rings, the 3-D swiss roll and S-curve, a swiss roll with a hole, and an
 * isometric embedding of any of them into R^D with small noise ("data high-dimensional,
 * features low-dimensional").
 *
 * <p>Every generator draws from {@link java.util.Random} seeded with {@code seed}; the same
 * arguments give bit-identical arrays on every Java 17+ runtime (the algorithms of
 * {@code Random.nextDouble} and {@code Random.nextGaussian} are part of its specification).
 *
 * <p>Conventions follow the GAN literature and scikit-learn:
 * <ul>
 *   <li>8 Gaussians: centres on the circle of radius {@value #RING_RADIUS}, std
 *       {@value #RING_STD} (Metz, Poole, Pfau and Sohl-Dickstein, "Unrolled generative
 *       adversarial networks", ICLR 2017).</li>
 *   <li>25 Gaussians: centres on the grid {−4, −2, 0, 2, 4}², std {@value #GRID_STD}
 *       (Srivastava et al., "VEEGAN", NeurIPS 2017; Lin et al., "PacGAN", NeurIPS 2018).</li>
 *   <li>Two moons, circles, swiss roll and S-curve: the parametrisations of scikit-learn's
 *       {@code make_moons}, {@code make_circles}, {@code make_swiss_roll} and
 *       {@code make_s_curve} (Pedregosa et al., JMLR 2011), with random rather than evenly
 *       spaced parameters so that each call is an i.i.d. sample.</li>
 * </ul>
 */
public final class Toys {

  /** Radius of the ring carrying the 8 Gaussian modes. */
  public static final double RING_RADIUS = 2.0;
  /** Standard deviation of each of the 8 ring modes (per coordinate). */
  public static final double RING_STD = 0.02;
  /** Spacing of the 5 × 5 grid of Gaussian modes. */
  public static final double GRID_SPACING = 2.0;
  /** Standard deviation of each of the 25 grid modes (per coordinate). */
  public static final double GRID_STD = 0.05;
  /** Range of the swiss roll's angle parameter t: [1.5π, 4.5π]. */
  public static final double ROLL_T_MIN = 1.5 * Math.PI;
  /** Upper end of the swiss roll's angle parameter t. */
  public static final double ROLL_T_MAX = 4.5 * Math.PI;
  /** The swiss roll's height (its second coordinate) lies in [0, ROLL_HEIGHT]. */
  public static final double ROLL_HEIGHT = 21.0;
  /** Number of segments of t used as labels of swiss roll and S-curve points. */
  public static final int SEGMENTS = 6;

  /**
   * The default hole of {@link #swissRollWithHole(int, double, long)}: the middle third of the
   * angle range times the middle third of the height, a rectangle in the (t, height) chart
   * that leaves the roll in one piece around it.
   */
  public static final Hole HOLE = new Hole(2.5 * Math.PI, 3.5 * Math.PI, 7.0, 14.0);

  private Toys() {
  }

  /**
   * A rectangle [tMin, tMax) × [hMin, hMax) in the swiss roll's chart (angle t, height h)
   * removed from the roll. A point of the roll x = (t cos t, h, t sin t) is in the hole when
   * its chart coordinates are; {@link #contains(double[])} recovers them as t = ‖(x₀, x₂)‖,
   * h = x₁, which is exact for noise-free points.
   *
   * @param tMin lower end of the removed angle range, in [1.5π, 4.5π]
   * @param tMax upper end, greater than tMin
   * @param hMin lower end of the removed height range, in [0, 21]
   * @param hMax upper end, greater than hMin
   */
  public record Hole(double tMin, double tMax, double hMin, double hMax) {

    /** Checks that the rectangle lies inside the chart and is not empty. */
    public Hole {
      if (!(ROLL_T_MIN <= tMin && tMin < tMax && tMax <= ROLL_T_MAX)) {
        throw new IllegalArgumentException(
            "hole angle range [" + tMin + ", " + tMax + ") is not inside [1.5π, 4.5π] = ["
                + ROLL_T_MIN + ", " + ROLL_T_MAX + "] with tMin < tMax");
      }
      if (!(0 <= hMin && hMin < hMax && hMax <= ROLL_HEIGHT)) {
        throw new IllegalArgumentException(
            "hole height range [" + hMin + ", " + hMax + ") is not inside [0, " + ROLL_HEIGHT
                + "] with hMin < hMax");
      }
    }

    /** Whether chart coordinates (t, h) fall in the hole. */
    public boolean containsChart(double t, double h) {
      return t >= tMin && t < tMax && h >= hMin && h < hMax;
    }

    /** Whether a 3-D point of the roll (x₀, x₁, x₂) falls in the hole. */
    public boolean contains(double[] point) {
      if (point.length != 3) {
        throw new IllegalArgumentException(
            "hole test needs a 3-D swiss roll point, got " + point.length + " coordinates");
      }
      return containsChart(Math.hypot(point[0], point[2]), point[1]);
    }

    /** Fraction of the roll's chart area that the hole removes. */
    public double areaFraction() {
      return (tMax - tMin) * (hMax - hMin) / ((ROLL_T_MAX - ROLL_T_MIN) * ROLL_HEIGHT);
    }
  }

  /** The 8 mode centres on the ring of radius 2, 8 × 2, mode k at angle 2πk/8. */
  public static double[][] modes8() {
    double[][] c = new double[8][];
    for (int k = 0; k < 8; k++) {
      double a = 2 * Math.PI * k / 8;
      c[k] = new double[] {RING_RADIUS * Math.cos(a), RING_RADIUS * Math.sin(a)};
    }
    return c;
  }

  /** The 25 mode centres on the grid {−4, −2, 0, 2, 4}², 25 × 2, mode 5i + j at (x_i, x_j). */
  public static double[][] modes25() {
    double[][] c = new double[25][];
    for (int i = 0; i < 5; i++) {
      for (int j = 0; j < 5; j++) {
        c[5 * i + j] = new double[] {GRID_SPACING * (i - 2), GRID_SPACING * (j - 2)};
      }
    }
    return c;
  }

  /**
   * The index of the centre nearest to {@code point} (Euclidean), e.g. to count the modes of
   * {@link #modes8()} or {@link #modes25()} that generated samples reach.
   */
  public static int nearestMode(double[] point, double[][] centres) {
    int best = -1;
    double bestD = Double.POSITIVE_INFINITY;
    for (int k = 0; k < centres.length; k++) {
      if (centres[k].length != point.length) {
        throw new IllegalArgumentException("nearestMode: point has " + point.length
            + " coordinates but centre " + k + " has " + centres[k].length);
      }
      double d = 0;
      for (int j = 0; j < point.length; j++) {
        double t = point[j] - centres[k][j];
        d += t * t;
      }
      if (d < bestD) {
        bestD = d;
        best = k;
      }
    }
    if (best < 0) {
      throw new IllegalArgumentException("nearestMode: no centres given");
    }
    return best;
  }

  /** n points from the uniform mixture of 8 Gaussians on a ring; label = mode index. */
  public static PointSet gaussians8(int n, long seed) {
    return mixture(modes8(), RING_STD, n, seed, "8 Gaussians");
  }

  /** n points from the uniform mixture of 25 Gaussians on a grid; label = mode index. */
  public static PointSet gaussians25(int n, long seed) {
    return mixture(modes25(), GRID_STD, n, seed, "25 Gaussians");
  }

  /**
   * n points from the uniform mixture of isotropic Gaussians N(c_k, std²·I), k chosen
   * uniformly per point; label = k.
   *
   * @param centres k × d mode centres
   * @param std per-coordinate standard deviation, ≥ 0
   * @param n number of points, ≥ 0
   * @param seed random seed
   * @param name name of the returned set
   */
  public static PointSet mixture(double[][] centres, double std, int n, long seed,
      String name) {
    checkCount(n);
    if (centres == null || centres.length == 0) {
      throw new IllegalArgumentException("mixture '" + name + "' needs at least one centre");
    }
    if (!(std >= 0) || !Double.isFinite(std)) {
      throw new IllegalArgumentException(
          "mixture '" + name + "': std is " + std + ", expected a finite value ≥ 0");
    }
    int d = centres[0].length;
    Random rng = new Random(seed);
    double[][] x = new double[n][d];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      int k = rng.nextInt(centres.length);
      y[i] = k;
      for (int j = 0; j < d; j++) {
        x[i][j] = centres[k][j] + std * rng.nextGaussian();
      }
    }
    return new PointSet(x, y, name);
  }

  /** Two moons with noise 0.05; see {@link #twoMoons(int, double, long)}. */
  public static PointSet twoMoons(int n, long seed) {
    return twoMoons(n, 0.05, seed);
  }

  /**
   * Two interleaved half circles in R²: ⌊n/2⌋ points (cos s, sin s) with label 0 and the rest
   * (1 − cos s, 0.5 − sin s) with label 1, s ~ U[0, π], plus N(0, noise²·I) (scikit-learn's
   * {@code make_moons} geometry).
   */
  public static PointSet twoMoons(int n, double noise, long seed) {
    checkCount(n);
    checkNoise(noise);
    Random rng = new Random(seed);
    double[][] x = new double[n][2];
    int[] y = new int[n];
    int outer = n / 2;
    for (int i = 0; i < n; i++) {
      double s = Math.PI * rng.nextDouble();
      if (i < outer) {
        x[i][0] = Math.cos(s);
        x[i][1] = Math.sin(s);
      } else {
        x[i][0] = 1 - Math.cos(s);
        x[i][1] = 0.5 - Math.sin(s);
        y[i] = 1;
      }
      x[i][0] += noise * rng.nextGaussian();
      x[i][1] += noise * rng.nextGaussian();
    }
    return new PointSet(x, y, "two moons");
  }

  /** Three concentric rings with noise 0.02; see {@link #rings(int, int, double, long)}. */
  public static PointSet rings(int n, long seed) {
    return rings(n, 3, 0.02, seed);
  }

  /**
   * {@code count} concentric circles in R² with radii (k + 1)/count, k = 0..count−1; point i
   * goes to ring i mod count (label k) at a uniform angle, plus N(0, noise²·I).
   */
  public static PointSet rings(int n, int count, double noise, long seed) {
    checkCount(n);
    checkNoise(noise);
    if (count < 1) {
      throw new IllegalArgumentException("rings: count is " + count + ", expected ≥ 1");
    }
    Random rng = new Random(seed);
    double[][] x = new double[n][2];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      int k = i % count;
      double r = (k + 1.0) / count;
      double a = 2 * Math.PI * rng.nextDouble();
      y[i] = k;
      x[i][0] = r * Math.cos(a) + noise * rng.nextGaussian();
      x[i][1] = r * Math.sin(a) + noise * rng.nextGaussian();
    }
    return new PointSet(x, y, count + " rings");
  }

  /** Swiss roll without noise; see {@link #swissRoll3d(int, double, long)}. */
  public static PointSet swissRoll3d(int n, long seed) {
    return swissRoll3d(n, 0.0, seed);
  }

  /**
   * The swiss roll, a 2-D sheet rolled up in R³: x = (t cos t, h, t sin t) with
   * t ~ U[1.5π, 4.5π], h ~ U[0, 21], plus N(0, noise²·I) (scikit-learn's
   * {@code make_swiss_roll}). Label = segment of t, 0..{@value #SEGMENTS}−1, for colouring;
   * t of a noise-free point is ‖(x₀, x₂)‖.
   */
  public static PointSet swissRoll3d(int n, double noise, long seed) {
    checkCount(n);
    checkNoise(noise);
    Random rng = new Random(seed);
    double[][] x = new double[n][];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      double t = ROLL_T_MIN + (ROLL_T_MAX - ROLL_T_MIN) * rng.nextDouble();
      double h = ROLL_HEIGHT * rng.nextDouble();
      x[i] = rollPoint(t, h, noise, rng);
      y[i] = rollSegment(t);
    }
    return new PointSet(x, y, "swiss roll");
  }

  /**
   * Swiss roll with the default {@link #HOLE}; see
   * {@link #swissRollWithHole(int, Hole, double, long)}.
   */
  public static PointSet swissRollWithHole(int n, double noise, long seed) {
    return swissRollWithHole(n, HOLE, noise, seed);
  }

  /** Noise-free swiss roll with the default {@link #HOLE}. */
  public static PointSet swissRollWithHole(int n, long seed) {
    return swissRollWithHole(n, HOLE, 0.0, seed);
  }

  /**
   * The swiss roll of {@link #swissRoll3d(int, double, long)} with a rectangle of its chart
   * removed: chart points (t, h) inside {@code hole} are rejected and redrawn, so all n points
   * lie outside it (before noise). The hole is the region a generative model should learn to
   * leave empty, or, in the latent experiments, to fill by interpolation.
   */
  public static PointSet swissRollWithHole(int n, Hole hole, double noise, long seed) {
    checkCount(n);
    checkNoise(noise);
    Random rng = new Random(seed);
    double[][] x = new double[n][];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      double t;
      double h;
      do {
        t = ROLL_T_MIN + (ROLL_T_MAX - ROLL_T_MIN) * rng.nextDouble();
        h = ROLL_HEIGHT * rng.nextDouble();
      } while (hole.containsChart(t, h));
      x[i] = rollPoint(t, h, noise, rng);
      y[i] = rollSegment(t);
    }
    return new PointSet(x, y, "swiss roll with a hole");
  }

  /** S-curve without noise; see {@link #sCurve3d(int, double, long)}. */
  public static PointSet sCurve3d(int n, long seed) {
    return sCurve3d(n, 0.0, seed);
  }

  /**
   * The S-curve, a 2-D sheet bent like an S in R³: x = (sin t, h, sign(t)(cos t − 1)) with
   * t ~ U[−1.5π, 1.5π], h ~ U[0, 2], plus N(0, noise²·I) (scikit-learn's
   * {@code make_s_curve}). Label = segment of t, 0..{@value #SEGMENTS}−1.
   */
  public static PointSet sCurve3d(int n, double noise, long seed) {
    checkCount(n);
    checkNoise(noise);
    Random rng = new Random(seed);
    double[][] x = new double[n][3];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      double u = rng.nextDouble();
      double t = 3 * Math.PI * (u - 0.5);
      double h = 2 * rng.nextDouble();
      x[i][0] = Math.sin(t) + noise * rng.nextGaussian();
      x[i][1] = h + noise * rng.nextGaussian();
      x[i][2] = Math.signum(t) * (Math.cos(t) - 1) + noise * rng.nextGaussian();
      y[i] = Math.min(SEGMENTS - 1, (int) (u * SEGMENTS));
    }
    return new PointSet(x, y, "S-curve");
  }

  /**
   * A linear isometry R^d → R^D, x ↦ Q x, where Q is D × d with orthonormal columns.
   *
   * @param q D × d matrix with orthonormal columns (QᵀQ = I)
   */
  public record Isometry(double[][] q) {

    /** Checks the shape D ≥ d ≥ 1. */
    public Isometry {
      if (q == null || q.length == 0 || q[0].length == 0 || q[0].length > q.length) {
        throw new IllegalArgumentException(
            "isometry matrix must be D × d with D ≥ d ≥ 1, got "
                + (q == null ? "null" : q.length + " × " + (q.length == 0 ? 0 : q[0].length)));
      }
    }

    /** Ambient dimension D. */
    public int outDim() {
      return q.length;
    }

    /** Intrinsic dimension d. */
    public int inDim() {
      return q[0].length;
    }

    /** Q x for x in R^d. */
    public double[] apply(double[] x) {
      if (x.length != inDim()) {
        throw new IllegalArgumentException(
            "isometry takes " + inDim() + " coordinates, got " + x.length);
      }
      double[] y = new double[q.length];
      for (int r = 0; r < q.length; r++) {
        double s = 0;
        for (int c = 0; c < x.length; c++) {
          s += q[r][c] * x[c];
        }
        y[r] = s;
      }
      return y;
    }

    /** Qᵀ y for y in R^D: the coordinates of the orthogonal projection onto the image. */
    public double[] invert(double[] y) {
      if (y.length != outDim()) {
        throw new IllegalArgumentException(
            "inverse isometry takes " + outDim() + " coordinates, got " + y.length);
      }
      double[] x = new double[inDim()];
      for (int r = 0; r < q.length; r++) {
        for (int c = 0; c < x.length; c++) {
          x[c] += q[r][c] * y[r];
        }
      }
      return x;
    }

    /** {@link #invert(double[])} applied to every point, keeping labels. */
    public PointSet invert(PointSet set) {
      double[][] x = new double[set.size()][];
      for (int i = 0; i < x.length; i++) {
        x[i] = invert(set.points()[i]);
      }
      return new PointSet(x, set.labels(), set.name() + " (projected to R^" + inDim() + ")");
    }
  }

  /**
   * A toy set embedded in R^D, with the isometry used, so that points (and generated samples)
   * can be mapped back to the toy's own coordinates.
   *
   * @param set n × D embedded points, labels kept from the source
   * @param isometry the map Q used, D × d
   * @param noise standard deviation of the ambient noise added after Q
   */
  public record Embedded(PointSet set, Isometry isometry, double noise) {
  }

  /**
   * Embeds a set of n × d points into R^D by a random isometry plus noise:
   * y_i = Q x_i + ε_i, Q a D × d matrix with orthonormal columns drawn uniformly (Gram–Schmidt
   * on a Gaussian matrix), ε_i ~ N(0, noise²·I_D). Pairwise distances are kept exactly by Q;
   * the noise adds about 2·D·noise² to squared distances in expectation.
   *
   * @param source n × d points, d ≤ D
   * @param dim target dimension D
   * @param noise ambient noise std, ≥ 0
   * @param seed random seed for Q and the noise
   */
  public static Embedded embed(PointSet source, int dim, double noise, long seed) {
    checkNoise(noise);
    int d = source.dim();
    if (dim < d || d < 1) {
      throw new IllegalArgumentException(
          "embed '" + source.name() + "': target dimension D is " + dim
              + ", expected D ≥ d = " + d + " ≥ 1");
    }
    Random rng = new Random(seed);

    // random orthonormal columns: Gram-Schmidt on a D × d Gaussian matrix
    double[][] q = new double[dim][d];
    for (int c = 0; c < d; c++) {
      double[] v = new double[dim];
      double norm;
      do {
        for (int r = 0; r < dim; r++) {
          v[r] = rng.nextGaussian();
        }
        for (int pass = 0; pass < 2; pass++) {
          for (int p = 0; p < c; p++) {
            double dot = 0;
            for (int r = 0; r < dim; r++) {
              dot += q[r][p] * v[r];
            }
            for (int r = 0; r < dim; r++) {
              v[r] -= dot * q[r][p];
            }
          }
        }
        norm = 0;
        for (int r = 0; r < dim; r++) {
          norm += v[r] * v[r];
        }
        norm = Math.sqrt(norm);
      } while (norm < 1e-8);
      for (int r = 0; r < dim; r++) {
        q[r][c] = v[r] / norm;
      }
    }
    Isometry iso = new Isometry(q);

    // map every point and add ambient noise
    double[][] y = new double[source.size()][];
    for (int i = 0; i < y.length; i++) {
      y[i] = iso.apply(source.points()[i]);
      for (int r = 0; r < dim; r++) {
        y[i][r] += noise * rng.nextGaussian();
      }
    }
    String name = source.name() + " in R^" + dim;
    return new Embedded(new PointSet(y, source.labels(), name), iso, noise);
  }

  private static double[] rollPoint(double t, double h, double noise, Random rng) {
    return new double[] {
        t * Math.cos(t) + noise * rng.nextGaussian(),
        h + noise * rng.nextGaussian(),
        t * Math.sin(t) + noise * rng.nextGaussian()};
  }

  private static int rollSegment(double t) {
    int s = (int) ((t - ROLL_T_MIN) / (ROLL_T_MAX - ROLL_T_MIN) * SEGMENTS);
    return Math.min(SEGMENTS - 1, Math.max(0, s));
  }

  private static void checkCount(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("number of points n is " + n + ", expected ≥ 0");
    }
  }

  private static void checkNoise(double noise) {
    if (!(noise >= 0) || !Double.isFinite(noise)) {
      throw new IllegalArgumentException(
          "noise is " + noise + ", expected a finite standard deviation ≥ 0");
    }
  }
}
