package lab.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.util.Random;
import java.util.function.Function;
import lab.metrics.PerceptualPathLength.Options;
import lab.metrics.PerceptualPathLength.Sampling;
import lab.metrics.PerceptualPathLength.Space;
import org.junit.jupiter.api.Test;

class PerceptualPathLengthTest {

  /** A linear generator x = A w, 6 outputs from 4 latents. */
  private static final double[][] A = new double[6][4];

  static {
    Random rng = new Random(6);
    for (double[] row : A) {
      for (int j = 0; j < 4; j++) {
        row[j] = rng.nextGaussian();
      }
    }
  }

  private static double[] apply(double[] w) {
    double[] x = new double[A.length];
    for (int i = 0; i < A.length; i++) {
      for (int j = 0; j < w.length; j++) {
        x[i] += A[i][j] * w[j];
      }
    }
    return x;
  }

  private static final Function<double[][], double[][]> LINEAR = ws -> {
    double[][] out = new double[ws.length][];
    for (int i = 0; i < ws.length; i++) {
      out[i] = apply(ws[i]);
    }
    return out;
  };

  @Test
  void linearGeneratorInWGivesTheSquaredNormOfTheMappedStep() {
    Random rng = new Random(1);
    int n = 50;
    double[][] a = new double[n][4];
    double[][] b = new double[n][4];
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < 4; j++) {
        a[i][j] = rng.nextGaussian();
        b[i][j] = rng.nextGaussian();
      }
      t[i] = rng.nextDouble();
    }
    double[] l = PerceptualPathLength.distances(a, b, t, Space.W, LINEAR, 1e-4);
    for (int i = 0; i < n; i++) {
      double[] step = new double[4];
      for (int j = 0; j < 4; j++) {
        step[j] = b[i][j] - a[i][j];
      }
      double expected = 0;
      for (double v : apply(step)) {
        expected += v * v;
      }
      MetricsFixtures.close(expected, l[i], 1e-6, "path " + i);
    }
  }

  @Test
  void slerpInZMovesAtTheAngleBetweenTheEndPoints() {
    // Identity generator at t = 0: the speed of the slerp is the angle θ, so l = θ².
    Options o = new Options(200, 1e-4, Space.Z, Sampling.END, 0, 100, 3);
    PerceptualPathLength.Result r = PerceptualPathLength.ofEmbedding(5, z -> z, z -> z, o);
    Random rng = new Random(3);
    for (int i = 0; i < 200; i++) {
      double[] z0 = new double[5];
      double[] z1 = new double[5];
      for (int j = 0; j < 5; j++) {
        z0[j] = rng.nextGaussian();
      }
      for (int j = 0; j < 5; j++) {
        z1[j] = rng.nextGaussian();
      }
      rng.nextDouble();
      double dot = 0;
      double n0 = 0;
      double n1 = 0;
      for (int j = 0; j < 5; j++) {
        dot += z0[j] * z1[j];
        n0 += z0[j] * z0[j];
        n1 += z1[j] * z1[j];
      }
      double theta = Math.acos(dot / Math.sqrt(n0 * n1));
      MetricsFixtures.close(theta * theta, r.values()[i], 1e-3, "pair " + i);
    }
    assertEquals(200, r.kept());
  }

  @Test
  void wSpaceUsesTheMappingAndIsSeeded() {
    Options o = new Options().withSamples(300).in(Space.W);
    PerceptualPathLength.Result r1 = PerceptualPathLength.ofEmbedding(4,
        z -> LINEAR.apply(z), w -> w, o);
    PerceptualPathLength.Result r2 = PerceptualPathLength.ofEmbedding(4,
        z -> LINEAR.apply(z), w -> w, o);
    assertArrayEquals(r1.values(), r2.values());
    // Through the mapping or inside the embedding, a linear map gives the same lengths.
    PerceptualPathLength.Result r3 = PerceptualPathLength.ofEmbedding(4, z -> z, LINEAR, o);
    for (int i = 0; i < 300; i++) {
      MetricsFixtures.close(r3.values()[i], r1.values()[i], 1e-6, "pair " + i);
    }
    assertTrue(r1.kept() < 300 && r1.kept() >= 294, "1 % cut at each end: " + r1.kept());
    assertEquals(Sampling.FULL, r1.sampling());
  }

  @Test
  void percentileFilterMatchesNumpy() {
    JsonObject f = MetricsFixtures.json("ppl.json");
    double[] v = MetricsFixtures.vector(f.get("values"));
    PerceptualPathLength.Result r = PerceptualPathLength.filtered(v, new Options());
    assertEquals(f.get("low").getAsDouble(), r.low(), 0.0);
    assertEquals(f.get("high").getAsDouble(), r.high(), 0.0);
    assertEquals(f.get("kept").getAsInt(), r.kept());
    MetricsFixtures.close(f.get("mean").getAsDouble(), r.mean(), 1e-12, "filtered mean");
  }

  @Test
  void badOptionsAreNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Options(10, 0, Space.Z, Sampling.FULL, 1, 99, 0));
    assertTrue(e.getMessage().contains("epsilon is 0.0"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new Options(10, 1e-4, Space.Z, Sampling.FULL, 99, 1, 0));
    assertThrows(IllegalArgumentException.class,
        () -> PerceptualPathLength.distances(new double[2][2], new double[2][3], new double[2],
            Space.W, LINEAR, 1e-4));
  }
}
