package lab.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import lab.data.PointSet;
import org.junit.jupiter.api.Test;

class DistancesTest {

  @Test
  void exactW2InOneDimensionIsTheSortedMatching() {
    double[][] x = {{0.3}, {-1.2}, {2.5}, {0.0}};
    double[][] y = {{1.0}, {0.1}, {-0.4}, {3.0}};
    double[] xs = Arrays.stream(x).mapToDouble(r -> r[0]).sorted().toArray();
    double[] ys = Arrays.stream(y).mapToDouble(r -> r[0]).sorted().toArray();
    double s = 0;
    for (int i = 0; i < 4; i++) {
      s += (xs[i] - ys[i]) * (xs[i] - ys[i]) / 4;
    }
    MeasureDistance.Distance d = Distances.exact().between(x, y);
    assertEquals(Math.sqrt(s), d.value(), 1e-12);
    assertEquals(4, d.n());
    assertTrue(d.solver().contains("network simplex"), d.solver());
  }

  @Test
  void aSetAndItsUnionWithCopiesAreTheSameMeasure() {
    PointSet[] p = Synthetic.parts(3, 2, 4, 30, 50);
    double[][] x = p[0].points();
    double[][] twice = Points.concat(x, x);
    for (MeasureDistance w : new MeasureDistance[] {Distances.exact(), Distances.gaussian(),
        Distances.sliced(30, 1)}) {
      assertEquals(w.between(x, p[1].points()).value(), w.between(twice, p[1].points()).value(),
          1e-9, w.between(x, x).solver());
    }
  }

  @Test
  void autoNamesTheSolverItUsed() {
    PointSet[] p = Synthetic.parts(3, 2, 4, 30, 50);
    MeasureDistance auto = Distances.auto(30L * 50, Distances.sliced(20, 0));
    assertTrue(auto.between(p[0].points(), p[1].points()).solver().startsWith("exact"));
    MeasureDistance.Distance big = auto.between(p[1].points(), p[1].points());
    assertEquals("sliced W2 (20 directions)", big.solver());
    assertEquals(0, big.value(), 1e-12);
    assertTrue(Distances.auto().between(p[0].points(), p[1].points()).solver()
        .startsWith("exact"));
  }

  @Test
  void dimensionsMustAgree() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Distances.exact().between(new double[][] {{1, 2}}, new double[][] {{1}}));
    assertTrue(e.getMessage().contains("x is 1 × 2 but y is 1 × 1"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new MeasureDistance.Distance(Double.NaN, "x", 1, 1));
  }

  @Test
  void aPivotCapThatStopsTheSolverIsNamed() {
    PointSet[] p = Synthetic.parts(3, 2, 4, 30, 50);
    MeasureDistance.Distance d = Distances.exact(3).between(p[0].points(), p[1].points());
    assertTrue(d.solver().contains("NOT converged after 3 pivots"), d.solver());
    assertThrows(IllegalArgumentException.class, () -> Distances.exact(0));
  }
}
