package lab.ot;

import static lab.ot.OtFixtures.assertMarginals;
import static lab.ot.OtFixtures.assertRel;
import static lab.ot.OtFixtures.matrix;
import static lab.ot.OtFixtures.vector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NetworkSimplexTest {

  @Test
  void matchesPotAndScipyFixtures() {
    for (JsonElement e : OtFixtures.json("emd.json").getAsJsonArray("cases")) {
      JsonObject c = e.getAsJsonObject();
      String name = c.get("name").getAsString();
      double[] a = vector(c.get("a"));
      double[] b = vector(c.get("b"));
      double[][] cost = matrix(c.get("cost"));
      OtResult r = NetworkSimplex.solve(a, b, cost);
      assertTrue(r.converged(), name);
      assertRel(c.get("value").getAsDouble(), r.cost(), 1e-9, name);
      assertMarginals(r.plan(), a, b, 1e-12);
      assertTrue(r.marginalError() < 1e-12, name + " marginal error " + r.marginalError());
      assertTrue(((TransportPlan.Sparse) r.plan()).size() <= a.length + b.length - 1, name);
      assertEquals(r.cost(), r.plan().cost(cost), 1e-12, name);

      // primal = dual, and the potentials are dual feasible on the allowed pairs
      assertEquals(r.cost(), r.dual(a, b), 1e-9 * Math.max(1, r.cost()), name + " dual");
      for (int i = 0; i < a.length; i++) {
        for (int j = 0; j < b.length; j++) {
          assertTrue(r.u()[i] + r.v()[j] <= cost[i][j] + 1e-9, name + " dual feasibility");
        }
      }
      for (int k = 0; k < ((TransportPlan.Sparse) r.plan()).size(); k++) {
        TransportPlan.Sparse p = (TransportPlan.Sparse) r.plan();
        assertTrue(Double.isFinite(cost[p.from()[k]][p.to()[k]]), name + " forbidden pair used");
      }
    }
  }

  /** O2: integer costs [[2, 1], [1, 1]]: plan .5 on the anti-diagonal, cost 1. */
  @Test
  void antiDiagonalPlan() {
    OtResult r = NetworkSimplex.solve(new double[] {.5, .5}, new double[] {.5, .5},
        new double[][] {{2, 1}, {1, 1}});
    assertEquals(1.0, r.cost(), 1e-15);
    double[][] p = r.plan().toDense();
    assertEquals(0, p[0][0], 1e-15);
    assertEquals(.5, p[0][1], 1e-15);
    assertEquals(.5, p[1][0], 1e-15);
    assertEquals(0, p[1][1], 1e-15);
  }

  /** O1: float weights five times 1/5 (sum 1.0000000149) against double 1/5: rows sum to .2. */
  @Test
  void floatRoundedWeightsGiveAFullPlan() {
    float[] af = {0.2f, 0.2f, 0.2f, 0.2f, 0.2f};
    double[] b = Weights.uniform(5);
    Random rng = new Random(1);
    double[][] cost = new double[5][5];
    for (double[] row : cost) {
      for (int j = 0; j < 5; j++) {
        row[j] = rng.nextDouble();
      }
    }
    OtResult r = NetworkSimplex.solve(Weights.of(af), b, cost);
    for (double s : r.plan().rowSums()) {
      assertEquals(0.2, s, 1e-12);
    }
    assertMarginals(r.plan(), b, b, 1e-12);
    assertTrue(r.cost() > 0);
  }

  @Test
  void infeasibleForbiddenPairsAreReported() {
    double inf = Double.POSITIVE_INFINITY;
    NetworkSimplex.InfeasibleTransportException e = assertThrows(
        NetworkSimplex.InfeasibleTransportException.class,
        () -> NetworkSimplex.solve(new double[] {.5, .5}, new double[] {.5, .5},
            new double[][] {{1, inf}, {1, inf}}));
    assertTrue(e.getMessage().startsWith("no feasible transport plan"), e.getMessage());
    // a feasible problem with forbidden pairs uses none of them
    OtResult r = NetworkSimplex.solve(new double[] {.5, .5}, new double[] {.5, .5},
        new double[][] {{0, inf}, {inf, 5}});
    assertEquals(2.5, r.cost(), 1e-15);
  }

  @Test
  void rejectsBadInput() {
    double[] h = {.5, .5};
    double[][] c = {{0, 1}, {1, 0}};
    assertMessage("weights a[1] = -0.5", () -> NetworkSimplex.solve(new double[] {1.5, -.5},
        h, c));
    assertMessage("weights b[0] = NaN", () -> NetworkSimplex.solve(h,
        new double[] {Double.NaN, 1}, c));
    assertMessage("weights a sum to 1.0 but b sums to 1.1", () -> NetworkSimplex.solve(h,
        new double[] {.5, .6}, c));
    assertMessage("cost matrix row 0 has 3 columns; expected m = 2", () ->
        NetworkSimplex.solve(h, h, new double[][] {{0, 1, 2}, {1, 0, 2}}));
    assertMessage("cost matrix has 1 rows; expected n = 2", () ->
        NetworkSimplex.solve(h, h, new double[][] {{0, 1}}));
    assertMessage("cost[1][0] = NaN", () -> NetworkSimplex.solve(h, h,
        new double[][] {{0, 1}, {Double.NaN, 0}}));
    assertMessage("cost[0][0] = -Infinity", () -> NetworkSimplex.solve(h, h,
        new double[][] {{Double.NEGATIVE_INFINITY, 1}, {1, 0}}));
    assertMessage("weights a are empty", () -> NetworkSimplex.solve(new double[0], h,
        new double[0][]));
    assertMessage("weights b sum to 0.0", () -> NetworkSimplex.solve(h, new double[] {0, 0},
        c));
    assertMessage("maxIterations = 0", () -> new NetworkSimplex.Options(0));
  }

  @Test
  void iterationCapIsReported() {
    JsonObject c = OtFixtures.json("emd.json").getAsJsonArray("cases").get(0).getAsJsonObject();
    LogCapture.Captured<OtResult> run = LogCapture.run(() -> NetworkSimplex.solve(
        vector(c.get("a")), vector(c.get("b")), matrix(c.get("cost")),
        new NetworkSimplex.Options(5)));
    OtResult r = run.value();
    assertTrue(run.log().contains("WARN") && run.log().contains("raise Options.maxIterations"),
        run.log());
    assertFalse(r.converged());
    assertEquals(5, r.iterations());
    assertTrue(r.marginalError() > 0, "a plan stopped early still uses artificial arcs");
  }

  /** The Gaussian closed form ≈ exact OT between large samples of the two Gaussians. */
  @Test
  void gaussianClosedFormMatchesExactOtOfSamples() {
    int n = 800;
    double[] m1 = {0, 0};
    double[] m2 = {2, -1};
    double[][] l1 = {{1, 0}, {0.5, 0.8}};
    double[][] l2 = {{1.5, 0}, {-0.6, 0.5}};
    Random rng = new Random(11);
    double[][] x = new double[n][];
    double[][] y = new double[n][];
    for (int i = 0; i < n; i++) {
      x[i] = affine(m1, l1, rng.nextGaussian(), rng.nextGaussian());
      y[i] = affine(m2, l2, rng.nextGaussian(), rng.nextGaussian());
    }
    double[][] s1 = {{1, 0.5}, {0.5, 0.25 + 0.64}};
    double[][] s2 = {{2.25, -0.9}, {-0.9, 0.36 + 0.25}};
    double closed = Gaussians.w2Squared(m1, s1, m2, s2);
    OtResult r = NetworkSimplex.solve(x, Weights.uniform(n), y, Weights.uniform(n),
        new NetworkSimplex.Options(10_000_000));
    assertTrue(r.converged());
    assertRel(closed, r.cost(), 0.05, "empirical W2^2 against the closed form");
  }

  private static double[] affine(double[] m, double[][] l, double z1, double z2) {
    return new double[] {m[0] + l[0][0] * z1 + l[0][1] * z2, m[1] + l[1][0] * z1 + l[1][1] * z2};
  }

  static void assertMessage(String start, org.junit.jupiter.api.function.Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().startsWith(start), "message: " + e.getMessage());
  }
}
