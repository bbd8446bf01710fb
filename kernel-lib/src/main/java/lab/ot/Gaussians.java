package lab.ot;

import smile.math.matrix.Matrix;

/**
 * Optimal transport between Gaussians in closed form (Bures–Wasserstein).
 *
 * <p>For μ = N(m₁, S₁) and ν = N(m₂, S₂) on ℝᵈ,
 * <pre>
 *   W₂²(μ, ν) = ‖m₁ − m₂‖² + Tr S₁ + Tr S₂ − 2 Tr (S₁^½ S₂ S₁^½)^½,
 * </pre>
 * and the optimal (Brenier) map is x ↦ m₂ + A (x − m₁) with
 * A = S₁^−½ (S₁^½ S₂ S₁^½)^½ S₁^−½. This is the Fréchet distance behind FID.
 *
 * <p>How it is computed: two symmetric eigen-decompositions in double precision (LAPACK
 * {@code dsyevd} through Smile/OpenBLAS). S₁^½ = V diag(√max(λ, 0)) Vᵀ from eig(S₁); then
 * M = S₁^½ S₂ S₁^½ is symmetrised numerically, (M + Mᵀ)/2, and Tr M^½ = Σ √max(λ(M), 0). No
 * non-symmetric square root (such as SciPy's {@code sqrtm(S₁ S₂)}) is taken, so singular
 * (rank-deficient) covariances, e.g. fewer samples than dimensions, still give a finite real
 * value. In practice M is replaced by a matrix with the same eigenvalues that is cheaper to
 * form: Lᵀ S₂ L when S₁ = L Lᵀ has a Cholesky factor, else Wᵀ S₂ W with W = V Λ^½ from
 * eig(S₁); then only eigenvalues are needed (about 4 d³ flops in all for positive definite S₁,
 * against about 25 d³ for SciPy's Schur-based {@code sqrtm}). S₂ is checked positive
 * semi-definite by a Cholesky factorisation of S₂ + δI.
 *
 * <p>Input checks: covariances must be square d×d with d = the mean's length, finite, symmetric
 * to a relative tolerance {@value #SYMMETRY_TOLERANCE} (|S_ij − S_ji| ≤ tol · max|S|), and
 * positive semi-definite to a relative tolerance {@value #PSD_TOLERANCE} (smallest eigenvalue
 * ≥ −tol · max|λ| for S₁ and for the Brenier map; ≥ −tol · ‖S₂‖_F, a slightly looser bound,
 * for S₂ in {@link #w2Squared}). Violations raise {@link IllegalArgumentException} naming the
 * matrix.
 *
 * <p>References: D. C. Dowson and B. V. Landau, "The Fréchet distance between multivariate
 * normal distributions", J. Multivariate Analysis 12, 1982; I. Olkin and F. Pukelsheim, "The
 * distance between two random vectors with given dispersion matrices", Linear Algebra Appl. 48,
 * 1982; M. Heusel et al., "GANs trained by a two time-scale update rule converge to a local Nash
 * equilibrium" (FID), NeurIPS 2017.
 */
public final class Gaussians {

  /** Relative tolerance of the symmetry check: |S_ij − S_ji| ≤ tol · max|S_kl|. */
  public static final double SYMMETRY_TOLERANCE = 1e-8;

  /** Relative tolerance of the PSD check: min λ ≥ −tol · max|λ|. */
  public static final double PSD_TOLERANCE = 1e-8;

  private Gaussians() {
  }

  /**
   * Mean and covariance of a Gaussian.
   *
   * @param mean the mean m, length d
   * @param covariance the covariance S, d×d
   */
  public record Moments(double[] mean, double[][] covariance) {
    /** Checks shapes: d ≥ 1 and S is d×d. Symmetry and PSD are checked where used. */
    public Moments {
      checkShapes("mean", mean, "covariance", covariance);
    }
  }

