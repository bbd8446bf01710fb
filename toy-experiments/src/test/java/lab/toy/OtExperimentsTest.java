package lab.toy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import lab.ot.Gaussians;
import org.junit.jupiter.api.Test;

class OtExperimentsTest {

  @Test
  void closedFormOnTheLineMatchesTheExactSolver() {
    OneDimensionalCheck.Result r = OneDimensionalCheck.run(
        new OneDimensionalCheck.Options(new int[] {20, 60}, new double[] {1, 2.5}, 4));
    assertEquals(4, r.rows().size());
    assertTrue(r.maxRelativeGap() < 1e-9, "gap " + r.maxRelativeGap());
    assertTrue(r.numbers().containsKey("p2.5.exact_cost"), r.numbers().toString());
    assertEquals(2, r.figures().size());
  }

  @Test
  void sinkhornGapShrinksWithEpsilonWithinItsBound() {
    SinkhornLimit.Result r = SinkhornLimit.run(
        new SinkhornLimit.Options(60, new double[] {1, 0.1, 0.01}, 5000, 2));
    for (int k = 0; k < 3; k++) {
      double gap = r.gap(k);
      assertTrue(gap > -1e-6, "ε = " + r.steps().get(k).epsilon() + ": gap " + gap);
      assertTrue(gap <= r.bound(k) + 1e-6, "gap " + gap + " above ε log n = " + r.bound(k));
    }
    assertTrue(r.gap(2) < r.gap(1) && r.gap(1) < r.gap(0));
    assertTrue(r.gap(2) / r.exact().cost() < 0.05, "relative gap " + r.gap(2));
  }

  @Test
  void samplesOfTwoGaussiansApproachTheClosedForm() {
    GaussianLink.Result r = GaussianLink.run(
        new GaussianLink.Options(new int[] {30, 300}, 2, 5));
    double closed = r.closedForm();
    assertTrue(Math.abs(r.largest().frechetMean() - closed) / closed < 0.1);
    assertTrue(Math.abs(r.largest().empiricalMean() - closed) / closed < 0.1);
    // the Brenier map carries the first sample onto the second Gaussian's moments
    Gaussians.Moments mapped = Gaussians.moments(r.mapped().points());
    double[][] s2 = GaussianLink.covariance(GaussianLink.A2);
    for (int i = 0; i < 2; i++) {
      assertEquals(GaussianLink.M2[i], mapped.mean()[i], 0.25);
      for (int j = 0; j < 2; j++) {
        assertEquals(s2[i][j], mapped.covariance()[i][j], 0.3);
      }
    }
  }

  @Test
  void closedFormOfCommutingCovariancesIsTheHandValue() {
    // diagonal covariances: W₂² = ‖m₁ − m₂‖² + Σ (√a_i − √b_i)²
    double[][] a = {{2, 0}, {0, 1}};
    double[][] b = {{1, 0}, {0, 3}};
    double w = Gaussians.w2Squared(GaussianLink.M1, GaussianLink.covariance(a), GaussianLink.M2,
        GaussianLink.covariance(b));
    assertEquals(10 + (2 - 1) * (2 - 1) + (1 - 3) * (1 - 3), w, 1e-10);
  }

  @Test
  void badOptionsAreRejectedWithTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new SinkhornLimit.Options(60, new double[] {0.1, 1}, 10, 1));
    assertTrue(e.getMessage().contains("decreasing"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new OneDimensionalCheck.Options(new int[] {10}, new double[] {0.5}, 1));
    assertThrows(IllegalArgumentException.class,
        () -> new GaussianLink.Options(new int[] {10, 5}, 3, 1));
    assertThrows(IllegalArgumentException.class,
        () -> new GaussianLink.Options(new int[] {10}, 1, 1));
  }
}
