/**
 * Optimal transport solvers, each returning the same {@link lab.ot.OtResult} record.
 *
 * <ul>
 *   <li>{@link lab.ot.NetworkSimplex}: exact discrete OT (earth mover's distance), sparse plan
 *       and dual potentials; +∞ costs forbid pairs.</li>
 *   <li>{@link lab.ot.Sinkhorn}: entropic OT, log-stabilised, optional ε-scaling; debiased
 *       Sinkhorn divergence.</li>
 *   <li>{@link lab.ot.OneDimensional}: W_p on the line in closed form.</li>
 *   <li>{@link lab.ot.Gaussians}: W₂ between Gaussians (Bures, the formula behind FID) and the
 *       Brenier map.</li>
 *   <li>{@link lab.ot.SlicedWasserstein}: seeded random projections.</li>
 *   <li>{@link lab.ot.SemiDiscrete} and {@link lab.ot.PowerDiagram}: Gu's semi-discrete OT from
 *       a continuous source (Sobol Monte Carlo, Adam), the transport map, AE-OT generation and
 *       2-D power-diagram pictures.</li>
 * </ul>
 *
 * <p>Shared pieces: {@link lab.ot.Weights} (checks, tolerance on totals, renormalisation),
 * {@link lab.ot.Costs} (ground costs), {@link lab.ot.TransportPlan} (sparse or dense plans),
 * {@link lab.ot.Sobol} (quasi-random points). Reference values in the tests come from POT and
 * SciPy through tools/fixtures/ot_fixtures.py; bench/ot.sh times the solvers against POT.
 */
package lab.ot;
