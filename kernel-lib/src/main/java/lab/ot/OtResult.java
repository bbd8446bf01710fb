package lab.ot;

/**
 * The result every solver of this package returns, with the same field names.
 *
 * <p>Dual potentials follow the convention of the Kantorovich dual
 * max Σ_i a_i u_i + Σ_j b_j v_j subject to u_i + v_j ≤ C_ij (exact solver; Sinkhorn's f, g in
 * cost units). The semi-discrete solver stores its Brenier heights h in {@code v} and leaves
 * {@code u} null.
 *
 * @param solver the solver's name, e.g. "network simplex", "sinkhorn-log"
 * @param cost the transport cost: ⟨P, C⟩ for plan-based solvers, W_p^p for the 1-D and sliced
 *     solvers, the Monte Carlo estimate of ∫ ‖x − T(x)‖² dμ for the semi-discrete solver
 * @param plan the transport plan, or {@code null} where the solver has none (sliced,
 *     semi-discrete)
 * @param u source potentials (length n), or {@code null}
 * @param v target potentials (length m), or {@code null}
 * @param iterations pivots (network simplex), Sinkhorn iterations over all ε stages, gradient
 *     steps (semi-discrete), projections (sliced), 0 for closed forms
 * @param converged whether the stopping criterion was met before the iteration cap
 * @param marginalError for a plan, ‖P 1 − a‖₁ + ‖Pᵀ 1 − b‖₁ on the returned plan; for the
 *     semi-discrete solver the final ‖g‖₂ (cell measures minus target weights); 0 for the
 *     sliced distance, which has no plan
 */
public record OtResult(String solver, double cost, TransportPlan plan, double[] u, double[] v,
    int iterations, boolean converged, double marginalError) {

  /** Checks the fields that every solver sets. */
  public OtResult {
    if (solver == null || solver.isEmpty()) {
      throw new IllegalArgumentException("solver name is " + solver + "; expected a name");
    }
    if (iterations < 0) {
      throw new IllegalArgumentException("iterations = " + iterations + "; expected >= 0");
    }
  }

  /** W_p = cost^(1/p), for the solvers whose cost is W_p^p. */
  public double distance(double p) {
    return Math.pow(Math.max(cost, 0), 1 / p);
  }

  /** Σ a_i u_i + Σ b_j v_j, the dual objective; NaN when the potentials are absent. */
  public double dual(double[] a, double[] b) {
    if (u == null || v == null) {
      return Double.NaN;
    }
    double s = 0;
    for (int i = 0; i < u.length; i++) {
      s += a[i] * u[i];
    }
    for (int j = 0; j < v.length; j++) {
      s += b[j] * v[j];
    }
    return s;
  }

  @Override
  public String toString() {
    return solver + ": cost " + cost + ", " + iterations + " iterations, "
        + (converged ? "converged" : "NOT converged") + ", marginal error " + marginalError
        + (plan == null ? "" : ", plan " + plan.rows() + "x" + plan.cols());
  }

  static double marginalError(TransportPlan plan, double[] a, double[] b) {
    double err = 0;
    double[] r = plan.rowSums();
    for (int i = 0; i < a.length; i++) {
      err += Math.abs(r[i] - a[i]);
    }
    double[] c = plan.colSums();
    for (int j = 0; j < b.length; j++) {
      err += Math.abs(c[j] - b[j]);
    }
    return err;
  }
}
