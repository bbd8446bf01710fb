import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.Timer;
import java.util.TimerTask;
import lab.data.FashionMnist;
import lab.data.ImageSet;
import lab.data.Splits;
import lab.gan.AeOt;
import lab.gan.Autoencoder;
import lab.gan.AutoencoderConfig;
import lab.gan.Gan;
import lab.gan.GanConfig;
import lab.gan.GenerativeModel;
import lab.gan.StyleConfig;
import lab.gan.StyleGan;
import lab.gan.TrainControl;
import lab.gan.TrainOptions;
import lab.gan.TrainResult;
import lab.gan.Trainer;
import lab.latent.FeatureSpace;
import lab.latent.Quality;
import lab.metrics.DomainNet;
import lab.plot.ImageGrid;

/**
 * The image budget of the generator family: each image model (class-conditional GAN, WGAN-GP
 * and StyleGAN-like model as the notebooks use them, and AE-OT) trains on a 6,000-image
 * Fashion-MNIST subset (600 per class, seed 1) with one thread until a wall-clock budget runs
 * out; then 1,000 samples are scored by FMNIST-Net (FID and IS against 1,000 test images)
 * beside uniform noise and 1,000 real training images, and a 10 × 10 grid is written.
 * Prints "model steps seconds fid is" lines; "noise" and "real" lines give the two references.
 *
 * <p>Usage: ImageBudget outDir budgetSeconds [model ...]
 */
public class ImageBudget {
  public static void main(String[] a) throws Exception {
    Path out = Path.of(a[0]);
    long budget = Long.parseLong(a[1]);
    Splits.Split split = Splits.fashionMnist(600, 1);
    ImageSet test = Splits.sample(FashionMnist.test(), 1000, 5);
    DomainNet net = DomainNet.fashionMnist();
    Quality q = FeatureSpace.quality(net, 28, 28);
    double[][] testRows = rows(test.images());
    double[][] noise = new double[1000][784];
    SplittableRandom r = new SplittableRandom(5);
    for (double[] row : noise) {
      for (int j = 0; j < 784; j++) {
        row[j] = r.nextDouble();
      }
    }
    report("noise", 0, 0, q, noise, testRows);
    report("real", 0, 0, q, rows(Splits.sample(split.train(), 1000, 7).images()), testRows);
    String[] models = a.length > 2 ? java.util.Arrays.copyOfRange(a, 2, a.length)
        : new String[] {"gan", "wgan-gp", "stylegan", "ae-ot"};
    for (String m : models) {
      run(m, split, budget, out, q, testRows);
    }
  }

  static void run(String which, Splits.Split split, long budget, Path out, Quality q,
      double[][] testRows) {
    int[] labels = new int[1000];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = i % 10;
    }
    Trainer.Data labelled = Trainer.Data.of(split.train());
    try (GenerativeModel model = switch (which) {
      case "gan" -> new Gan(GanConfig.image(GanConfig.Loss.NON_SATURATING).conditional(10), 1);
      case "wgan-gp" -> new Gan(GanConfig.image(GanConfig.Loss.WGAN_GP).conditional(10), 1);
      case "stylegan" -> new StyleGan(StyleConfig.images().conditional(10), 1);
      case "ae-ot" -> new Autoencoder(AutoencoderConfig.image(16), 2);
      default -> throw new IllegalArgumentException("model is '" + which
          + "', expected gan, wgan-gp, stylegan or ae-ot");
    }) {
      boolean ae = which.equals("ae-ot");
      TrainControl control = new TrainControl();
      Timer timer = new Timer(true);
      timer.schedule(new TimerTask() {
        @Override
        public void run() {
          control.stop();
        }
      }, budget * 1000);
      long t0 = System.nanoTime();
      TrainResult res = Trainer.train(model, ae ? labelled.unlabelled() : labelled,
          TrainOptions.of(1_000_000).withThreads(1).withLogEvery(200), p -> { }, control, null);
      float[][] samples;
      if (ae) {
        AeOt aeot = AeOt.fit((Autoencoder) model, split.train().images(),
            new AeOt.Options().withMaxCodes(2000), 1);
        samples = java.util.Arrays.copyOf(aeot.sample(2000, 3).points(), 1000);
      } else {
        samples = model.sample(1000, labels, 3);
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      timer.cancel();
      report(which, res.stepsRun(), seconds, q, rows(samples), testRows);
      ImageGrid.of(java.util.Arrays.copyOf(samples, 100), 28, 28, 10, 10,
          which + " after " + res.stepsRun() + " steps (" + Math.round(seconds) + " s); column c has class c", null, 2)
          .savePng(out.resolve(which + ".png"));
    }
  }

  static void report(String name, long steps, double seconds, Quality q, double[][] x,
      double[][] test) {
    System.out.printf("%s %d %.1f %.2f %.3f%n", name, steps, seconds, q.fid(x, test),
        q.inceptionScore(x));
  }

  static double[][] rows(float[][] x) {
    double[][] d = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      d[i] = new double[x[i].length];
      for (int j = 0; j < d[i].length; j++) {
        d[i][j] = x[i][j];
      }
    }
    return d;
  }
}
