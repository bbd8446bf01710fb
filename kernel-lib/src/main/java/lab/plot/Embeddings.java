package lab.plot;

import java.util.Arrays;
import lab.data.ImageSet;
import lab.data.PointSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import smile.feature.extraction.PCA;
import smile.manifold.TSNE;
import smile.manifold.UMAP;
import smile.math.MathEx;

/**
 * Two-dimensional pictures of high-dimensional sets (latent codes, features, images) through
 * Smile 3.1.1: t-SNE, UMAP and PCA. Every input row i has output row i: the embedding of a
 * set of n points is always n × 2.
 *
 * <ul>
 *   <li>t-SNE (van der Maaten and Hinton, "Visualizing data using t-SNE", JMLR 2008): finds
 *       y₁..y_n in R² whose Student-t similarities q_ij match the Gaussian similarities p_ij of
 *       the inputs, minimising KL(P ‖ Q); the Gaussian widths are set so that each point's
 *       conditional distribution has the given perplexity, which must be below n.</li>
 *   <li>UMAP (McInnes, Healy and Melville, arXiv:1802.03426, 2018): a fuzzy k-nearest-neighbour
 *       graph laid out by stochastic gradient descent; k must be below n. Smile embeds only the
 *       largest connected component of the graph; points it leaves out are detected and
 *       handled as {@link #umap(double[][], UmapOptions, long)} describes.</li>
 *   <li>PCA (Pearson 1901; Hotelling 1933): projection of the centred data on the two
 *       directions of largest variance.</li>
 * </ul>
 *
 * <p>Each call seeds Smile's random generator of the calling thread with {@code seed}
 * ({@code smile.math.MathEx.setSeed}); the same input and seed give the same coordinates on
 * the same machine.
 */
public final class Embeddings {

  private static final Logger LOG = LoggerFactory.getLogger(Embeddings.class);

  private Embeddings() {
  }

  /**
   * A 2-D embedding.
   *
   * @param coordinates n × 2, row i for input row i
   * @param method "t-SNE", "UMAP" or "PCA" with its main parameter
   * @param placed input rows that the method did not embed with the others (empty for t-SNE
   *     and PCA; for UMAP, points outside the largest component of its neighbour graph, laid
   *     out on their own and drawn to the right of the main layout)
   * @param quality KL divergence for t-SNE, explained variance share for PCA, NaN for UMAP
   */
  public record Embedding(double[][] coordinates, String method, int[] placed, double quality) {

    /** Number of rows n. */
    public int size() {
      return coordinates.length;
    }

    /** The coordinates as a point set with the given labels (or {@code null}). */
    public PointSet toPointSet(int[] labels, String name) {
      return new PointSet(coordinates, labels, name);
    }
  }

  /**
   * Options of t-SNE.
   *
   * @param perplexity effective number of neighbours, in [1, n); the usual range is 5–50
   * @param learningRate gradient step, > 0 (Smile's eta; 200 is common)
   * @param iterations number of gradient iterations, ≥ 250 (the first 250 use early
   *     exaggeration)
   */
  public record TsneOptions(double perplexity, double learningRate, int iterations) {

    /** Checks each value's range. */
    public TsneOptions {
      if (!(perplexity >= 1) || !Double.isFinite(perplexity)) {
        throw new IllegalArgumentException(
            "t-SNE perplexity is " + perplexity + ", expected a finite value ≥ 1");
      }
      if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
        throw new IllegalArgumentException(
            "t-SNE learningRate is " + learningRate + ", expected > 0");
      }
      if (iterations < 250) {
        throw new IllegalArgumentException(
            "t-SNE iterations is " + iterations + ", expected ≥ 250");
      }
    }

    /** Perplexity 30, learning rate 200, 1,000 iterations. */
    public static TsneOptions defaults() {
      return new TsneOptions(30, 200, 1000);
    }

