import java.util.Arrays;
import lab.data.FashionMnist;
import lab.data.ImageSet;
import lab.gan.Torch;
import lab.metrics.DomainNet;
import lab.metrics.Fid;
import lab.metrics.PrecisionRecall;

/**
 * Times of lab.metrics on the inputs bench/metrics_reference.py also uses: FID of two
 * 10,000 × 2,048 feature sets and precision/recall of two 10,000 × 128 sets, both from the
 * SplitMix64 generator of tools/fixtures/metrics_fixtures.py; feature extraction of the
 * Fashion-MNIST test set by the domain network. Prints "name seconds value" lines.
 * Arguments: rows of the FID sets, rows of the precision/recall sets, engine threads.
 */
public class MetricsBench {

  static double[] uniform(long seed, int count) {
    double[] u = new double[count];
    for (int i = 0; i < count; i++) {
      long z = seed + 0x9E3779B97F4A7C15L * (i + 1);
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      z = z ^ (z >>> 31);
      u[i] = (z >>> 11) * 0x1.0p-53;
    }
    return u;
  }

  static double[][] coupled(long seed, int n, int d, double scale, double shift) {
    double[] u = uniform(seed, n * d);
    double[][] x = new double[n][d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        double prev = j == 0 ? 0 : u[i * d + j - 1];
        x[i][j] = scale * (u[i * d + j] + 0.5 * prev) + shift;
      }
    }
    return x;
  }

  public static void main(String[] args) {
    int nFid = Integer.parseInt(args[0]);
    int nPr = Integer.parseInt(args[1]);
    int threads = Integer.parseInt(args[2]);

    double[][] x = coupled(11, nFid, 2048, 1.0, 0.0);
    double[][] y = coupled(12, nFid, 2048, 1.2, 0.1);
    Fid.between(Arrays.copyOf(x, 300), Arrays.copyOf(y, 300));
    long t0 = System.nanoTime();
    double fid = Fid.between(x, y).value();
    System.out.printf("fid %.3f %.12f%n", (System.nanoTime() - t0) / 1e9, fid);
    x = null;
    y = null;

    double[][] r = coupled(21, nPr, 128, 1.0, 0.0);
    double[][] g = coupled(22, nPr, 128, 1.1, 0.05);
    PrecisionRecall.realVsGenerated(Arrays.copyOf(r, 500), Arrays.copyOf(g, 500));
    t0 = System.nanoTime();
    PrecisionRecall.Result pr = PrecisionRecall.realVsGenerated(r, g);
    System.out.printf("pr %.3f %.6f/%.6f%n", (System.nanoTime() - t0) / 1e9, pr.precision(),
        pr.recall());

    if (FashionMnist.available()) {
      try (DomainNet net = DomainNet.fashionMnist()) {
        ImageSet test = FashionMnist.test();
        Torch.threads(threads);
        net.features(test.subset(new int[] {0, 1, 2}, "warm-up"));
        t0 = System.nanoTime();
        net.features(test);
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("extract %.3f %.1f%n", s, test.size() / s);
        System.out.printf("accuracy 0 %.4f%n", net.accuracy(test));
      }
    }
  }
}
