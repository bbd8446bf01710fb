package lab.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import lab.gan.Autoencoder;
import lab.gan.AutoencoderConfig;
import lab.gan.StyleConfig;
import lab.gan.StyleGan;
import org.junit.jupiter.api.Test;

class StyleGanLatentTest {

  @Test
  void styleGanViewMixesTruncatesAndIsDeterministic() {
    try (StyleGan model = new StyleGan(StyleConfig.toy(2), 5)) {
      StyleGanLatent g = StyleGanLatent.of(model, "StyleGAN-like toy");
      assertEquals(model.styleLayers(), g.layers());
      assertTrue(g.layers() >= 2, "layers " + g.layers());
      double[][] z = g.sampleCodes(12, new Random(1));
      assertArrayEquals(g.decode(z)[3], g.decode(z)[3], 0);
      double[][] w = g.map(z);
      assertEquals(model.wDim(), w[0].length);
      SampleSet mixed = new Operation.StyleMix(1).apply(g, 12, 2);
      assertEquals(12, mixed.size());
      SampleSet centre = new Operation.Truncate(0).apply(g, 3, 2);
      assertArrayEquals(centre.samples()[0], centre.samples()[2], 1e-6);
      LatentProperties.Linearity lin = LatentProperties.linearity(LatentSpace.w(g),
          Encoder.identity(2), 10, 5, 1);
      assertEquals(10, lin.pairs());
      assertThrows(IllegalArgumentException.class, () -> g.synthesise(new double[1][][]));
    }
  }

  @Test
  void autoencoderGivesTheEncoderAndTheSpaceOfM() {
    try (Autoencoder ae = new Autoencoder(AutoencoderConfig.toy(3, 2), 6)) {
      Encoder e = AutoencoderSpace.encoder(ae, "AE toy");
      assertEquals(2, e.dim());
      double[][] x = Synthetic.parts(3, 1, 3, 20)[0].points();
      double[][] m = e.encode(x);
      assertEquals(20, m.length);
      assertEquals(2, m[0].length);
      LatentSpace space = AutoencoderSpace.space(ae, "M (AE toy)", m);
      assertEquals(3, space.decode(space.sample(5, new Random(1)))[0].length);
      assertThrows(IllegalArgumentException.class, () -> e.encode(new double[][] {{1, 2}}));
      assertThrows(IllegalArgumentException.class,
          () -> AutoencoderSpace.space(ae, "bad", x));
    }
  }
}
