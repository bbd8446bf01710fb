package lab.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import lab.data.ImageSet;
import org.junit.jupiter.api.Test;

class PropertySurveyTest {

  static final PropertiesRow.Options SMALL = new PropertiesRow.Options(12, 6, 300, 3, 300, 60);

  /** A survey of the blobs with the identity as yardstick (M = pixel space). */
  static PropertySurvey survey(Blobs blobs) {
    return PropertySurvey.of(Encoder.identity(64), blobs.images(80, 11, "codes"),
        blobs.images(400, 12, "reference"), SMALL, 5);
  }

  /** G(z) = 0.3 + A z / 20 into 8 × 8 images, A a fixed 64 × 3 matrix: an affine generator. */
  static LatentGenerator affine() {
    double[][] a = Points.gaussian(64, 3, new Random(Synthetic.SEED));
    return new LatentGenerator() {
      @Override
      public String name() {
        return "affine";
      }

      @Override
      public int latentDim() {
        return 3;
      }

      @Override
      public double[][] decode(double[][] codes) {
        double[][] x = new double[codes.length][64];
        for (int i = 0; i < codes.length; i++) {
          for (int p = 0; p < 64; p++) {
            x[i][p] = 0.3 + Points.dot(a[p], codes[i]) / 20;
          }
        }
        return x;
      }
    };
  }

  /** n images of a generator of 8 × 8 images, codes from its prior. */
  static ImageSet images(LatentGenerator g, int n, long seed) {
    double[][] x = g.decode(g.sampleCodes(n, new Random(seed)));
    float[][] f = new float[n][64];
    for (int i = 0; i < n; i++) {
      for (int p = 0; p < 64; p++) {
        f[i][p] = (float) x[i][p];
      }
    }
    return new ImageSet(f, null, 8, 8, g.name() + " images");
  }

  @Test
  void anAffineGeneratorIsPerfectlyLinearAndADisentangledOneEditsCleanly() {
    LatentGenerator affine = affine();
    PropertySurvey a = PropertySurvey.of(Encoder.identity(64), images(affine, 80, 1),
        images(affine, 400, 2), SMALL, 5);
    PropertiesRow flat = a.generator(affine);
    assertEquals(0, flat.linearity().departure(), 1e-12);
    assertEquals(0, flat.linearity().pathRatio(), 1e-12);
    assertTrue(flat.ppl() > 0 && Double.isFinite(flat.ppl()), "PPL " + flat.ppl());

    Blobs blobs = new Blobs("blobs");
    PropertySurvey s = survey(blobs);

    PropertiesRow row = s.generator(blobs);
    assertEquals("blobs Z", row.space());
    assertEquals("identity (64-d)", row.m());
    assertTrue(row.linearity().departure() > 0, row.linearity().toString());
    LatentProperties.Disentanglement d = row.disentanglement();
    assertTrue(d.maxCosine() < 0.3, "one coordinate per attribute: " + d);
    assertTrue(d.meanEditSuccess() > 0.7, "edits mostly flip one attribute only: " + d);
    double share = row.convexity().share();
    assertTrue(share >= 0 && share <= 1, "convexity " + share);
  }

  @Test
  void standardisingMakesTheRowIndependentOfTheCodesScaleAndOffset() {
    Blobs blobs = new Blobs("blobs");
    PropertySurvey s = survey(blobs);
    LatentSpace z = LatentSpace.z(blobs);
    LatentSpace stretched = new LatentSpace("blobs Z", 3, (n, r) -> {
      double[][] c = z.sample(n, r);
      for (double[] row : c) {
        for (int q = 0; q < 3; q++) {
          row[q] = 10 * row[q] + 3;
        }
      }
      return c;
    }, c -> {
      double[][] back = new double[c.length][3];
      for (int i = 0; i < c.length; i++) {
        for (int q = 0; q < 3; q++) {
          back[i][q] = (c[i][q] - 3) / 10;
        }
      }
      return blobs.decode(back);
    });
    PropertiesRow a = s.space(z);
    PropertiesRow b = s.space(stretched);
    assertEquals(a.linearity().departure(), b.linearity().departure(), 1e-9);
    // edits of codes within rounding of a label's boundary may flip either way
    assertEquals(a.disentanglement().meanEditSuccess(),
        b.disentanglement().meanEditSuccess(), 0.01);
    assertEquals(a.disentanglement().separability(), b.disentanglement().separability(), 1e-6);
    assertEquals(a.convexity().share(), b.convexity().share(), 1e-9);
    assertTrue(Double.isNaN(a.ppl()));
  }

  @Test
  void theSharedCodesAreDecodedOnce() {
    Blobs blobs = new Blobs("blobs");
    PropertySurvey s = survey(blobs);
    int before = blobs.calls();
    s.space(LatentSpace.z(blobs));
    // one batch of codes (centring, disentanglement, convexity), one per linearity pair, one
    // per attribute edit, one of convex combinations
    assertEquals(1 + SMALL.pairs() + 3 + 1, blobs.calls() - before);
  }

  @Test
  void aSpaceWithoutDecoderIsMeasuredOnItsCodes() {
    Blobs blobs = new Blobs("blobs");
    PropertySurvey s = survey(blobs);
    PropertiesRow row = s.codesOnly(Encoder.identity(64));
    assertEquals("M = identity (64-d)", row.space());
    assertTrue(Double.isNaN(row.linearity().departure()));
    assertTrue(Double.isNaN(row.ppl()));
    assertTrue(Double.isNaN(row.disentanglement().meanEditSuccess()));
    assertTrue(row.disentanglement().separability() >= 1);
    for (double a : row.disentanglement().agreement()) {
      assertTrue(a >= 0 && a <= 1, "agreement " + a);
    }
    assertTrue(row.convexity().share() > 0.5, row.convexity().toString());

    // the blobs lie on a 3-d manifold of pixel space; shuffled pixels leave it
    PropertySurvey.Control c = s.shuffledControl(Encoder.identity(64));
    assertTrue(c.realValid() > 0.8, c.toString());
    assertTrue(c.shuffledValid() < c.realValid() - 0.5, c.toString());

    var t = PropertySurvey.table("blobs", List.of(row, s.space(LatentSpace.z(blobs))));
    assertEquals(2, t.rowCount());
    assertTrue(Double.isNaN(t.value(0, "departure")));
    double mean = 0;
    for (double a : row.disentanglement().agreement()) {
      mean += a / 3;
    }
    assertEquals(mean, t.value(0, "SVM agreement"), 1e-12);
    assertEquals(row.convexity().share(), t.value(0, "convexity"), 0);
  }

  @Test
  void badInputIsNamed() {
    Blobs blobs = new Blobs("blobs");
    ImageSet few = blobs.images(4, 1, "few");
    ImageSet many = blobs.images(50, 2, "many");
    var e = assertThrows(IllegalArgumentException.class,
        () -> PropertySurvey.of(Encoder.identity(64), few, many, SMALL, 1));
    assertTrue(e.getMessage().contains("4 code images"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> PropertySurvey.of(Encoder.identity(64), many, few.subset(new int[] {0, 1}, "2"),
            SMALL, 1));
    assertTrue(e.getMessage().contains("2 reference images"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> PropertySurvey.of(null, many, many, SMALL, 1));
  }
}
