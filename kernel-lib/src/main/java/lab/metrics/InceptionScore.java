package lab.metrics;

import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inception score (Salimans, Goodfellow, Zaremba, Cheung, Radford and Chen, "Improved
 * techniques for training GANs", NeurIPS 2016) of class-probability vectors.
 *
 * <p>For a split S of the n × c probabilities p(y|x), with p̄(y) the mean of p(y|x) over S:
 * <pre>
 *   IS(S) = exp( (1/|S|) Σ_{x∈S} Σ_y p(y|x) (log p(y|x) − log p̄(y)) ),   0·log 0 = 0
 * </pre>
 * The rows are shuffled with a seeded Fisher–Yates shuffle ({@code java.util.Random(seed)}),
 * then cut into {@code splits} contiguous parts, part s being rows [s·n/splits, (s+1)·n/splits)
 * as in the original code; the result is the mean and the (population) standard deviation of
 * the per-split scores. Without the shuffle, class-sorted data would score 1 in every split.
 * All sums are in double precision. Ten one-hot predictions over ten classes in one split give
 * 10. Bit-exact for a given input, split count and seed.
 */
public final class InceptionScore {

  /** Splits of the original protocol. */
  public static final int DEFAULT_SPLITS = 10;
  /** Seed of the default shuffle. */
  public static final long DEFAULT_SEED = 0;
  /** Largest accepted deviation of a probability row's sum from 1. */
  public static final double SUM_TOLERANCE = 1e-6;

  private static final Logger LOG = LoggerFactory.getLogger(InceptionScore.class);

  private InceptionScore() {
  }

  /**
   * Options.
   *
   * @param splits number of splits, 1 ≤ splits ≤ n
   * @param seed seed of the shuffle
   * @param shuffle whether to shuffle before splitting (on by default; off reproduces a given
   *     split assignment)
   */
  public record Options(int splits, long seed, boolean shuffle) {
    /** Checks splits ≥ 1. */
    public Options {
      Checks.atLeast("inception score splits", splits, 1);
    }

    /** 10 splits after a shuffle seeded with 0. */
    public Options() {
      this(DEFAULT_SPLITS, DEFAULT_SEED, true);
    }
  }

  /**
   * Mean and standard deviation of the per-split scores (↑ better; between 1 and c).
   *
   * @param mean mean of the split scores
   * @param std population standard deviation of the split scores
   * @param splitScores score of each split
   * @param count n
   */
  public record Result(double mean, double std, double[] splitScores, int count) {
  }

  /** Score with the default options. */
  public static Result of(double[][] probabilities) {
    return of(probabilities, new Options());
  }

  /**
   * Score of the rows of {@code probabilities}.
   *
   * @param probabilities n × c class probabilities, each row non-negative and summing to 1
   *     within {@value #SUM_TOLERANCE}; not modified
   * @throws IllegalArgumentException for an empty or ragged table, a non-finite or negative
   *     entry, a row not summing to 1, or more splits than rows
   */
  public static Result of(double[][] probabilities, Options options) {
    int c = Checks.features("class probabilities", probabilities);
    int n = probabilities.length;
    for (int i = 0; i < n; i++) {
      double sum = 0;
      for (int y = 0; y < c; y++) {
        double p = probabilities[i][y];
        if (p < 0) {
          throw new IllegalArgumentException("class probabilities (" + n + " × " + c
              + "): entry [" + i + "][" + y + "] is " + p + ", expected ≥ 0");
        }
        sum += p;
      }
      if (Math.abs(sum - 1) > SUM_TOLERANCE) {
        throw new IllegalArgumentException("class probabilities (" + n + " × " + c + "): row "
            + i + " sums to " + sum + ", expected 1 within " + SUM_TOLERANCE
            + " (pass logits to fromLogits)");
      }
    }
    if (options.splits() > n) {
      throw new IllegalArgumentException("inception score splits is " + options.splits()
          + " but there are only " + n + " probability rows, expected splits ≤ n");
    }
    LOG.info("inception score: {} rows, {} classes, {} splits", n, c, options.splits());

    // Seeded shuffle of the row order.
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    if (options.shuffle()) {
      Random rng = new Random(options.seed());
      for (int i = n - 1; i > 0; i--) {
        int j = rng.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
    }

    // Score per split: exp of the mean KL divergence to the split's marginal.
    int s = options.splits();
    double[] scores = new double[s];
    for (int part = 0; part < s; part++) {
      int from = (int) ((long) part * n / s);
      int to = (int) ((long) (part + 1) * n / s);
      double[] marginal = new double[c];
      for (int r = from; r < to; r++) {
        for (int y = 0; y < c; y++) {
          marginal[y] += probabilities[order[r]][y];
        }
      }
      for (int y = 0; y < c; y++) {
        marginal[y] /= to - from;
      }
      double kl = 0;
      for (int r = from; r < to; r++) {
        double[] p = probabilities[order[r]];
        for (int y = 0; y < c; y++) {
          if (p[y] > 0) {
            kl += p[y] * (Math.log(p[y]) - Math.log(marginal[y]));
          }
        }
      }
      scores[part] = Math.exp(kl / (to - from));
    }

    // Mean and standard deviation over the splits.
    double mean = 0;
    for (double v : scores) {
      mean += v;
    }
    mean /= s;
    double var = 0;
    for (double v : scores) {
      var += (v - mean) * (v - mean);
    }
    return new Result(mean, Math.sqrt(var / s), scores, n);
  }

  /**
   * Softmax of each row of {@code logits} in double precision (max subtracted first).
   *
   * @param logits n × c finite logits; not modified
   * @return n × c probabilities
   */
  public static double[][] fromLogits(double[][] logits) {
    int c = Checks.features("logits", logits);
    double[][] p = new double[logits.length][c];
    for (int i = 0; i < logits.length; i++) {
      double max = Double.NEGATIVE_INFINITY;
      for (double v : logits[i]) {
        max = Math.max(max, v);
      }
      double sum = 0;
      for (int y = 0; y < c; y++) {
        p[i][y] = Math.exp(logits[i][y] - max);
        sum += p[i][y];
      }
      for (int y = 0; y < c; y++) {
        p[i][y] /= sum;
      }
    }
    return p;
  }
}
