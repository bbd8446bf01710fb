package lab.latent;

import java.util.Random;
import smile.math.blas.UPLO;
import smile.math.matrix.Matrix;

/**
 * The map f from a generator's latent space into M (PAPER.md §3.3), in two forms:
 * <ul>
 *   <li>the image f(z) = E(G(z)) of a code through the generator and the encoder
 *       ({@link #image(LatentSpace, Encoder, double[][])});</li>
 *   <li>a learned ridge regression f̂(z) = Bᵀ z + c fitted on pairs (z, E(G(z))), so that
 *       linear latent operations (midpoints, extrapolation, edits) carry into M as the same
 *       operations on f̂(z) (an affine map commutes with affine combinations).</li>
 * </ul>
 *
 * <p>Ridge problem: minimise Σ_i ‖B^T z_i + c − m_i‖² + λ‖B‖²_F over B (k × dim) and c
 * (dim), solved on centred data through the Cholesky factor of ZcᵀZc + λI. The fit's quality
 * is the coefficient of determination R² = 1 − Σ‖m − f̂(z)‖² / Σ‖m − m̄‖², reported on
 * held-out codes.
 *
 * @param coefficients B, k × dim
 * @param intercept c, length dim
 * @param lambda λ ≥ 0
 * @param trainR2 R² on the fitting pairs
 * @param heldOutR2 R² on held-out pairs (NaN when none were held out)
 * @param space what was mapped, e.g. "WGAN Z → AE encoder"
 */
public record LatentMap(double[][] coefficients, double[] intercept, double lambda,
    double trainR2, double heldOutR2, String space) {

  /** Default ridge penalty. */
  public static final double LAMBDA = 1e-3;

  /**
   * The image E(G(z)) of codes in M.
   *
   * @param space the generator's space (Z or W)
   * @param encoder E
   * @param codes n × k
   * @return n × dim
   */
  public static double[][] image(LatentSpace space, Encoder encoder, double[][] codes) {
    return encoder.encode(space.decode(codes));
  }

  /**
   * Fits f̂ on {@code n} prior codes of {@code space} and reports R² on {@code n / 4} further
   * held-out codes.
   *
   * @param space generator space
   * @param encoder E
   * @param n fitting codes, ≥ k + 1
   * @param lambda λ ≥ 0
   * @param seed seed of the codes
   */
  public static LatentMap fit(LatentSpace space, Encoder encoder, int n, double lambda,
      long seed) {
    Random random = new Random(seed);
    double[][] z = space.sample(n, random);
    double[][] zh = space.sample(Math.max(2, n / 4), random);
    LatentMap fitted = fit(z, image(space, encoder, z), lambda,
        space.name() + " → " + encoder.name());
    double r2 = fitted.r2(zh, image(space, encoder, zh));
    return new LatentMap(fitted.coefficients, fitted.intercept, lambda, fitted.trainR2, r2,
        fitted.space);
  }

  /**
   * Fits f̂ on given pairs.
   *
   * @param codes n × k
   * @param points n × dim, the codes' points in M
   * @param lambda λ ≥ 0 (λ = 0 needs ZcᵀZc positive definite)
   * @param space name of the map
   */
  public static LatentMap fit(double[][] codes, double[][] points, double lambda,
      String space) {
    int k = Points.check("codes", codes);
    int dim = Points.check("points", points);
    if (codes.length != points.length) {
      throw new IllegalArgumentException("ridge map: " + codes.length + " codes but "
          + points.length + " points");
    }
    if (!(lambda >= 0) || Double.isInfinite(lambda)) {
      throw new IllegalArgumentException("ridge λ is " + lambda + "; expected finite ≥ 0");
    }
    int n = codes.length;
    double[] mz = Distances.mean(codes);
    double[] mm = Distances.mean(points);

    // normal equations on centred data: (ZcᵀZc + λI) B = Zcᵀ Mc
    Matrix a = new Matrix(k, k);
    Matrix rhs = new Matrix(k, dim);
    for (int i = 0; i < n; i++) {
      for (int p = 0; p < k; p++) {
        double zp = codes[i][p] - mz[p];
        for (int q = 0; q < k; q++) {
          a.add(p, q, zp * (codes[i][q] - mz[q]));
        }
        for (int q = 0; q < dim; q++) {
          rhs.add(p, q, zp * (points[i][q] - mm[q]));
        }
      }
    }
    for (int p = 0; p < k; p++) {
      a.add(p, p, lambda);
    }
    Matrix.Cholesky chol;
    try {
      chol = a.uplo(UPLO.LOWER).cholesky();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("ridge map: ZcᵀZc + λI is not positive definite with"
          + " λ = " + lambda + " for " + n + " codes of dimension " + k
          + "; expected λ > 0 or more codes", e);
    }
    chol.solve(rhs);
    double[][] b = rhs.toArray();
    double[] c = mm.clone();
    for (int q = 0; q < dim; q++) {
      for (int p = 0; p < k; p++) {
        c[q] -= b[p][q] * mz[p];
      }
    }
    LatentMap map = new LatentMap(b, c, lambda, Double.NaN, Double.NaN, space);
    return new LatentMap(b, c, lambda, map.r2(codes, points), Double.NaN, space);
  }

  /** f̂(z) for n × k codes, n × dim. */
  public double[][] apply(double[][] codes) {
    Points.check("codes", codes);
    if (codes[0].length != coefficients.length) {
      throw new IllegalArgumentException("ridge map takes " + coefficients.length
          + "-d codes but got " + codes[0].length);
    }
    double[][] y = new double[codes.length][intercept.length];
    for (int i = 0; i < codes.length; i++) {
      for (int q = 0; q < intercept.length; q++) {
        double s = intercept[q];
        for (int p = 0; p < coefficients.length; p++) {
          s += coefficients[p][q] * codes[i][p];
        }
        y[i][q] = s;
      }
    }
    return y;
  }

  /** R² of f̂ on the pairs (codes, points). */
  public double r2(double[][] codes, double[][] points) {
    double[][] f = apply(codes);
    double[] mm = Distances.mean(points);
    double res = 0;
    double tot = 0;
    for (int i = 0; i < points.length; i++) {
      res += Points.sq(points[i], f[i]);
      tot += Points.sq(points[i], mm);
    }
    return tot == 0 ? (res == 0 ? 1 : Double.NEGATIVE_INFINITY) : 1 - res / tot;
  }
}
