package lab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import lab.data.ImageSet;
import org.junit.jupiter.api.Test;

class ScoresTest {

  @Test
  void scoresCarryTheNetworkNameAndTheCounts() {
    try (DomainNet net = DomainNet.trainFresh("Stripes-Net", DomainNetTest.stripes(128, 40,
        "train"), DomainNetTest.SMALL)) {
      ImageSet real = DomainNetTest.stripes(60, 41, "real");
      ImageSet gen = DomainNetTest.stripes(50, 42, "generated");
      Scores.Named fid = Scores.fid(net, real, gen);
      assertEquals("FID (Stripes-Net features)", fid.label());
      assertEquals(Fid.between(net.features(real), net.features(gen)).value(), fid.value(), 0);
      assertEquals(60, fid.realCount());
      assertEquals(50, fid.generatedCount());
      assertTrue(fid.toString().startsWith("FID (Stripes-Net features) ↓ = "), fid.toString());
      Scores.Named kid = Scores.kid(net, real, gen);
      assertEquals(Kid.between(net.features(real), net.features(gen),
          new Kid.Options(100, 50, 0)).mean(), kid.value(), 0);
      Scores.Named is = Scores.inceptionScore(net, gen);
      assertTrue(is.value() > 1 && is.value() <= 2, is.toString());
      Scores.Named[] fd = Scores.fidelityDiversity(net, real, gen);
      assertEquals("coverage (Stripes-Net features)", fd[3].label());
      assertTrue(fd[0].higherIsBetter());
    }
  }

  @Test
  void pathLengthThroughTheFeatureNetwork() {
    try (DomainNet net = DomainNet.trainFresh("Stripes-Net", DomainNetTest.stripes(128, 43,
        "train"), DomainNetTest.SMALL)) {
      // A generator that blends the two stripe images by the first latent coordinate.
      ImageSet two = DomainNetTest.stripes(40, 44, "pair");
      float[] left = two.images()[java.util.stream.IntStream.range(0, 40)
          .filter(i -> two.labels()[i] == 0).findFirst().orElseThrow()];
      float[] right = two.images()[java.util.stream.IntStream.range(0, 40)
          .filter(i -> two.labels()[i] == 1).findFirst().orElseThrow()];
      java.util.function.Function<double[][], ImageSet> synthesis = z -> {
        float[][] x = new float[z.length][784];
        for (int i = 0; i < z.length; i++) {
          double a = 1 / (1 + Math.exp(-2 * z[i][0]));
          for (int p = 0; p < 784; p++) {
            x[i][p] = (float) (a * left[p] + (1 - a) * right[p]);
          }
        }
        return new ImageSet(x, null, 28, 28, "blend");
      };
      PerceptualPathLength.Options o = new PerceptualPathLength.Options().withSamples(64);
      PerceptualPathLength.Result full = PerceptualPathLength.of(3, z -> z, synthesis, net, o);
      assertTrue(full.mean() > 0 && Double.isFinite(full.mean()), full.toString());
      PerceptualPathLength.Result again = PerceptualPathLength.of(3, z -> z, synthesis, net, o);
      assertEquals(full.mean(), again.mean(), 0.0);
      PerceptualPathLength.Result end = PerceptualPathLength.of(3, z -> z, synthesis, net,
          o.with(PerceptualPathLength.Sampling.END));
      assertTrue(end.mean() != full.mean());
    }
  }
}
