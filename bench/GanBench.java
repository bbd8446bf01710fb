import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import lab.gan.GanConfig;
import lab.gan.Gan;
import lab.gan.GenerativeModel;
import lab.gan.StyleConfig;
import lab.gan.StyleGan;
import lab.gan.TrainOptions;
import lab.gan.TrainResult;
import lab.gan.Trainer;

/**
 * Training-step time of the image models of lab.gan: prints "model ms_per_step peak_rss_mib".
 * Usage: GanBench model batch threads warmup steps [width]; model is gan or stylegan, or soak
 * (WGAN-GP image, RSS printed every report) with: soak batch threads steps every width.
 */
public final class GanBench {

  public static void main(String[] a) throws Exception {
    String model = a[0];
    int batch = Integer.parseInt(a[1]);
    int threads = Integer.parseInt(a[2]);
    SplittableRandom r = new SplittableRandom(1);
    float[][] images = new float[1024][784];
    for (float[] im : images) {
      for (int j = 0; j < 784; j++) {
        im[j] = (float) r.nextDouble();
      }
    }
    Trainer.Data data = new Trainer.Data(images, null);
    if (model.equals("soak")) {
      int steps = Integer.parseInt(a[3]);
      int every = Integer.parseInt(a[4]);
      int width = Integer.parseInt(a[5]);
      try (Gan g = new Gan(GanConfig.image(GanConfig.Loss.WGAN_GP).withWidth(width), 1)) {
        long t0 = System.nanoTime();
        Trainer.train(g, data, TrainOptions.of(steps).withBatchSize(batch).withThreads(threads)
            .withLogEvery(every), p -> System.out.printf("soak %d %.1f %.1f%n", p.step(),
            rss("VmRSS"), (System.nanoTime() - t0) / 1e9), new lab.gan.TrainControl(), null);
      }
      System.out.printf("peak %.1f%n", rss("VmHWM"));
      return;
    }
    int warm = Integer.parseInt(a[3]);
    int steps = Integer.parseInt(a[4]);
    int width = a.length > 5 ? Integer.parseInt(a[5]) : 32;
    try (GenerativeModel m = model.equals("gan")
        ? new Gan(GanConfig.image(GanConfig.Loss.NON_SATURATING).withWidth(width), 1)
        : new StyleGan(StyleConfig.images().withWidth(width), 1)) {
      TrainOptions o = TrainOptions.of(warm).withBatchSize(batch).withThreads(threads)
          .withLogEvery(1_000_000);
      Trainer.train(m, data, o);
      TrainResult res = Trainer.train(m, data, o.withSteps(warm + steps));
      System.out.printf("%s %.2f %.1f%n", model, 1000 / res.stepsPerSecond(), rss("VmHWM"));
    }
  }

  /** A /proc/self/status memory line in MiB. */
  static double rss(String key) {
    java.util.List<String> lines;
    try {
      lines = Files.readAllLines(Path.of("/proc/self/status"));
    } catch (java.io.IOException e) {
      return Double.NaN;
    }
    for (String line : lines) {
      if (line.startsWith(key + ":")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
      }
    }
    return Double.NaN;
  }
}
