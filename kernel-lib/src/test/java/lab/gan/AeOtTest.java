package lab.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import lab.data.Toys;
import lab.ot.SemiDiscrete;
import org.junit.jupiter.api.Test;

class AeOtTest {

  /**
   * AE-OT on 8 Gaussians (2-d codes, 128 codes as OT targets, 300 solver steps): all 8 modes
   * reached, at most 10% of samples off every mode (AE-OT rejects singular-set samples instead of
   * mixing modes), and the exact W2 to a target sample (network simplex, 500 against 500 points)
   * within 0.3 of the W2 between two target samples of that size (about 0.47: unequal mode counts
   * of finite samples dominate it). With 300 solver steps the OT is not converged (marginal
   * error about 0.23), so mode masses stay unequal; the heavy tier is where to tighten this.
   */
  @Test
  void recoversAllModesWithoutMixture() {
    Trainer.Data data = Trainer.Data.of(Toys.gaussians8(2000, 1)).unlabelled();
    try (Autoencoder ae = new Autoencoder(AutoencoderConfig.toy(2, 2), 3)) {
      Trainer.train(ae, data, TrainOptions.of(800).withBatchSize(128).withThreads(1)
          .withLogEvery(400));
      SemiDiscrete.Options ot = new SemiDiscrete.Options(SemiDiscrete.Source.CUBE, 5e-3, 2e-3,
          1 << 12, 1 << 14, 30, 300);
      AeOt model = AeOt.fit(ae, data.x(), new AeOt.Options().withOt(ot).withMaxCodes(128), 4);
      AeOt.Samples s = model.sample(2000, 9);
      ToyQuality.ModeReport modes = ToyQuality.modes(s.points(), Toys.modes8(),
          ToyQuality.RADIUS, ToyQuality.MIN_SHARE);
      double[][] target = Toys.gaussians8(500, 11).points();
      double w2 = ToyQuality.exactW2(java.util.Arrays.copyOf(s.points(), 500), target);
      double floor = ToyQuality.exactW2(Trainer.Data.of(Toys.gaussians8(500, 12)).x(), target);
      String msg = modes + ", exact W2 " + w2 + " (two target samples: " + floor
          + "), rejected " + s.rejected() + ", " + model.ot();
      assertEquals(8, modes.modesHit(), msg);
      assertTrue(modes.offModeShare() < 0.10, msg);
      assertTrue(w2 < floor + 0.3, msg);
      assertEquals(2000, s.points().length + s.rejected());
    }
  }
}
