package lab.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PropertiesTest {

  /** G(z) = A z + b with a fixed 6 × 3 matrix: an affine generator. */
  static LatentGenerator affine() {
    Random r = new Random(Synthetic.SEED);
    double[][] a = Points.gaussian(6, 3, r);
    double[] b = Points.gaussian(1, 6, r)[0];
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
        double[][] x = new double[codes.length][6];
        for (int i = 0; i < codes.length; i++) {
          for (int p = 0; p < 6; p++) {
            x[i][p] = Points.dot(a[p], codes[i]) + b[p];
          }
        }
        return x;
      }
    };
  }

  /** A latent space of dimension d whose decoder is the identity. */
  static LatentSpace identity(int d, double scale) {
    return new LatentSpace("identity " + d + "-d", d,
        (n, r) -> {
          double[][] z = Points.gaussian(n, d, r);
          for (double[] row : z) {
            for (int k = 0; k < d; k++) {
              row[k] *= scale;
            }
          }
          return z;
        }, z -> z);
  }

  @Test
  void anAffineMapIsLinearACurvedOneIsNot() {
    LatentProperties.Linearity lin = LatentProperties.linearity(
        LatentSpace.z(affine()), Encoder.identity(6), 50, 8, 1);
    assertEquals(0, lin.departure(), 1e-12);
    assertEquals(0, lin.pathRatio(), 1e-12);
    assertEquals(50, lin.pairs());

    LatentSpace curved = new LatentSpace("curved", 2, (n, r) -> Points.gaussian(n, 2, r),
        z -> {
          double[][] x = new double[z.length][];
          for (int i = 0; i < z.length; i++) {
            x[i] = new double[] {z[i][0], z[i][1], z[i][0] * z[i][0]};
          }
          return x;
        });
    LatentProperties.Linearity bent = LatentProperties.linearity(curved, Encoder.identity(3),
        50, 8, 1);
    assertTrue(bent.departure() > 0.05, bent.toString());
    assertTrue(bent.maxDeparture() >= bent.departure());
    assertTrue(bent.pathRatio() > 0, bent.toString());
    assertThrows(IllegalArgumentException.class, () -> LatentProperties.linearity(curved,
        Encoder.identity(3), 5, 1, 1));
  }

  /** Attribute scores: chosen linear functionals of the (identity-decoded) sample. */
  static Attributes attributes(double[]... directions) {
    return new Attributes() {
      @Override
      public List<String> names() {
        return java.util.stream.IntStream.range(0, directions.length)
            .mapToObj(a -> "a" + a).toList();
      }

      @Override
      public double[][] scores(double[][] samples) {
        double[][] s = new double[samples.length][directions.length];
        for (int i = 0; i < samples.length; i++) {
          for (int a = 0; a < directions.length; a++) {
            s[i][a] = 3 * Points.dot(directions[a], samples[i]);
          }
        }
        return s;
      }
    };
  }

  @Test
  void orthogonalAttributesAreSeparableAndEditableEntangledOnesAreNot() {
    LatentSpace z = identity(4, 1);
    LatentProperties.Disentanglement ortho = LatentProperties.disentanglement(z,
        attributes(new double[] {1, 0, 0, 0}, new double[] {0, 1, 0, 0}), 1000, 2, 3);
    assertTrue(ortho.maxCosine() < 0.1, ortho.toString());
    assertTrue(ortho.agreement()[0] > 0.95 && ortho.agreement()[1] > 0.95, ortho.toString());
    assertTrue(ortho.meanEditSuccess() > 0.95, ortho.toString());
    assertTrue(ortho.separability() < 1.5, "separability " + ortho.separability());

    double s = Math.sqrt(0.5);
    LatentProperties.Disentanglement tangled = LatentProperties.disentanglement(z,
        attributes(new double[] {1, 0, 0, 0}, new double[] {s, s, 0, 0}), 1000, 2, 3);
    assertTrue(tangled.maxCosine() > 0.6, tangled.toString());
    assertTrue(tangled.meanEditSuccess() < ortho.meanEditSuccess() - 0.2, tangled.toString());
    assertThrows(IllegalArgumentException.class, () -> LatentProperties.disentanglement(z,
        attributes(new double[] {1, 0, 0, 0}), 100, 0, 3));
  }

  @Test
  void aDiscIsConvexAnAnnulusIsNot() {
    LatentSpace plane = identity(2, 1.5);
    Validity disc = Validity.region("disc r ≤ 1.5", x -> Points.norm(x) <= 1.5);
    Validity annulus = Validity.region("annulus 1 ≤ r ≤ 2",
        x -> Points.norm(x) >= 1 && Points.norm(x) <= 2);
    LatentProperties.Convexity c = LatentProperties.convexity(plane, disc, 2000, 2000, 5);
    assertEquals(1.0, c.share());
    LatentProperties.Convexity a = LatentProperties.convexity(plane, annulus, 2000, 2000, 5);
    assertTrue(a.share() < 0.85, a.toString());
    assertTrue(a.validCodes() > 100);

    // the same disc through a confidence threshold: confidence 1 − r / 3 ≥ 0.5 ⇔ r ≤ 1.5
    Validity confident = Validity.confidence("1 − r/3", x -> 1 - Points.norm(x) / 3, 0.5);
    assertEquals(c.share(), LatentProperties.convexity(plane, confident, 2000, 2000, 5).share());
    assertEquals("1 − r/3 ≥ 0.5", confident.name());
  }

  @Test
  void convexityWithTheKnnManifoldOfRealPoints() {
    LatentSpace plane = identity(2, 1.5);
    Random r = new Random(9);
    double[][] discReal = new double[1500][];
    double[][] ringReal = new double[1500][];
    for (int i = 0; i < discReal.length; i++) {
      double t = 2 * Math.PI * r.nextDouble();
      double rd = 1.5 * Math.sqrt(r.nextDouble());
      discReal[i] = new double[] {rd * Math.cos(t), rd * Math.sin(t)};
      double ra = Math.sqrt(1 + 3 * r.nextDouble());
      ringReal[i] = new double[] {ra * Math.cos(t), ra * Math.sin(t)};
    }
    LatentProperties.Convexity disc = LatentProperties.convexity(plane,
        Validity.knnManifold(Encoder.identity(2), discReal, 3), 1000, 1000, 5);
    LatentProperties.Convexity ring = LatentProperties.convexity(plane,
        Validity.knnManifold(Encoder.identity(2), ringReal, 3), 1000, 1000, 5);
    assertTrue(disc.share() > 0.95, disc.toString());
    assertTrue(ring.share() < disc.share() - 0.1, ring.toString());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LatentProperties.convexity(plane, Validity.region("none", x -> false), 10, 10, 1));
    assertTrue(e.getMessage().contains("only 0 of 10"), e.getMessage());
  }

  @Test
  void aRowOfAllThreePropertiesForTwoSpaces() {
    Attributes attrs = attributes(new double[] {1, 0}, new double[] {0, 1});
    Validity disc = Validity.region("disc r ≤ 1.5", x -> Points.norm(x) <= 1.5);
    PropertiesRow.Options o = new PropertiesRow.Options(20, 4, 600, 2, 500, 50);
    PropertiesRow flat = PropertiesRow.measure(identity(2, 1), Encoder.identity(2), attrs, disc,
        o, 3);
    LatentSpace curved = new LatentSpace("curved", 2, (n, r) -> Points.gaussian(n, 2, r),
        z -> {
          double[][] x = new double[z.length][];
          for (int i = 0; i < z.length; i++) {
            x[i] = new double[] {z[i][0] + 0.5 * z[i][1] * z[i][1], z[i][1]};
          }
          return x;
        });
    PropertiesRow bent = PropertiesRow.measure(curved, Encoder.identity(2), attrs, disc, o, 3);
    var t = PropertiesRow.table("properties");
    flat.appendTo(t);
    bent.appendTo(t);
    assertEquals(2, t.rowCount());
    assertEquals(0, t.value(0, "departure"), 1e-12);
    assertTrue(t.value(1, "departure") > 0.01);
    assertEquals(1, t.value(0, "convexity"));
    assertTrue(t.value(0, "edit success") > 0.9);
    assertTrue(Double.isNaN(t.value(0, "PPL")));
    assertThrows(IllegalArgumentException.class,
        () -> new PropertiesRow.Options(0, 4, 6, 2, 5, 10));

    // a generator's own space with PPL: the affine generator, identity M of its samples
    PropertiesRow z = PropertiesRow.measure(affine(), Encoder.identity(6),
        attributes(new double[] {1, 0, 0, 0, 0, 0}, new double[] {0, 1, 0, 0, 0, 0}),
        Validity.region("all", x -> true), o, 3);
    assertTrue(z.ppl() > 0 && Double.isFinite(z.ppl()), "PPL " + z.ppl());
    assertEquals("affine Z", z.space());
  }
}