    /** The defaults with another perplexity. */
    public static TsneOptions perplexity(double p) {
      return new TsneOptions(p, 200, 1000);
    }
  }

  /**
   * Options of UMAP.
   *
   * @param neighbours k of the k-nearest-neighbour graph, in [2, n)
   * @param epochs optimisation epochs, ≥ 10 (Smile uses 200 for more than 10,000 points and
   *     500 below)
   * @param minDist minimum distance of embedded points, in (0, spread]
   * @param retries how many times k is doubled (up to n − 1) when the graph falls into
   *     several components, before leftover points are placed at their nearest neighbour
   */
  public record UmapOptions(int neighbours, int epochs, double minDist, int retries) {

    /** Checks each value's range. */
    public UmapOptions {
      if (neighbours < 2) {
        throw new IllegalArgumentException(
            "UMAP neighbours is " + neighbours + ", expected ≥ 2");
      }
      if (epochs < 10) {
        throw new IllegalArgumentException("UMAP epochs is " + epochs + ", expected ≥ 10");
      }
      if (!(minDist > 0 && minDist <= 1)) {
        throw new IllegalArgumentException(
            "UMAP minDist is " + minDist + ", expected in (0, 1]");
      }
      if (retries < 0) {
        throw new IllegalArgumentException("UMAP retries is " + retries + ", expected ≥ 0");
      }
    }

    /** k = 15, 200 epochs, minimum distance 0.1, 2 retries. */
    public static UmapOptions defaults() {
      return new UmapOptions(15, 200, 0.1, 2);
    }
  }

  /** t-SNE with {@link TsneOptions#defaults()}, or perplexity (n − 1)/3 when n ≤ 91. */
  public static Embedding tsne(double[][] x, long seed) {
    double p = Math.min(30, Math.max(1, (x.length - 1) / 3.0));
    return tsne(x, TsneOptions.perplexity(p), seed);
  }

  /** t-SNE of images (pixels as coordinates), default options. */
  public static Embedding tsne(ImageSet images, long seed) {
    return tsne(toDouble(images), seed);
  }

  /** t-SNE of a point set, default options. */
  public static Embedding tsne(PointSet set, long seed) {
    return tsne(set.points(), seed);
  }

  /**
   * t-SNE of n × d rows.
   *
   * @throws IllegalArgumentException if perplexity ≥ n, or the rows are ragged or not finite
   * @apiNote Smile's t-SNE uses exact gradients: time and memory grow as n² (an n × n matrix
   *     of doubles). 2,000 points take about a minute on two cores; beyond 10,000 points
   *     embed a sample ({@code lab.data.Splits.sample}).
   */
  public static Embedding tsne(double[][] x, TsneOptions options, long seed) {
    int n = checkRows(x, "t-SNE");
    if (options.perplexity() >= n) {
      throw new IllegalArgumentException("t-SNE perplexity is " + options.perplexity()
          + " but there are only n = " + n + " points; expected perplexity < n"
          + " (typically 5–50, at most (n − 1)/3)");
    }

    // squared Euclidean distances, passed explicitly: Smile treats a square input as distances
    double[][] d2 = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double s = 0;
        for (int k = 0; k < x[i].length; k++) {
          double t = x[i][k] - x[j][k];
          s += t * t;
        }
        d2[i][j] = s;
        d2[j][i] = s;
      }
    }

    // optimise the layout
    LOG.info("t-SNE of {} × {} (perplexity {}, {} iterations)", n, x[0].length,
        options.perplexity(), options.iterations());
    MathEx.setSeed(seed);
    TSNE t = new TSNE(d2, 2, options.perplexity(), options.learningRate(),
        options.iterations());
    double[][] y = t.coordinates;
    checkOutput(y, n, "t-SNE");
    return new Embedding(y, "t-SNE (perplexity " + Figures.shortNumber(options.perplexity())
        + ")", new int[0],
        t.cost());
  }

  /** UMAP with {@link UmapOptions#defaults()}. */
  public static Embedding umap(double[][] x, long seed) {
    return umap(x, UmapOptions.defaults(), seed);
  }

  /** UMAP of images (pixels as coordinates), default options. */
  public static Embedding umap(ImageSet images, long seed) {
    return umap(toDouble(images), seed);
  }

  /**
   * UMAP of n × d rows. Smile lays out only the largest connected component of the k-nearest
   * neighbour graph. When some rows are left out, k is doubled (at most {@code retries} times,
   * never beyond n − 1) and the layout redone; rows still left out are laid out on their own
   * (UMAP again when there are more than k of them, else PCA), scaled to at most a third of
   * the main layout, drawn to its right and listed in {@link Embedding#placed()}, with one
   * WARN naming the parameter to raise.
   *
   * @apiNote Distances between the main layout and the separately laid-out rows mean nothing;
   *     {@link Figures#embedding} says in the title how many rows were laid out apart.
   *
   * @throws IllegalArgumentException if n ≤ k, or the rows are ragged or not finite
   */
  public static Embedding umap(double[][] x, UmapOptions options, long seed) {
    int n = checkRows(x, "UMAP");
    int k = options.neighbours();
    if (k >= n) {
      throw new IllegalArgumentException("UMAP neighbours k is " + k + " but there are only n = "
          + n + " points; expected k < n");
    }

    // lay out, widening the neighbourhood while the graph is disconnected
    UMAP u = null;
    for (int attempt = 0; attempt <= options.retries(); attempt++) {
      LOG.info("UMAP of {} × {} (k = {}, {} epochs)", n, x[0].length, k, options.epochs());
      MathEx.setSeed(seed);
      u = UMAP.of(x, k, 2, options.epochs(), 1.0, options.minDist(), 1.0, 5, 1.0);
      if (u.index.length == n || k == n - 1 || attempt == options.retries()) {
        break;
      }
      LOG.debug("UMAP with k = {} embedded {} of {} points", k, u.index.length, n);
      k = Math.min(n - 1, 2 * k);
    }

    // every input row gets its output row
    double[][] y = new double[n][];
    boolean[] done = new boolean[n];
    for (int r = 0; r < u.index.length; r++) {
      y[u.index[r]] = u.coordinates[r];
      done[u.index[r]] = true;
    }
    int[] placed = java.util.stream.IntStream.range(0, n).filter(i -> !done[i]).toArray();
    if (placed.length > 0) {
      placeBeside(x, y, placed, options, seed);
      LOG.warn("UMAP: the {}-nearest-neighbour graph of {} points is disconnected; {} points"
          + " outside its largest component were laid out separately and drawn to the right"
          + " (Embedding.placed); raise UmapOptions.neighbours to embed them together", k, n,
          placed.length);
    }
    checkOutput(y, n, "UMAP");
    return new Embedding(y, "UMAP (k = " + k + ")", placed, Double.NaN);
  }

  /**
   * Lays out the rows {@code left} (missing from {@code y}) on their own, by UMAP when there
   * are enough of them, else by PCA, scaled to at most a third of the main layout and drawn to
   * its right with a gap of a tenth of its width.
   */
  private static void placeBeside(double[][] x, double[][] y, int[] left, UmapOptions options,
      long seed) {
    double[][] sub = new double[left.length][];
    for (int r = 0; r < left.length; r++) {
      sub[r] = x[left[r]];
    }

    // own layout of the left-out rows
    double[][] z;
    if (left.length > Math.max(3, options.neighbours())) {
      z = umap(sub, new UmapOptions(options.neighbours(), options.epochs(), options.minDist(),
          0), seed).coordinates();
    } else if (left.length >= 3 && sub[0].length >= 2) {
      z = pca(sub).coordinates();
    } else {
      z = new double[left.length][];
      for (int r = 0; r < left.length; r++) {
        z[r] = new double[] {0, r};
      }
    }

    // scale and shift next to the main layout
    double[] box = bounds(y);
    double[] zb = bounds(z);
    double mainSize = Math.max(box[2] - box[0], box[3] - box[1]);
    double subSize = Math.max(zb[2] - zb[0], zb[3] - zb[1]);
    double scale = subSize > 0 ? Math.min(1, mainSize / 3 / subSize) : 1;
    double dx = box[2] + 0.1 * (box[2] - box[0]) - zb[0] * scale;
    double dy = (box[1] + box[3]) / 2 - (zb[1] + zb[3]) / 2 * scale;
    for (int r = 0; r < left.length; r++) {
      y[left[r]] = new double[] {z[r][0] * scale + dx, z[r][1] * scale + dy};
    }
  }

  /** {minX, minY, maxX, maxY} over the non-null rows. */
  private static double[] bounds(double[][] y) {
    double[] b = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
    for (double[] p : y) {
      if (p != null) {
        b[0] = Math.min(b[0], p[0]);
        b[1] = Math.min(b[1], p[1]);
        b[2] = Math.max(b[2], p[0]);
        b[3] = Math.max(b[3], p[1]);
      }
    }
    return b;
  }

  /** PCA of n × d rows: the centred data projected on the first two principal axes. */
  public static Embedding pca(double[][] x) {
    int n = checkRows(x, "PCA");
    if (n < 2) {
      throw new IllegalArgumentException("PCA needs at least 2 points, got " + n);
    }
    int d = x[0].length;
    if (d < 2) {
      throw new IllegalArgumentException("PCA to 2-D needs d ≥ 2 input dimensions, got " + d);
    }
    PCA p = PCA.fit(x);
    double share = p.cumulativeVarianceProportion()[1];
    double[][] y = p.getProjection(2).apply(x);
    checkOutput(y, n, "PCA");
    return new Embedding(y, String.format("PCA (%.1f%% of the variance)", 100 * share),
        new int[0], share);
  }

  /** PCA of images (pixels as coordinates). */
  public static Embedding pca(ImageSet images) {
    return pca(toDouble(images));
  }

  /** Images as n × (h·w) doubles. */
  public static double[][] toDouble(ImageSet images) {
    double[][] x = new double[images.size()][];
    for (int i = 0; i < x.length; i++) {
      float[] f = images.images()[i];
      x[i] = new double[f.length];
      for (int p = 0; p < f.length; p++) {
        x[i][p] = f[p];
      }
    }
    return x;
  }

  private static int checkRows(double[][] x, String method) {
    if (x == null || x.length == 0) {
      throw new IllegalArgumentException(method + ": no points given");
    }
    int d = x[0].length;
    for (int i = 0; i < x.length; i++) {
      if (x[i].length != d || d == 0) {
        throw new IllegalArgumentException(method + ": row " + i + " has " + x[i].length
            + " coordinates, expected " + d + " like row 0");
      }
      for (double v : x[i]) {
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException(method + ": row " + i + " holds " + v
              + ", expected finite values");
        }
      }
    }
    return x.length;
  }

  private static void checkOutput(double[][] y, int n, String method) {
    if (y.length != n) {
      throw new IllegalStateException(method + " returned " + y.length + " rows for " + n
          + " inputs");
    }
    for (int i = 0; i < n; i++) {
      if (y[i] == null || y[i].length != 2 || !Double.isFinite(y[i][0])
          || !Double.isFinite(y[i][1])) {
        throw new IllegalStateException(method + " gave row " + i + " = "
            + Arrays.toString(y[i]) + "; expected 2 finite coordinates");
      }
    }
  }
}
