package lab.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OperationsTest {

  /** A style generator with 3 layers: map(z) = 2z, sample = the layers' styles side by side. */
  static StyleGenerator layered() {
    return new StyleGenerator() {
      @Override
      public String name() {
        return "layered";
      }

      @Override
      public int latentDim() {
        return 2;
      }

      @Override
      public int layers() {
        return 3;
      }

      @Override
      public int styleDim() {
        return 2;
      }

      @Override
      public double[][] map(double[][] codes) {
        double[][] w = new double[codes.length][2];
        for (int i = 0; i < codes.length; i++) {
          w[i][0] = 2 * codes[i][0] + 1;
          w[i][1] = 2 * codes[i][1];
        }
        return w;
      }

      @Override
      public double[][] synthesise(double[][][] styles) {
        int n = styles[0].length;
        double[][] x = new double[n][6];
        for (int i = 0; i < n; i++) {
          for (int l = 0; l < 3; l++) {
            x[i][2 * l] = styles[l][i][0];
            x[i][2 * l + 1] = styles[l][i][1];
          }
        }
        return x;
      }
    };
  }

  @Test
  void lerpSlerpTruncateAndEdit() {
    double[][] a = {{1, 0}};
    double[][] b = {{0, 2}};
    assertArrayEquals(new double[] {0.5, 1}, LatentOps.lerp(a, b, 0.5)[0], 1e-15);
    assertArrayEquals(new double[] {-0.5, 3}, LatentOps.lerp(a, b, 1.5)[0], 1e-15);
    double[] mid = LatentOps.slerp(a, b, 0.5)[0];
    assertEquals(1.5, Points.norm(mid), 1e-12);
    assertEquals(mid[0] * 1, mid[1] * 1, 1e-12);
    assertArrayEquals(b[0], LatentOps.slerp(a, b, 1)[0], 1e-12);
    assertArrayEquals(new double[] {1, 1}, LatentOps.truncate(new double[][] {{3, 5}},
        new double[] {1, 1}, 0)[0], 1e-15);
    double[] n = {0.6, 0.8};
    double[] e = LatentOps.edit(new double[][] {{2, -1}}, n, 1.5)[0];
    assertEquals(1.5, Points.dot(e, n), 1e-12);
    assertEquals(2 * 0.8 - (-1) * 0.6, e[0] * 0.8 - e[1] * 0.6, 1e-12);
  }

  @Test
  void operationsYieldSeededSampleSets() {
    LatentGenerator g = PropertiesTest.affine();
    for (Operation op : new Operation[] {new Operation.Sample(), new Operation.Interpolate(),
        new Operation.Extrapolate(1.5), new Operation.Truncate(0.7),
        new Operation.Edit("a", new double[] {1, 0, 0}, -2)}) {
      SampleSet s = op.apply(g, 20, 4);
      SampleSet t = op.apply(g, 20, 4);
      assertEquals(20, s.size());
      assertEquals(6, s.samples()[0].length);
      assertArrayEquals(s.samples()[7], t.samples()[7], op.label());
      assertEquals(op.label(), s.operation());
    }
    SampleSet edited = new Operation.Edit("a", new double[] {1, 0, 0}, -2).apply(g, 5, 1);
    for (double[] z : edited.codes()) {
      assertEquals(-2, z[0], 1e-12);
    }
    SampleSet truncated = new Operation.Truncate(0).apply(g, 3, 1);
    assertArrayEquals(new double[3], truncated.codes()[2], 0);
  }

  @Test
  void styleMixingTakesCoarseLayersFromTheFirstCode() {
    StyleGenerator g = layered();
    SampleSet mixed = new Operation.StyleMix(1).apply(g, 10, 2);
    double[][] w1 = g.map(mixed.codes());
    for (int i = 0; i < 10; i++) {
      assertEquals(w1[i][0], mixed.samples()[i][0], 1e-12);
      assertEquals(mixed.samples()[i][2], mixed.samples()[i][4], 1e-12);
      assertTrue(Math.abs(mixed.samples()[i][0] - mixed.samples()[i][2]) > 1e-9);
    }
    SampleSet trunc = new Operation.Truncate(0).apply(g, 4, 2);
    assertEquals(1, trunc.samples()[0][0], 0.15);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Operation.StyleMix(3).apply(g, 4, 1));
    assertTrue(e.getMessage().contains("has 3 layers"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new Operation.StyleMix(1).apply(PropertiesTest.affine(), 4, 1));
    assertTrue(e.getMessage().contains("needs a StyleGenerator"), e.getMessage());
  }

  @Test
  void imagesBecomeCodelessSampleSetsWithTheirLabels() {
    float[][] x = {{0f, 0.25f, 0.5f, 1f}, {1f, 0.75f, 0.5f, 0f}};
    SampleSet s = SampleSet.of("classic augmentation", "shift", new lab.data.ImageSet(x,
        new int[] {3, 7}, 2, 2, "two"));
    assertEquals(2, s.size());
    assertEquals(null, s.codes());
    assertArrayEquals(new double[] {1, 0.75, 0.5, 0}, s.samples()[1], 0);
    assertArrayEquals(new int[] {3, 7}, s.labels());
    assertEquals("classic augmentation / shift", s.toPointSet().name());
    assertThrows(IllegalArgumentException.class, () -> SampleSet.of("a", "b", null));
  }

  @Test
  void parametersAreChecked() {
    assertThrows(IllegalArgumentException.class, () -> new Operation.Extrapolate(1));
    assertThrows(IllegalArgumentException.class, () -> new Operation.Truncate(1.2));
    assertThrows(IllegalArgumentException.class, () -> new Operation.StyleMix(0));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Operation.Edit("a", new double[] {1, 1}, 1));
    assertTrue(e.getMessage().contains("unit vector"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new Operation.Sample().apply(PropertiesTest.affine(), 0, 1));
  }

  @Test
  void attributeDirectionFindsTheSeparatingNormal() {
    double[][] z = Points.gaussian(2000, 3, new java.util.Random(1));
    double[] scores = new double[z.length];
    for (int i = 0; i < z.length; i++) {
      scores[i] = 0.6 * z[i][0] - 0.8 * z[i][2];
    }
    AttributeDirection d = AttributeDirection.fit("a", z, scores);
    assertEquals(1, Points.dot(d.normal(), new double[] {0.6, 0, -0.8}), 0.02);
    assertTrue(d.agreement() > 0.95, d.toString());
    assertEquals(40, d.extremes());
    AttributeDirection other = new AttributeDirection("b", new double[] {1, 0, 0}, 0, 1, 1);
    AttributeDirection cond = d.conditionedOn(other);
    assertEquals(0, cond.normal()[0], 1e-12);
    assertEquals(1, Points.norm(cond.normal()), 1e-12);
  }
}
