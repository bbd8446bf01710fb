package lab.toy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ManifoldViewTest {

  private static ManifoldView.Result result;

  @BeforeAll
  static void runSmall() {
    result = ManifoldView.run(new ManifoldView.Options(800, 32, 0.02, 8, 3));
  }

  @Test
  void flatSetsOccupyTheirSubspace() {
    for (ManifoldView.SetView v : result.views()) {
      assertTrue(v.explainedTopD() > 0.97, v.id() + " top-d variance " + v.explainedTopD());
      assertTrue(v.subspaceResidual() < 0.05, v.id() + " residual " + v.subspaceResidual());
    }
  }

  @Test
  void isomapUnrollsTheRollAndPcaDoesNot() {
    ManifoldView.SetView roll = result.views().get(2);
    assertNotNull(roll.isomap());
    assertTrue(roll.chartR2Isomap() > 0.95, "Isomap chart R² " + roll.chartR2Isomap());
    assertTrue(roll.chartR2Pca() < roll.chartR2Isomap() - 0.1,
        "PCA chart R² " + roll.chartR2Pca() + " vs Isomap " + roll.chartR2Isomap());
    assertNull(result.views().get(0).isomap());
  }

  @Test
  void noiseShowsInTheSpectrum() {
    // large ambient noise spreads variance over all D directions
    ManifoldView.Result noisy = ManifoldView.run(new ManifoldView.Options(200, 32, 1.0, 10, 3));
    double moons = noisy.views().get(1).explainedTopD();
    assertTrue(moons < 0.5, "two moons under σ = 1 noise in R^32 still explain " + moons);
  }

  @Test
  void subspaceResidualOfAPerpendicularBasisIsOne() {
    smile.math.matrix.Matrix eye = smile.math.matrix.Matrix.eye(4);
    double[][] q = {{0}, {0}, {1}, {0}};
    assertEquals(1.0, ManifoldView.subspaceResidual(eye, q, 1), 1e-12);
    double[][] inside = {{1}, {0}, {0}, {0}};
    assertEquals(0.0, ManifoldView.subspaceResidual(eye, inside, 1), 1e-12);
  }

  @Test
  void intrinsicArcLengthGrowsLikeTheIntegral() {
    // s(t) = ∫₀ᵗ √(1+u²) du; at t = 0 it is 0, and ds/dt = √(1+t²)
    double t = 7.0;
    double[] a = ManifoldView.intrinsic(new double[] {t * Math.cos(t), 5, t * Math.sin(t)});
    double h = 1e-5;
    double[] b = ManifoldView.intrinsic(
        new double[] {(t + h) * Math.cos(t + h), 5, (t + h) * Math.sin(t + h)});
    assertEquals(Math.sqrt(1 + t * t), (b[0] - a[0]) / h, 1e-3);
    assertEquals(5.0, a[1], 1e-12);
  }

  @Test
  void badOptionsNameTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ManifoldView.Options(400, 2, 0.02, 10, 1));
    assertTrue(e.getMessage().contains("2"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new ManifoldView.Options(400, 64, -1, 10, 1));
    assertThrows(IllegalArgumentException.class,
        () -> new ManifoldView.Options(400, 64, 0.02, 400, 1));
    assertThrows(IllegalArgumentException.class,
        () -> new ManifoldView.Options(10, 64, 0.02, 5, 1));
  }

  @Test
  void resultHasItsNumbersTableAndFigures() {
    assertEquals(3 * 2 + 2, result.numbers().size());
    assertEquals(3, result.table().rowCount());
    assertTrue(result.figures().containsKey("swiss_roll_isomap"));
    assertTrue(result.figures().containsKey("spectrum"));
  }
}
