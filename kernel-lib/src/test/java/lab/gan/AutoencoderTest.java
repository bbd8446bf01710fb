package lab.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import lab.data.Toys;
import org.junit.jupiter.api.Test;

class AutoencoderTest {

  /** On 8 Gaussians a 2-d code reconstructs points to within a small error. */
  @Test
  void toyAutoencoderReconstructs() {
    Trainer.Data data = Trainer.Data.of(Toys.gaussians8(2000, 1)).unlabelled();
    try (Autoencoder ae = new Autoencoder(AutoencoderConfig.toy(2, 2), 3)) {
      Trainer.train(ae, data, TrainOptions.of(800).withBatchSize(128).withThreads(1)
          .withLogEvery(400));
      float[][] x = Trainer.Data.of(Toys.gaussians8(200, 5)).x();
      float[][] codes = ae.encode(x);
      assertEquals(2, codes[0].length);
      float[][] back = ae.decode(codes);
      double mse = 0;
      for (int i = 0; i < x.length; i++) {
        for (int j = 0; j < 2; j++) {
          mse += (x[i][j] - back[i][j]) * (x[i][j] - back[i][j]) / (2.0 * x.length);
        }
      }
      assertTrue(mse < 0.01, "reconstruction error " + mse);
      assertEquals(2, ae.sample(5, 1)[0].length);
    }
  }

  @Test
  void imageAutoencoderStepsAndCodes() {
    try (Autoencoder ae = new Autoencoder(AutoencoderConfig.image(8).withWidth(4), 3)) {
      float[][] images = StyleGanTest.noiseImages(16);
      Trainer.train(ae, new Trainer.Data(images, null), TrainOptions.of(3)
          .withBatchSize(8).withThreads(1));
      assertEquals(8, ae.encode(images)[0].length);
      float[] d = ae.decode(ae.encode(images))[0];
      assertEquals(784, d.length);
      for (float v : d) {
        assertTrue(v > 0 && v < 1);
      }
    }
  }
}
