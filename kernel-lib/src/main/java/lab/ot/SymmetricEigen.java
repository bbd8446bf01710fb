package lab.ot;

import smile.math.blas.UPLO;
import smile.math.matrix.Matrix;

/**
 * Eigen-decomposition of a real symmetric matrix, S = V diag(λ) Vᵀ, in double precision.
 *
 * <p>Uses LAPACK's divide-and-conquer solver {@code dsyevd} through Smile's
 * {@link Matrix#eigen(boolean, boolean, boolean)} on a matrix marked symmetric (OpenBLAS via
 * bytedeco javacpp). Only the lower triangle is read, so the caller symmetrises first.
 *
 * @param values the eigenvalues λ (length d, order as LAPACK returns them)
 * @param vectors the eigenvectors as columns of a d×d matrix, or {@code null} when not asked for
 */
record SymmetricEigen(double[] values, Matrix vectors) {

  /** Decomposes the symmetric d×d matrix {@code s} (not modified; its lower triangle is read). */
  static SymmetricEigen of(Matrix s, boolean wantVectors) {
    Matrix copy = s.clone();
    copy.uplo(UPLO.LOWER);
    Matrix.EVD evd = copy.eigen(false, wantVectors, true);
    return new SymmetricEigen(evd.wr.clone(), wantVectors ? evd.Vr : null);
  }

  /** The largest |λ|. */
  double maxAbs() {
    double m = 0;
    for (double v : values) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }

  /** The smallest λ. */
  double min() {
    double m = Double.POSITIVE_INFINITY;
    for (double v : values) {
      m = Math.min(m, v);
    }
    return m;
  }

  /**
   * V diag(f(max(λ, 0))) Vᵀ for f = sqrt ({@code power} = 0.5) or its pseudo-inverse
   * ({@code power} = -0.5, with eigenvalues at or below {@code floor} mapped to 0).
   */
  Matrix function(double power, double floor) {
    int d = values.length;
    Matrix scaled = vectors.clone();
    for (int k = 0; k < d; k++) {
      double lambda = Math.max(values[k], 0);
      double f = lambda <= floor ? 0 : Math.pow(lambda, power);
      for (int i = 0; i < d; i++) {
        scaled.set(i, k, scaled.get(i, k) * f);
      }
    }
    return symmetrise(scaled.mt(vectors));
  }

  /** (M + Mᵀ)/2, a new matrix. */
  static Matrix symmetrise(Matrix m) {
    int d = m.nrow();
    Matrix out = new Matrix(d, d);
    for (int j = 0; j < d; j++) {
      for (int i = 0; i < d; i++) {
        out.set(i, j, 0.5 * (m.get(i, j) + m.get(j, i)));
      }
    }
    return out;
  }
}