  /**
   * Sample mean and covariance of n×d samples with the n − 1 denominator (pytorch-fid,
   * clean-fid, torch-fidelity), accumulated in double precision.
   *
   * @param x samples, n×d with n ≥ 2 (not modified)
   */
  public static Moments moments(double[][] x) {
    if (x == null || x.length < 2) {
      throw new IllegalArgumentException("samples x has " + (x == null ? "null" : x.length)
          + " rows; expected at least 2 for a covariance with the n - 1 denominator");
    }
    int n = x.length;
    int d = x[0].length;
    double[] mean = new double[d];
    for (int i = 0; i < n; i++) {
      if (x[i].length != d) {
        throw new IllegalArgumentException("samples x row " + i + " has length " + x[i].length
            + "; expected " + d + " like row 0");
      }
      for (int k = 0; k < d; k++) {
        mean[k] += x[i][k];
      }
    }
    for (int k = 0; k < d; k++) {
      mean[k] /= n;
    }

    // centred Gram matrix Xcᵀ Xc / (n − 1) through BLAS
    Matrix xc = new Matrix(n, d);
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < d; k++) {
        xc.set(i, k, x[i][k] - mean[k]);
      }
    }
    Matrix cov = SymmetricEigen.symmetrise(xc.ata());
    double[][] s = cov.toArray();
    for (double[] row : s) {
      for (int k = 0; k < d; k++) {
        row[k] /= n - 1;
      }
    }
    return new Moments(mean, s);
  }

  /**
   * Squared 2-Wasserstein (Bures) distance between N(m1, S1) and N(m2, S2):
   * ‖m1 − m2‖² + Tr S1 + Tr S2 − 2 Tr (S1^½ S2 S1^½)^½, through symmetric eigen-decompositions
   * in double precision with eigenvalues clamped at 0.
   *
   * @param m1 first mean, length d
   * @param s1 first covariance, d×d, symmetric PSD (tolerances in the class docs)
   * @param m2 second mean, length d
   * @param s2 second covariance, d×d, symmetric PSD
   * @return W₂² ≥ 0; finite for singular covariances
   * @throws IllegalArgumentException on shape mismatch, non-finite entries, a non-symmetric or
   *     non-PSD covariance (the message names which one)
   * @apiNote Rounding can make the formula slightly negative for (nearly) equal Gaussians (about
   *     −1e-8 for 192-d sample covariances); the result is clamped at 0, so W₂²(μ, μ) = 0 up to
   *     round-off of order 1e-10 · Tr S.
   */
  public static double w2Squared(double[] m1, double[][] s1, double[] m2, double[][] s2) {
    checkShapes("m1", m1, "s1", s1);
    checkShapes("m2", m2, "s2", s2);
    if (m1.length != m2.length) {
      throw new IllegalArgumentException("m1 has dimension " + m1.length + " but m2 has "
          + m2.length + "; expected equal dimensions");
    }
    Matrix a = checkedSymmetric("s1", s1);
    Matrix b = checkedSymmetric("s2", s2);
    checkPsdByCholesky("s2", b);
    double[] mu = middleEigenvalues(a, b);
    double traceRoot = 0;
    for (double v : mu) {
      traceRoot += Math.sqrt(Math.max(v, 0));
    }

    double meanTerm = 0;
    for (int k = 0; k < m1.length; k++) {
      double diff = m1[k] - m2[k];
      meanTerm += diff * diff;
    }
    double value = meanTerm + trace(s1) + trace(s2) - 2 * traceRoot;
    return Math.max(value, 0);
  }

  /** W₂ = √{@link #w2Squared}; same arguments and checks. */
  public static double w2(double[] m1, double[][] s1, double[] m2, double[][] s2) {
    return Math.sqrt(w2Squared(m1, s1, m2, s2));
  }

  /** {@link #w2Squared} between two {@link Moments}. */
  public static double w2Squared(Moments p, Moments q) {
    return w2Squared(p.mean(), p.covariance(), q.mean(), q.covariance());
  }

  /**
   * The affine Brenier map T(x) = m2 + A (x − m1) pushing N(m1, S1) onto N(m2, S2).
   *
   * @param m1 source mean, length d
   * @param a the symmetric PSD matrix A = S1^−½ (S1^½ S2 S1^½)^½ S1^−½, d×d
   * @param m2 target mean, length d
   */
  public record AffineMap(double[] m1, double[][] a, double[] m2) {
    /** Checks shapes. */
    public AffineMap {
      checkShapes("m1", m1, "a", a);
      if (m2 == null || m2.length != m1.length) {
        throw new IllegalArgumentException("m2 has length " + (m2 == null ? "null" : m2.length)
            + "; expected " + m1.length + " like m1");
      }
    }

    /** T(x) for one point x of length d (not modified). */
    public double[] apply(double[] x) {
      int d = m1.length;
      if (x == null || x.length != d) {
        throw new IllegalArgumentException("x has length " + (x == null ? "null" : x.length)
            + "; expected " + d);
      }
      double[] y = m2.clone();
      for (int i = 0; i < d; i++) {
        double s = 0;
        for (int k = 0; k < d; k++) {
          s += a[i][k] * (x[k] - m1[k]);
        }
        y[i] += s;
      }
      return y;
    }

    /** T applied to each row of an n×d array; returns a new n×d array. */
    public double[][] apply(double[][] x) {
      double[][] y = new double[x.length][];
      for (int i = 0; i < x.length; i++) {
        y[i] = apply(x[i]);
      }
      return y;
    }
  }

  /**
   * Brenier map x ↦ m2 + A (x − m1), A = S1^−½ (S1^½ S2 S1^½)^½ S1^−½, between N(m1, S1) and
   * N(m2, S2). Same checks as {@link #w2Squared}.
   *
   * @apiNote For a singular S1, S1^−½ is the pseudo-inverse square root (eigenvalues at or
   *     below {@value #PSD_TOLERANCE} · max λ are treated as 0); the map is then optimal on the
   *     support of N(m1, S1) and sends directions outside it to m2.
   */
  public static AffineMap brenierMap(double[] m1, double[][] s1, double[] m2, double[][] s2) {
    checkShapes("m1", m1, "s1", s1);
    checkShapes("m2", m2, "s2", s2);
    if (m1.length != m2.length) {
      throw new IllegalArgumentException("m1 has dimension " + m1.length + " but m2 has "
          + m2.length + "; expected equal dimensions");
    }
    Matrix a = checkedSymmetric("s1", s1);
    Matrix b = checkedSymmetric("s2", s2);
    SymmetricEigen e1 = SymmetricEigen.of(a, true);
    checkPsd("s1", e1);
    checkPsd("s2", SymmetricEigen.of(b, false));

    // A = S1^-½ (S1^½ S2 S1^½)^½ S1^-½
    double floor = PSD_TOLERANCE * e1.maxAbs();
    Matrix root1 = e1.function(0.5, 0);
    Matrix invRoot1 = e1.function(-0.5, floor);
    Matrix middle = SymmetricEigen.symmetrise(root1.mm(b).mm(root1));
    Matrix middleRoot = SymmetricEigen.of(middle, true).function(0.5, 0);
    Matrix map = SymmetricEigen.symmetrise(invRoot1.mm(middleRoot).mm(invRoot1));
    return new AffineMap(m1.clone(), map.toArray(), m2.clone());
  }

  private static double trace(double[][] s) {
    double t = 0;
    for (int i = 0; i < s.length; i++) {
      t += s[i][i];
    }
    return t;
  }

  static void checkShapes(String meanName, double[] m, String covName, double[][] s) {
    if (m == null || m.length == 0) {
      throw new IllegalArgumentException(meanName + " is " + (m == null ? "null" : "empty")
          + "; expected a mean of length d >= 1");
    }
    int d = m.length;
    if (s == null || s.length != d) {
      throw new IllegalArgumentException(covName + " has " + (s == null ? "null" : s.length)
          + " rows; expected " + d + " (the length of " + meanName + ")");
    }
    for (int i = 0; i < d; i++) {
      if (s[i] == null || s[i].length != d) {
        throw new IllegalArgumentException(covName + " row " + i + " has length "
            + (s[i] == null ? "null" : s[i].length) + "; expected " + d + " (square " + d + "x"
            + d + ")");
      }
    }
    for (int k = 0; k < d; k++) {
      if (!Double.isFinite(m[k])) {
        throw new IllegalArgumentException(meanName + "[" + k + "] = " + m[k]
            + "; expected a finite number");
      }
    }
  }

  private static Matrix checkedSymmetric(String name, double[][] s) {
    int d = s.length;
    double scale = 0;
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        if (!Double.isFinite(s[i][j])) {
          throw new IllegalArgumentException(name + "[" + i + "][" + j + "] = " + s[i][j]
              + "; expected a finite covariance entry");
        }
        scale = Math.max(scale, Math.abs(s[i][j]));
      }
    }
    double tol = SYMMETRY_TOLERANCE * scale;
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < i; j++) {
        double gap = Math.abs(s[i][j] - s[j][i]);
        if (gap > tol) {
          throw new IllegalArgumentException(name + " is not symmetric: " + name + "[" + i
              + "][" + j + "] = " + s[i][j] + " but " + name + "[" + j + "][" + i + "] = "
              + s[j][i] + "; expected |difference| <= " + SYMMETRY_TOLERANCE
              + " * max|entry| = " + tol);
        }
      }
    }
    return SymmetricEigen.symmetrise(Matrix.of(s));
  }

  /**
   * The eigenvalues of S1^½ S2 S1^½ (symmetric PSD up to round-off). When S1 = L Lᵀ has a
   * Cholesky factor (S1 positive definite) they are those of Lᵀ S2 L, a similar matrix
   * (L⁻¹ S1 S2 L = Lᵀ S2 L); otherwise, with S1 = V Λ Vᵀ and W = V Λ^½, those of Wᵀ S2 W. Either
   * matrix is symmetrised before the eigenvalue solver. Also checks that S1 is PSD.
   */
  private static double[] middleEigenvalues(Matrix a, Matrix b) {
    int d = a.nrow();
    Matrix w = null;
    Matrix chol = a.clone();
    chol.uplo(smile.math.blas.UPLO.LOWER);
    try {
      Matrix lu = chol.cholesky(true).lu;
      w = new Matrix(d, d);
      for (int j = 0; j < d; j++) {
        for (int i = j; i < d; i++) {
          w.set(i, j, lu.get(i, j));
        }
      }
    } catch (ArithmeticException singular) {
      SymmetricEigen e1 = SymmetricEigen.of(a, true);
      checkPsd("s1", e1);
      w = e1.vectors().clone();
      for (int k = 0; k < d; k++) {
        double root = Math.sqrt(Math.max(e1.values()[k], 0));
        for (int i = 0; i < d; i++) {
          w.set(i, k, w.get(i, k) * root);
        }
      }
    }
    Matrix middle = SymmetricEigen.symmetrise(w.tm(b.mm(w)));
    return SymmetricEigen.of(middle, false).values();
  }

  /**
   * PSD check without an eigen-decomposition: Cholesky of S + δI with δ = tol · ‖S‖_F (≥ tol ·
   * max|λ|) succeeds iff min λ &gt; −δ; on failure the eigenvalues give the message.
   */
  private static void checkPsdByCholesky(String name, Matrix s) {
    int d = s.nrow();
    double fro = 0;
    for (int j = 0; j < d; j++) {
      for (int i = 0; i < d; i++) {
        fro += s.get(i, j) * s.get(i, j);
      }
    }
    double delta = PSD_TOLERANCE * Math.sqrt(fro) + Double.MIN_NORMAL;
    Matrix shifted = s.clone();
    for (int i = 0; i < d; i++) {
      shifted.add(i, i, delta);
    }
    shifted.uplo(smile.math.blas.UPLO.LOWER);
    try {
      shifted.cholesky(true);
    } catch (ArithmeticException notPositive) {
      checkPsd(name, SymmetricEigen.of(s, false));
    }
  }

  private static void checkPsd(String name, SymmetricEigen e) {
    double min = e.min();
    double tol = PSD_TOLERANCE * e.maxAbs();
    if (min < -tol) {
      throw new IllegalArgumentException(name + " is not positive semi-definite: smallest "
          + "eigenvalue " + min + " (largest |eigenvalue| " + e.maxAbs() + "); expected >= -"
          + PSD_TOLERANCE + " * max|eigenvalue| = " + (-tol));
    }
  }
}
