package lab.ot;

import static lab.ot.NetworkSimplexTest.assertMessage;
import static lab.ot.OtFixtures.assertMarginals;
import static lab.ot.OtFixtures.assertRel;
import static lab.ot.OtFixtures.matrix;
import static lab.ot.OtFixtures.vector;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SinkhornTest {

  @Test
  void matchesPotSinkhornLog() {
    for (JsonElement e : OtFixtures.json("sinkhorn.json").getAsJsonArray("cases")) {
      JsonObject c = e.getAsJsonObject();
      double eps = c.get("epsilon").getAsDouble();
      double[] a = vector(c.get("a"));
      double[] b = vector(c.get("b"));
      double[][] cost = matrix(c.get("cost"));
      double[][] expected = matrix(c.get("plan"));
      for (boolean scaling : new boolean[] {true, false}) {
        Sinkhorn.Options o = new Sinkhorn.Options(eps, 100_000, 1e-12, scaling, 5);
        OtResult r = Sinkhorn.solve(a, b, cost, o);
        String what = "epsilon " + eps + (scaling ? " with" : " without") + " scaling";
        assertTrue(r.converged(), what);
        assertRel(c.get("value").getAsDouble(), r.cost(), 1e-6, what);
        for (int i = 0; i < a.length; i++) {
          for (int j = 0; j < b.length; j++) {
            assertEquals(expected[i][j], r.plan().get(i, j), 1e-9, what + " P[" + i + "][" + j
                + "]");
          }
        }
        assertMarginals(r.plan(), a, b, 1e-10);
        // the plan is exp((f_i + g_j - C_ij) / eps)
        assertEquals(Math.exp((r.u()[3] + r.v()[7] - cost[3][7]) / eps), r.plan().get(3, 7),
            1e-12);
      }
    }
  }

  /** The oracle of METRICS.md: a = b = [.5, .5], C = [[0, 1], [1, 0]], ε = 1. */
  @Test
  void twoPointOracle() {
    OtResult r = Sinkhorn.solve(new double[] {.5, .5}, new double[] {.5, .5},
        new double[][] {{0, 1}, {1, 0}}, new Sinkhorn.Options(1));
    assertEquals(0.36552929, r.plan().get(0, 0), 1e-8);
    assertEquals(0.13447071, r.plan().get(0, 1), 1e-8);
    assertEquals(0.13447071, r.plan().get(1, 0), 1e-8);
    assertEquals(0.36552929, r.plan().get(1, 1), 1e-8);
    assertEquals(0.26894142136999516, r.cost(), 1e-12);
  }

  /** O3: all costs 1, ε = 1e-3: every entry .25 and cost 1 (the plain kernel underflows). */
  @Test
  void tinyEpsilonDoesNotUnderflow() {
    double[][] ones = {{1, 1}, {1, 1}};
    for (boolean scaling : new boolean[] {true, false}) {
      OtResult r = Sinkhorn.solve(new double[] {.5, .5}, new double[] {.5, .5}, ones,
          new Sinkhorn.Options(1e-3, 1000, 1e-9, scaling, 10));
      for (int i = 0; i < 2; i++) {
        for (int j = 0; j < 2; j++) {
          assertEquals(.25, r.plan().get(i, j), 1e-12);
        }
      }
      assertEquals(1.0, r.cost(), 1e-12);
      assertTrue(r.converged());
    }
  }

  /** Entropic cost tends to the exact cost as ε → 0. */
  @Test
  void tendsToExactCost() {
    Random rng = new Random(3);
    int n = 25;
    double[][] x = new double[n][2];
    double[][] y = new double[n][2];
    for (int i = 0; i < n; i++) {
      x[i] = new double[] {rng.nextDouble(), rng.nextDouble()};
      y[i] = new double[] {rng.nextDouble(), rng.nextDouble()};
    }
    double[] w = Weights.uniform(n);
    double exact = NetworkSimplex.solve(x, w, y, w, new NetworkSimplex.Options()).cost();
    double previous = Double.POSITIVE_INFINITY;
    for (double eps : new double[] {1e-1, 1e-2, 1e-3, 1e-4}) {
      OtResult r = Sinkhorn.solve(x, w, y, w, new Sinkhorn.Options(eps, 50_000, 1e-9, true,
          10));
      double gap = Math.abs(r.cost() - exact);
      assertTrue(gap < previous, "gap " + gap + " at epsilon " + eps);
      previous = gap;
    }
    assertTrue(previous < 1e-4 * exact, "gap at 1e-4: " + previous);
  }

  @Test
  void nonConvergenceIsReported() {
    JsonObject c = OtFixtures.json("sinkhorn.json").getAsJsonArray("cases").get(2)
        .getAsJsonObject();
    LogCapture.Captured<OtResult> run = LogCapture.run(() -> Sinkhorn.solve(vector(c.get("a")),
        vector(c.get("b")), matrix(c.get("cost")), new Sinkhorn.Options(0.02, 20, 1e-12, false,
            10)));
    OtResult r = run.value();
    assertFalse(r.converged());
    assertTrue(run.log().contains("WARN") && run.log().contains("raise Options.maxIterations"),
        run.log());
    assertEquals(1, run.log().split("WARN", -1).length - 1, "exactly one warning");
    assertEquals(20, r.iterations());
    assertTrue(r.marginalError() > 1e-12);
  }

  @Test
  void forbiddenPairsGetNoMass() {
    double inf = Double.POSITIVE_INFINITY;
    double[][] cost = {{0, inf, 1}, {1, 0, inf}, {inf, 1, 0}};
    double[] w = Weights.uniform(3);
    OtResult r = Sinkhorn.solve(w, w, cost, new Sinkhorn.Options(0.05));
    assertTrue(r.converged());
    assertEquals(0, r.plan().get(0, 1));
    assertEquals(0, r.plan().get(1, 2));
    assertEquals(0, r.plan().get(2, 0));
    assertMarginals(r.plan(), w, w, 1e-9);
    assertTrue(Double.isFinite(r.cost()) && r.cost() < 0.05, "cost " + r.cost());
  }

  @Test
  void debiasedDivergenceMatchesReferenceAndVanishesOnItself() {
    JsonObject d = OtFixtures.json("sinkhorn.json").getAsJsonObject("divergence");
    double[][] x = matrix(d.get("x"));
    double[][] y = matrix(d.get("y"));
    Sinkhorn.Options o = new Sinkhorn.Options(d.get("epsilon").getAsDouble(), 100_000, 1e-12,
        true, 10);
    Sinkhorn.Divergence s = Sinkhorn.divergence(x, Weights.uniform(x.length), y,
        Weights.uniform(y.length), o);
    assertRel(d.get("value").getAsDouble(), s.value(), 1e-6, "Sinkhorn divergence");
    assertTrue(s.value() > 0);
    Sinkhorn.Divergence self = Sinkhorn.divergence(x, Weights.uniform(x.length), x,
        Weights.uniform(x.length), o);
    assertEquals(0, self.value(), 1e-12);
  }

  /** One worker thread and the common pool give bit-identical plans (fixed block order). */
  @Test
  void resultDoesNotDependOnThreads() throws Exception {
    double[][] cost = new double[200][150];
    Random rng = new Random(8);
    for (double[] row : cost) {
      for (int j = 0; j < row.length; j++) {
        row[j] = rng.nextDouble();
      }
    }
    double[] wa = Weights.uniform(200);
    double[] wb = Weights.uniform(150);
    Sinkhorn.Options o = new Sinkhorn.Options(0.05);
    OtResult common = Sinkhorn.solve(wa, wb, cost, o);
    java.util.concurrent.ForkJoinPool single = new java.util.concurrent.ForkJoinPool(1);
    try {
      OtResult one = single.submit(() -> Sinkhorn.solve(wa, wb, cost, o)).get();
      assertArrayEquals(((TransportPlan.Dense) common.plan()).values(),
          ((TransportPlan.Dense) one.plan()).values());
      assertEquals(common.cost(), one.cost(), 0);
    } finally {
      single.shutdown();
    }
  }

  @Test
  void rejectsBadInput() {
    assertMessage("epsilon = 0.0", () -> new Sinkhorn.Options(0));
    assertMessage("epsilon = -1.0", () -> new Sinkhorn.Options(-1));
    assertMessage("epsilon = NaN", () -> new Sinkhorn.Options(Double.NaN));
    assertMessage("checkEvery = 0", () -> new Sinkhorn.Options(1, 10, 1e-9, true, 0));
    double[] h = {.5, .5};
    assertMessage("cost[0][1] = NaN", () -> Sinkhorn.solve(h, h,
        new double[][] {{0, Double.NaN}, {1, 0}}, new Sinkhorn.Options(1)));
    assertMessage("weights a sum to 1.0 but b sums to 0.9", () -> Sinkhorn.solve(h,
        new double[] {.5, .4}, new double[][] {{0, 1}, {1, 0}}, new Sinkhorn.Options(1)));
  }
}
