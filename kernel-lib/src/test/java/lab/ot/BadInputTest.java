package lab.ot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad inputs of the public OT API: each must fail with a message naming input and value. */
class BadInputTest {

  private static final double INF = Double.POSITIVE_INFINITY;
  private static final double[] HALF = {.5, .5};
  private static final double[][] SWAP = {{1, 0}, {0, 1}};

  private static void assertMessage(Class<? extends Throwable> type, Executable call,
      String... parts) {
    Throwable e = assertThrows(type, call);
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), "message lacks '" + part + "': "
          + e.getMessage());
    }
  }

  @Test
  void weightsNegativeNanUnequalOrOverflowing() {
    assertMessage(IllegalArgumentException.class,
        () -> NetworkSimplex.solve(new double[] {1.5, -.5}, HALF, SWAP), "a[1] = -0.5", ">= 0");
    assertMessage(IllegalArgumentException.class,
        () -> Sinkhorn.solve(HALF, new double[] {Double.NaN, 1}, SWAP, new Sinkhorn.Options(1)),
        "b[0] = NaN");
    assertMessage(IllegalArgumentException.class,
        () -> NetworkSimplex.solve(new double[] {.5, .6}, HALF, SWAP), "sum to 1.1",
        "b sums to 1.0");
    // finite weights whose total overflows used to be divided by +Infinity into all-zero weights
    double[] huge = {1e308, 1e308};
    assertMessage(IllegalArgumentException.class,
        () -> NetworkSimplex.solve(huge, huge, SWAP), "sum to Infinity", "finite total");
    assertMessage(IllegalArgumentException.class,
        () -> NetworkSimplex.solve(new double[0], new double[0], new double[0][0]), "empty");
    assertMessage(IllegalArgumentException.class, () -> Weights.of(null), "null");
  }

  /** O1 for Sinkhorn: float-rounded weights still give rows summing to .2. */
  @Test
  void floatRoundedWeightsInSinkhorn() {
    double[] a = Weights.of(new float[] {.2f, .2f, .2f, .2f, .2f});
    double[][] cost = new double[5][5];
    for (int i = 0; i < 5; i++) {
      for (int j = 0; j < 5; j++) {
        cost[i][j] = (i - j) * (i - j);
      }
    }
    OtResult r = Sinkhorn.solve(a, Weights.uniform(5), cost, new Sinkhorn.Options(0.05));
    for (double s : r.plan().rowSums()) {
      assertEquals(0.2, s, 1e-8);
    }
    assertTrue(r.cost() < 1e-3, "cost " + r.cost());
  }

  @Test
  void shapeMismatches() {
    assertMessage(IllegalArgumentException.class,
        () -> NetworkSimplex.solve(HALF, HALF, new double[][] {{1, 0, 3}, {0, 1, 3}}),
        "row 0 has 3 columns", "expected m = 2");
    assertMessage(IllegalArgumentException.class,
        () -> Sinkhorn.solve(new double[] {1}, HALF, SWAP, new Sinkhorn.Options(1)),
        "2 rows", "expected n = 1");
    assertMessage(IllegalArgumentException.class,
        () -> Costs.squaredEuclidean(new double[][] {{0, 0}}, new double[][] {{0}}),
        "y row 0 has dimension 1", "expected 2");
    assertMessage(IllegalArgumentException.class,
        () -> OneDimensional.wasserstein(new double[] {1, 0}, new double[] {.1, .9, 0},
            new double[] {0}, new double[] {1}, 1), "a have length 3", "expected 2");
    assertMessage(IllegalArgumentException.class,
        () -> Sinkhorn.divergence(new double[][] {{0}, {1}}, new double[] {1},
            new double[][] {{0}}, new double[] {1}, new Sinkhorn.Options(1)),
        "a have length 1", "expected 2");
  }

  @Test
  void nanAndInfiniteCosts() {
    assertMessage(IllegalArgumentException.class,
        () -> NetworkSimplex.solve(HALF, HALF, new double[][] {{Double.NaN, 0}, {0, 0}}),
        "cost[0][0] = NaN");
    assertMessage(IllegalArgumentException.class,
        () -> Sinkhorn.solve(HALF, HALF, new double[][] {{-INF, 0}, {0, 0}},
            new Sinkhorn.Options(1)), "cost[0][0] = -Infinity");
    // finite points whose squared distance overflows used to become a silent forbidden pair
    assertMessage(IllegalArgumentException.class,
        () -> Costs.squaredEuclidean(new double[][] {{1e200}}, new double[][] {{-1e200}}),
        "x[0] and y[0] = Infinity", "finite cost");
    // finite costs that overflow the big-M start used to be reported as forbidden pairs
    assertMessage(IllegalArgumentException.class,
        () -> NetworkSimplex.solve(HALF, HALF, new double[][] {{1e308, 0}, {0, 1e308}}),
        "max|C| = 1.0E308");
    // and gave Sinkhorn a cost of 0 with a NaN marginal error
    assertMessage(ArithmeticException.class,
        () -> Sinkhorn.solve(HALF, HALF, new double[][] {{1e308, -1e308}, {-1e308, 1e308}},
            new Sinkhorn.Options(0.1)), "epsilon 0.1");
  }

  /** Forbidden pairs that admit no plan: Sinkhorn used to return cost 0 and a NaN plan. */
  @Test
  void forbiddenPairsWithoutAFeasiblePlan() {
    double[][] rowForbidden = {{INF, INF}, {0, 0}};
    double[][] hall = {{0, INF}, {0, 0}};
    double[] a = {.9, .1};
    for (double[][] c : new double[][][] {rowForbidden, hall}) {
      double[] src = c == hall ? a : HALF;
      assertMessage(NetworkSimplex.InfeasibleTransportException.class,
          () -> NetworkSimplex.solve(src, HALF, c), "no feasible transport plan");
      for (boolean scaling : new boolean[] {false, true}) {
        assertMessage(NetworkSimplex.InfeasibleTransportException.class,
            () -> Sinkhorn.solve(src, HALF, c, new Sinkhorn.Options(0.1, 1000, 1e-9, scaling,
                10)), "no feasible transport plan");
      }
    }
    // a feasible pattern with forbidden pairs still solves
    OtResult r = Sinkhorn.solve(HALF, HALF, new double[][] {{INF, 1}, {1, INF}},
        new Sinkhorn.Options(0.1));
    assertEquals(0, r.plan().get(0, 0));
    assertEquals(.5, r.plan().get(0, 1), 1e-9);
    assertEquals(1.0, r.cost(), 1e-9);
  }

  @Test
  void epsilonAndToleranceOutOfRange() {
    for (double eps : new double[] {0, -1, Double.NaN, INF, Double.MIN_VALUE}) {
      assertMessage(IllegalArgumentException.class, () -> new Sinkhorn.Options(eps),
          "epsilon = " + eps);
    }
    assertMessage(IllegalArgumentException.class,
        () -> new Sinkhorn.Options(1, 10, INF, false, 1), "tolerance = Infinity");
    assertMessage(IllegalArgumentException.class,
        () -> new Sinkhorn.Options(1, 0, 1e-9, false, 1), "maxIterations = 0");
    assertMessage(IllegalArgumentException.class,
        () -> new SlicedWasserstein.Options(10, 0.5, 1), "p = 0.5");
  }

  /** Finite points whose distances overflow used to give W = Infinity silently. */
  @Test
  void oneDimensionalAndSlicedOverflow() {
    assertMessage(IllegalArgumentException.class,
        () -> OneDimensional.wasserstein(new double[] {1e308, -1e308}, HALF, new double[] {0},
            new double[] {1}, 2), "overflows to Infinity", "p = 2.0");
    assertMessage(IllegalArgumentException.class,
        () -> SlicedWasserstein.distance(new double[][] {{1e308, 1e308}, {-1e308, -1e308}},
            HALF, new double[][] {{0, 0}}, new double[] {1},
            new SlicedWasserstein.Options(10, 2, 1)), "overflows to Infinity");
  }

  @Test
  void resultDistanceAndSemiDiscreteOptions() {
    OtResult r = NetworkSimplex.solve(HALF, HALF, new double[][] {{4, 9}, {9, 4}});
    assertEquals(2.0, r.distance(2), 1e-12);
    for (double p : new double[] {0, -1, Double.NaN}) {
      assertMessage(IllegalArgumentException.class, () -> r.distance(p), "p = " + p);
    }
    assertMessage(IllegalArgumentException.class,
        () -> SemiDiscrete.solve(new double[][] {{0, 0}}, new double[] {1}, null),
        "options are null");
    assertMessage(IllegalArgumentException.class,
        () -> SemiDiscrete.solve(new double[][] {{0, Double.NaN}}, new double[] {1},
            new SemiDiscrete.Options()), "targets[0][1] = NaN");
  }

  @Test
  void gaussiansRejectOverflowAndEmptyDimension() {
    double[] m = {0};
    // Tr S1 + Tr S2 overflowed and Math.max(NaN, 0) returned NaN
    assertMessage(IllegalArgumentException.class,
        () -> Gaussians.w2(m, new double[][] {{1e308}}, m, new double[][] {{1e308}}),
        "overflows");
    assertMessage(IllegalArgumentException.class,
        () -> Gaussians.moments(new double[][] {{}, {}}), "dimension 0");
    assertMessage(IllegalArgumentException.class,
        () -> Gaussians.moments(new double[][] {{1, 2}}), "1 rows", "at least 2");
  }
}
