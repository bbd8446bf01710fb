package lab.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad inputs of the latent operations, LSFAS parts and attribute directions. */
class BadInputTest {

  private static void assertMessage(Executable call, String... parts) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), "message lacks '" + part + "': "
          + e.getMessage());
    }
  }

  /** Opposite rows used to give NaN at t = .5 and the unchanged first row at t = .3. */
  @Test
  void slerpOfOppositeRowsIsAnError() {
    double[][] a = {{1, 2}, {1, 0}};
    double[][] b = {{-1, -2}, {0, 1}};
    for (double t : new double[] {0.3, 0.5}) {
      assertMessage(() -> LatentOps.slerp(a, b, t), "row 0", "opposite directions");
    }
    // a quarter turn still works
    double[] mid = LatentOps.slerp(new double[][] {a[1]}, new double[][] {b[1]}, 0.5)[0];
    assertArrayEquals(new double[] {Math.sqrt(.5), Math.sqrt(.5)}, mid, 1e-12);
    assertMessage(() -> LatentOps.slerp(a, b, Double.NaN), "slerp t is NaN");
    assertMessage(() -> LatentOps.slerp(a, b, 1.5), "slerp t is 1.5", "0 ≤ t ≤ 1");
    assertMessage(() -> LatentOps.lerp(a, b, Double.POSITIVE_INFINITY), "lerp t is Infinity");
  }

  /** NaN or missing parameters used to give NaN codes or a NullPointerException. */
  @Test
  void truncateEditAndShiftCheckTheirParameters() {
    double[][] z = {{1, 2}};
    assertMessage(() -> LatentOps.truncate(z, null, .5), "truncation centre is null");
    assertMessage(() -> LatentOps.truncate(z, new double[] {Double.NaN, 0}, .5),
        "truncation centre", "NaN");
    assertMessage(() -> LatentOps.truncate(z, new double[] {0, 0}, Double.NaN),
        "truncation ψ is NaN");
    assertMessage(() -> LatentOps.edit(z, new double[] {Double.NaN, 0}, 1),
        "edit direction", "NaN");
    assertMessage(() -> LatentOps.edit(z, new double[] {0, 0}, 1), "norm 0.0", "unit");
    assertMessage(() -> LatentOps.edit(z, new double[] {1, 0}, Double.NaN), "edit α is NaN");
    assertMessage(() -> LatentOps.shift(z, new double[] {1, 0, 0}, new double[] {1}),
        "length 3", "2 columns");
    assertMessage(() -> LatentOps.shift(z, new double[] {1, 0}, new double[0]),
        "steps have length 0", "1 codes");
    assertArrayEquals(new double[] {3, 2},
        LatentOps.shift(z, new double[] {1, 0}, new double[] {2})[0]);
  }

  /** NaN scores were sorted to the top; equal scores gave an arbitrary direction. */
  @Test
  void attributeDirectionNeedsFiniteDistinctScores() {
    Random r = new Random(1);
    double[][] codes = new double[40][3];
    double[] scores = new double[40];
    for (int i = 0; i < 40; i++) {
      for (int k = 0; k < 3; k++) {
        codes[i][k] = r.nextGaussian();
      }
      scores[i] = codes[i][0];
    }
    double[] nan = scores.clone();
    nan[3] = Double.NaN;
    assertMessage(() -> AttributeDirection.fit("x", codes, nan, 0.25), "score 3 is NaN");
    assertMessage(() -> AttributeDirection.fit("x", codes, new double[40], 0.25),
        "attribute 'x'", "extremes to differ");
    AttributeDirection d = AttributeDirection.fit("x", codes, scores, 0.25);
    assertTrue(d.normal()[0] > 0.9, "normal " + d.normal()[0]);
  }

  @Test
  void lsfasPartsRejectInfiniteAndNan() {
    assertMessage(() -> Lsfas.qIs(Double.POSITIVE_INFINITY, 2), "IS(S) = Infinity");
    assertMessage(() -> Lsfas.qIs(2, 1), "IS(R_te) = 1.0");
    assertMessage(() -> Lsfas.qFid(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY),
        "FID(R_fr, R_te) = Infinity");
    assertMessage(() -> Lsfas.composite(Double.NaN, 1, 1, Lsfas.Weights.equal()),
        "q_IS = NaN");
    assertMessage(() -> Distances.exact().between(new double[][] {{0, 0}},
        new double[][] {{1}}), "1 × 2", "1 × 1");
    assertMessage(() -> Distances.sliced(10, 1).between(new double[][] {{0, Double.NaN}},
        new double[][] {{1, 1}}), "NaN");
  }
}
