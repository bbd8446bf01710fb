package lab.ot;

/**
 * A transport plan P, an n×m nonnegative matrix whose entry P_ij is the mass moved from source
 * point i to target point j. Stored sparse ({@link Sparse}: the list of (i, j, mass) with mass
 * &gt; 0, as the exact and 1-D solvers return) or dense ({@link Dense}, row-major, as Sinkhorn
 * returns).
 */
public sealed interface TransportPlan permits TransportPlan.Sparse, TransportPlan.Dense {

  /** Number of source points n. */
  int rows();

  /** Number of target points m. */
  int cols();

  /** P_ij. */
  double get(int i, int j);

  /** Row sums P 1 (length n), the first marginal. */
  double[] rowSums();

  /** Column sums Pᵀ 1 (length m), the second marginal. */
  double[] colSums();

  /** Σ_ij P_ij C_ij for an n×m cost matrix (entries where P_ij = 0 are not read). */
  double cost(double[][] cost);

  /** P as a new dense n×m array. */
  double[][] toDense();

  /**
   * A sparse plan: entries (from[k], to[k], mass[k]), k &lt; size, each pair at most once.
   *
   * @param rows n
   * @param cols m
   * @param from source indices i, in [0, n)
   * @param to target indices j, in [0, m)
   * @param mass masses P_ij &gt; 0
   */
  record Sparse(int rows, int cols, int[] from, int[] to, double[] mass)
      implements TransportPlan {

    /** Checks the three arrays have one length and the indices are in range. */
    public Sparse {
      if (from.length != to.length || from.length != mass.length) {
        throw new IllegalArgumentException("sparse plan arrays have lengths from "
            + from.length + ", to " + to.length + ", mass " + mass.length
            + "; expected equal lengths");
      }
      for (int k = 0; k < from.length; k++) {
        if (from[k] < 0 || from[k] >= rows || to[k] < 0 || to[k] >= cols) {
          throw new IllegalArgumentException("sparse plan entry " + k + " is (" + from[k] + ", "
              + to[k] + "); expected indices in [0, " + rows + ") x [0, " + cols + ")");
        }
      }
    }

    /** Number of stored entries. */
    public int size() {
      return mass.length;
    }

    @Override
    public double get(int i, int j) {
      double s = 0;
      for (int k = 0; k < mass.length; k++) {
        if (from[k] == i && to[k] == j) {
          s += mass[k];
        }
      }
      return s;
    }

    @Override
    public double[] rowSums() {
      double[] r = new double[rows];
      for (int k = 0; k < mass.length; k++) {
        r[from[k]] += mass[k];
      }
      return r;
    }

    @Override
    public double[] colSums() {
      double[] c = new double[cols];
      for (int k = 0; k < mass.length; k++) {
        c[to[k]] += mass[k];
      }
      return c;
    }

    @Override
    public double cost(double[][] cost) {
      double s = 0;
      for (int k = 0; k < mass.length; k++) {
        s += mass[k] * cost[from[k]][to[k]];
      }
      return s;
    }

    @Override
    public double[][] toDense() {
      double[][] p = new double[rows][cols];
      for (int k = 0; k < mass.length; k++) {
        p[from[k]][to[k]] += mass[k];
      }
      return p;
    }
  }

  /**
   * A dense plan stored row-major: P_ij = values[i * cols + j].
   *
   * @param rows n
   * @param cols m
   * @param values n·m entries
   */
  record Dense(int rows, int cols, double[] values) implements TransportPlan {

    /** Checks the length is rows · cols. */
    public Dense {
      if ((long) rows * cols != values.length) {
        throw new IllegalArgumentException("dense plan has " + values.length + " values; "
            + "expected rows * cols = " + rows + " * " + cols);
      }
    }

    @Override
    public double get(int i, int j) {
      return values[i * cols + j];
    }

    @Override
    public double[] rowSums() {
      double[] r = new double[rows];
      for (int i = 0; i < rows; i++) {
        double s = 0;
        for (int j = 0; j < cols; j++) {
          s += values[i * cols + j];
        }
        r[i] = s;
      }
      return r;
    }

    @Override
    public double[] colSums() {
      double[] c = new double[cols];
      for (int i = 0; i < rows; i++) {
        for (int j = 0; j < cols; j++) {
          c[j] += values[i * cols + j];
        }
      }
      return c;
    }

    @Override
    public double cost(double[][] cost) {
      double s = 0;
      for (int i = 0; i < rows; i++) {
        for (int j = 0; j < cols; j++) {
          double p = values[i * cols + j];
          if (p != 0) {
            s += p * cost[i][j];
          }
        }
      }
      return s;
    }

    @Override
    public double[][] toDense() {
      double[][] p = new double[rows][cols];
      for (int i = 0; i < rows; i++) {
        System.arraycopy(values, i * cols, p[i], 0, cols);
      }
      return p;
    }
  }
}
