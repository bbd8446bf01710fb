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
}
