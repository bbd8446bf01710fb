package lab.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.net.URISyntaxException;
import java.nio.file.Path;
import lab.data.ImageSet;
import org.junit.jupiter.api.Test;

class InceptionV3Test {

  private static final JsonObject FIX = MetricsFixtures.json("torchscript.json");

  /** The three images of metrics_fixtures.test_images(). */
  static ImageSet images() {
    float[][] x = new float[3][784];
    for (int i = 0; i < 28; i++) {
      for (int j = 0; j < 28; j++) {
        x[0][i * 28 + j] = (float) (((i * 28 + j) % 256) / 255.0);
        x[1][i * 28 + j] = (float) ((i / 27.0) * (j / 27.0));
        x[2][i * 28 + j] = (i - 14) * (i - 14) + (j - 9) * (j - 9) < 40 ? 1f : 0f;
      }
    }
    return new ImageSet(x, null, 28, 28, "patterns");
  }

  private static Path tiny() throws URISyntaxException {
    return Path.of(InceptionV3Test.class.getResource("/torchscript/tiny_extractor.pt").toURI());
  }

  @Test
  void resizeMatchesTorchInterpolate() {
    ImageSet img = images();
    JsonArray pixels = FIX.getAsJsonArray("pixels");
    double[][] expected = MetricsFixtures.matrix(FIX.get("resized"));
    InceptionV3.Preprocessing identity = new InceptionV3.Preprocessing(299, 1, 0);
    for (int k = 0; k < 3; k++) {
      float[] in = InceptionV3.preprocess(img.images()[k], 28, 28, identity);
      assertEquals(3 * 299 * 299, in.length);
      for (int p = 0; p < pixels.size(); p++) {
        int r = pixels.get(p).getAsJsonArray().get(0).getAsInt();
        int c = pixels.get(p).getAsJsonArray().get(1).getAsInt();
        assertEquals(expected[k][p], in[r * 299 + c], 1e-6, "image " + k + " pixel " + r + ","
            + c);
        // Grey replicated to the three channels.
        assertEquals(in[r * 299 + c], in[299 * 299 + r * 299 + c], 0f);
        assertEquals(in[r * 299 + c], in[2 * 299 * 299 + r * 299 + c], 0f);
      }
    }
    // Default scaling to [−1, 1]: black → −1, white → 1.
    float[] scaled = InceptionV3.preprocess(img.images()[2], 28, 28,
        new InceptionV3.Preprocessing());
    float min = Float.MAX_VALUE;
    float max = -Float.MAX_VALUE;
    for (float v : scaled) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    assertEquals(-1f, min, 0f);
    assertEquals(1f, max, 1e-6f);
  }

  @Test
  void torchScriptFeaturesMatchPyTorchInEvalMode() throws Exception {
    try (InceptionV3 net = InceptionV3.load(tiny(), "Tiny", new InceptionV3.Preprocessing())) {
      assertEquals(32, net.dim());
      assertEquals(5, net.classes());
      FeatureExtractor.Output out = net.extract(images());
      double[][] f = MetricsFixtures.matrix(FIX.get("features"));
      double[][] p = MetricsFixtures.matrix(FIX.get("probabilities"));
      for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 32; j++) {
          assertEquals(f[i][j], out.features()[i][j], 2e-5, "feature " + i + "," + j);
        }
        for (int j = 0; j < 5; j++) {
          assertEquals(p[i][j], out.probabilities()[i][j], 2e-5, "probability " + i + "," + j);
        }
      }
      assertEquals("FID (Tiny features)", net.label("FID"));
    }
  }

  /** I2: an image's features are the same alone and in any batch (batch norm frozen). */
  @Test
  void featuresDoNotDependOnTheBatch() throws Exception {
    try (InceptionV3 net = InceptionV3.load(tiny(), "Tiny", new InceptionV3.Preprocessing())) {
      ImageSet all = images();
      double[][] together = net.features(all);
      for (int k = 0; k < 3; k++) {
        double[][] alone = net.features(all.subset(new int[] {k}, "one"));
        assertArrayEquals(together[k], alone[0], "image " + k);
      }
      ImageSet many = all.subset(new int[] {2, 1, 0, 0, 1, 2, 2, 2, 1, 0, 1}, "many");
      double[][] m = net.features(many);
      assertArrayEquals(together[0], m[10 - 1], "image 0 at position 9 of 11");
      assertArrayEquals(together[2], m[0], "image 2 at position 0");
    }
  }

  @Test
  void missingFileIsAClearError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> InceptionV3.load(Path.of("/nonexistent/pt_inception-2015-12-05.pt")));
    assertTrue(e.getMessage().contains("/nonexistent/pt_inception-2015-12-05.pt")
        && e.getMessage().contains("not found"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new InceptionV3.Preprocessing(0, 2, -1));
  }

  @Test
  void aFileThatIsNotTorchScriptIsRejected() throws Exception {
    Path bad = java.nio.file.Files.createTempFile("not-a-model", ".pt");
    try {
      java.nio.file.Files.writeString(bad, "not a model");
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> InceptionV3.load(bad));
      assertTrue(e.getMessage().contains("cannot load"), e.getMessage());
    } finally {
      java.nio.file.Files.deleteIfExists(bad);
    }
  }
}
