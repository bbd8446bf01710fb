package lab.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import lab.data.ImageSet;
import lab.gan.StyleConfig;
import lab.gan.StyleGan;
import lab.metrics.FeatureExtractor;
import org.junit.jupiter.api.Test;

class StyleMixingTest {

  /**
   * A stand-in classifier: features are the mean intensities of the four quadrants; the class
   * is the brightest quadrant (or always 0 when {@code constant}).
   */
  static FeatureExtractor quadrants(boolean constant) {
    return new FeatureExtractor() {
      @Override
      public String name() {
        return constant ? "constant" : "quadrants";
      }

      @Override
      public int dim() {
        return 4;
      }

      @Override
      public int classes() {
        return 4;
      }

      @Override
      public Output extract(ImageSet images) {
        double[][] f = new double[images.size()][4];
        double[][] p = new double[images.size()][4];
        for (int i = 0; i < f.length; i++) {
          float[] x = images.images()[i];
          for (int r = 0; r < 28; r++) {
            for (int c = 0; c < 28; c++) {
              f[i][(r / 14) * 2 + c / 14] += x[r * 28 + c] / 196.0;
            }
          }
          int best = 0;
          for (int q = 1; q < 4; q++) {
            best = f[i][q] > f[i][best] ? q : best;
          }
          p[i][constant ? 0 : best] = 1;
        }
        return new Output(f, p);
      }
    };
  }

  @Test
  void sharesAndDistancesOfEveryCrossover() {
    try (StyleGan model = new StyleGan(StyleConfig.images().conditional(10), 3)) {
      StyleMixing m = StyleMixing.measure(model, "untrained", quadrants(false), 12, 1);
      assertEquals(model.styleLayers() - 1, m.crossovers().size());
      assertTrue(m.informative() >= 0 && m.informative() <= 12);
      for (StyleMixing.Crossover c : m.crossovers()) {
        if (m.informative() > 0) {
          assertTrue(c.followsCoarse() >= 0 && c.followsFine() >= 0
              && c.followsCoarse() + c.followsFine() <= 1 + 1e-12, c.toString());
        }
        assertTrue(c.distanceToCoarse() >= 0 && c.distanceToFine() >= 0, c.toString());
      }
      assertEquals(model.styleLayers() - 1, m.table().rowCount());

      // a classifier that sees one class only: no informative pair, shares not defined
      StyleMixing none = StyleMixing.measure(model, "untrained", quadrants(true), 4, 1);
      assertEquals(0, none.informative());
      assertTrue(Double.isNaN(none.crossovers().get(0).followsCoarse()));

      var grid = LatentFigures.styleMixGrid(model, "untrained", 0, 2, 2, 3, null, 1);
      assertEquals(3, grid.rows());
      assertEquals(4, grid.cols());
      assertThrows(IllegalArgumentException.class,
          () -> LatentFigures.styleMixGrid(model, "untrained", 2, 2, 2, 3, null, 1));
      assertThrows(IllegalArgumentException.class,
          () -> StyleMixing.measure(model, "untrained", quadrants(false), 0, 1));
    }
  }

  @Test
  void mixTakesCoarseLayersFromTheFirstSource() {
    double[][] a = {{1}};
    double[][] b = {{2}};
    double[][][] s = StyleMixing.mix(a, b, 2, 4);
    assertSame(a, s[0]);
    assertSame(a, s[1]);
    assertSame(b, s[2]);
    assertSame(b, s[3]);
  }
}
