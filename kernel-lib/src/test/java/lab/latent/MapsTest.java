package lab.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import lab.data.PointSet;
import org.junit.jupiter.api.Test;

class MapsTest {

  @Test
  void ridgeMapRecoversAnAffineImageAndCarriesMidpoints() {
    LatentSpace z = LatentSpace.z(PropertiesTest.affine());
    Encoder e = Encoder.linear("first 4", new double[][] {{1, 0, 0, 0, 0, 0},
        {0, 1, 0, 0, 0, 0}, {0, 0, 1, 0, 0, 0}, {0, 0, 0, 1, 0, 0}}, new double[4]);
    LatentMap f = LatentMap.fit(z, e, 200, 1e-9, 3);
    assertEquals(1, f.trainR2(), 1e-9);
    assertEquals(1, f.heldOutR2(), 1e-9);
    double[][] a = z.sample(5, new Random(1));
    double[][] b = z.sample(5, new Random(2));
    double[][] mid = LatentOps.lerp(a, b, 0.5);
    double[][] viaMap = LatentOps.lerp(f.apply(a), f.apply(b), 0.5);
    double[][] image = LatentMap.image(z, e, mid);
    for (int i = 0; i < 5; i++) {
      assertArrayEquals(image[i], viaMap[i], 1e-7);
    }
  }

  @Test
  void ridgeMapOfACurvedImageFitsWorse() {
    LatentSpace curved = new LatentSpace("curved", 2, (n, r) -> Points.gaussian(n, 2, r),
        c -> {
          double[][] x = new double[c.length][];
          for (int i = 0; i < c.length; i++) {
            x[i] = new double[] {c[i][0], c[i][0] * c[i][0] + c[i][1] * c[i][1]};
          }
          return x;
        });
    LatentMap f = LatentMap.fit(curved, Encoder.identity(2), 400, LatentMap.LAMBDA, 3);
    assertTrue(f.heldOutR2() < 0.8, f.toString());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LatentMap.fit(new double[][] {{1}}, new double[][] {{1}, {2}}, 0, "x"));
    assertTrue(e.getMessage().contains("1 codes but 2 points"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> LatentMap.fit(new double[][] {{1}}, new double[][] {{1}}, -1, "x"));
  }

  @Test
  void linearEncoderChecksItsInput() {
    Encoder e = Encoder.linear("sum", new double[][] {{1, 1}}, new double[] {0.5});
    assertArrayEquals(new double[] {3.5}, e.encode(new double[][] {{1, 2}})[0], 0);
    PointSet p = e.encode(new PointSet(new double[][] {{1, 2}}, new int[] {4}, "x"));
    assertEquals(4, p.labels()[0]);
    assertThrows(IllegalArgumentException.class, () -> e.encode(new double[][] {{1, 2, 3}}));
    assertThrows(IllegalArgumentException.class,
        () -> Encoder.linear("bad", new double[][] {{1, 1}}, new double[2]));
  }

  @Test
  void inversionRecoversCodesFromAZeroGuess() {
    Random r = new Random(4);
    double[][] a = Points.gaussian(10, 3, r);
    Differentiable g = new Differentiable() {
      @Override
      public int latentDim() {
        return 3;
      }

      @Override
      public double[][] decode(double[][] codes) {
        double[][] x = new double[codes.length][10];
        for (int i = 0; i < codes.length; i++) {
          for (int p = 0; p < 10; p++) {
            x[i][p] = Math.tanh(Points.dot(a[p], codes[i]));
          }
        }
        return x;
      }

      @Override
      public double[][] pullback(double[][] codes, double[][] upstream) {
        double[][] out = new double[codes.length][3];
        for (int i = 0; i < codes.length; i++) {
          for (int p = 0; p < 10; p++) {
            double t = Math.tanh(Points.dot(a[p], codes[i]));
            double s = upstream[i][p] * (1 - t * t);
            for (int k = 0; k < 3; k++) {
              out[i][k] += s * a[p][k];
            }
          }
        }
        return out;
      }
    };
    double[][] truth = Points.gaussian(6, 3, r);
    for (double[] row : truth) {
      for (int k = 0; k < 3; k++) {
        row[k] *= 0.4;
      }
    }
    double[][] targets = g.decode(truth);
    Inversion.Result res = Inversion.invert(g, targets, x -> new double[x.length][3],
        new Inversion.Options(1500, 0.02, 0));
    assertTrue(res.meanFinalLoss() < 1e-6 * res.meanInitialLoss(), res.meanFinalLoss() + "");
    for (int i = 0; i < truth.length; i++) {
      assertArrayEquals(truth[i], res.codes()[i], 1e-2);
    }
    assertThrows(IllegalArgumentException.class, () -> new Inversion.Options(0, 0.1, 0));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Inversion.invert(g, targets, x -> new double[x.length][2],
            Inversion.Options.defaults()));
    assertTrue(e.getMessage().contains("expected 6 × 3"), e.getMessage());
  }
}
