package lab.toy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.data.PointSet;
import lab.data.Toys;
import lab.plot.Embeddings;
import lab.plot.Figures;
import lab.plot.ResultTable;
import lab.plot.Tables;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import smile.feature.extraction.PCA;
import smile.manifold.IsoMap;
import smile.math.matrix.Matrix;

/**
 * Data as a low-dimensional manifold in a high-dimensional space, and how much of it linear and
 * nonlinear manifold learning recover (PAPER.md §3.1: "data high-dimensional, features
 * low-dimensional").
 *
 * <p>Each toy set X ⊂ R^d (8 Gaussians and two moons, d = 2; the swiss roll, d = 3 with
 * intrinsic dimension 2) is embedded as Y = X Qᵀ + E in R^D, Q a random D × d matrix with
 * orthonormal columns and E ~ N(0, σ²I) (see {@link Toys#embed}). Measured:
 * <ul>
 *   <li>the share of variance explained by the top d principal components of Y (PCA; Pearson
 *       1901): close to 1 when the data occupy a d-dimensional subspace;</li>
 *   <li>the subspace residual ‖(I − UUᵀ)Q‖_F / √d, U the top d principal axes: 0 when PCA
 *       finds exactly the subspace of the embedding, at most 1;</li>
 *   <li>for the swiss roll, the chart R²: how well a linear function of the 2-D coordinates
 *       found from Y predicts the roll's intrinsic coordinates (arc length s along the spiral
 *       and height h), averaged over s and h. Isomap (Tenenbaum, de Silva and Langford,
 *       Science 2000), which uses geodesic distances on a k-nearest-neighbour graph, unrolls
 *       the sheet (R² near 1); the top two principal components cannot (the arc length is
 *       not a linear function of them).</li>
 * </ul>
 */
public final class ManifoldView {

  private static final Logger LOG = LoggerFactory.getLogger(ManifoldView.class);

  /** Number of leading components drawn in the variance spectrum. */
  static final int SPECTRUM = 8;

  private ManifoldView() {
  }

  /**
   * Sizes and seeds.
   *
   * @param n points per toy set, ≥ 50
   * @param ambientDim D, the dimension of the embedding space, ≥ 3
   * @param noise σ, the ambient noise per coordinate, ≥ 0
   * @param neighbours k of Isomap's k-nearest-neighbour graph, in [3, n)
   * @param seed seed of the toy samples and of the embeddings
   */
  public record Options(int n, int ambientDim, double noise, int neighbours, long seed) {

    /** Checks every range. */
    public Options {
      if (n < 50) {
        throw new IllegalArgumentException("manifold view: n is " + n + ", expected ≥ 50");
      }
      if (ambientDim < 3) {
        throw new IllegalArgumentException(
            "manifold view: ambient dimension D is " + ambientDim + ", expected ≥ 3");
      }
      if (!(noise >= 0) || !Double.isFinite(noise)) {
        throw new IllegalArgumentException(
            "manifold view: noise is " + noise + ", expected a finite value ≥ 0");
      }
      if (neighbours < 3 || neighbours >= n) {
        throw new IllegalArgumentException("manifold view: neighbours k is " + neighbours
            + ", expected 3 ≤ k < n = " + n);
      }
    }

    /** n = 800 / 1500 / 2500 by profile (Isomap needs about 800 points to unroll the roll with
     * k = 8 without short cuts between its layers); D = 64, σ = 0.02, k = 8, seed 1. */
    public static Options of(Profile profile) {
      return new Options(profile.pick(800, 1500, 2500), 64, 0.02, 8, 1);
    }
  }

  /**
   * What was measured on one toy set.
   *
   * @param id short name used in number keys ("gaussians8", "moons", "swiss_roll")
   * @param source n × d toy points in their own coordinates
   * @param sourceDim d
   * @param cumulativeVariance cumulative share of variance of the first {@value #SPECTRUM}
   *     principal components of the embedded set
   * @param explainedTopD share of variance of the top d components, in [0, 1]
   * @param subspaceResidual ‖(I − UUᵀ)Q‖_F / √d, in [0, 1]
   * @param pca the embedded set projected on its top two principal axes, n × 2
   * @param isomap Isomap's 2-D coordinates of the embedded set (points of the largest graph
   *     component), or {@code null} when not computed
   * @param chartR2Isomap chart R² of the Isomap coordinates, NaN when not computed
   * @param chartR2Pca chart R² of the top two principal components, NaN when not computed
   */
  public record SetView(String id, PointSet source, int sourceDim, double[] cumulativeVariance,
      double explainedTopD, double subspaceResidual, PointSet pca, PointSet isomap,
      double chartR2Isomap, double chartR2Pca) {
  }

  /**
   * The experiment's result.
   *
   * @param options the options used
   * @param views one entry per toy set: 8 Gaussians, two moons, swiss roll
   */
  public record Result(Options options, List<SetView> views) implements ToyResult {

    @Override
    public String name() {
      return "manifold";
    }

    @Override
    public Map<String, Double> numbers() {
      Map<String, Double> m = new LinkedHashMap<>();
      for (SetView v : views) {
        m.put(v.id() + ".explained_top_d", v.explainedTopD());
        m.put(v.id() + ".subspace_residual", v.subspaceResidual());
        if (v.isomap() != null) {
          m.put(v.id() + ".chart_r2_isomap", v.chartR2Isomap());
          m.put(v.id() + ".chart_r2_pca", v.chartR2Pca());
        }
      }
      return m;
    }

    @Override
    public ResultTable table() {
      ResultTable t = ResultTable.of(
          "Toy manifolds in R^" + options.ambientDim() + " (n = " + options.n() + ", σ = "
              + options.noise() + ")", List.of("set", "d"),
          List.of(Tables.Metric.higher("variance of top d"),
              Tables.Metric.lower("subspace residual"),
              Tables.Metric.higher("chart R² Isomap"),
              Tables.Metric.higher("chart R² PCA")));
      for (SetView v : views) {
        t.row(List.of(v.source().name(), String.valueOf(v.sourceDim())), v.explainedTopD(),
            v.subspaceResidual(), v.chartR2Isomap(), v.chartR2Pca());
      }
      return t;
    }

    @Override
    public Map<String, Chart<?, ?>> figures() {
      Map<String, Chart<?, ?>> f = new LinkedHashMap<>();
      Map<String, double[]> xs = new LinkedHashMap<>();
      Map<String, double[]> ys = new LinkedHashMap<>();
      for (SetView v : views) {
        double[] k = new double[v.cumulativeVariance().length];
        for (int i = 0; i < k.length; i++) {
          k[i] = i + 1;
        }
        xs.put(v.source().name(), k);
        ys.put(v.source().name(), v.cumulativeVariance());
      }
      f.put("spectrum", Figures.lines("Variance explained by the leading principal components"
          + " in R^" + options.ambientDim(), "number of components", "cumulative share of"
          + " variance", xs, ys));
      for (SetView v : views) {
        if (v.sourceDim() == 3) {
          f.put(v.id() + "_source", Figures.scatter3dByLabel(v.source().name()
              + " in its own R³ (colour: segment along the roll)", v.source()));
        }
        List<String> names = legend(v);
        XYChart pc = Figures.scatterByLabel("Top two principal components of "
            + v.source().name() + " in R^" + options.ambientDim(), v.pca(), names);
        pc.setXAxisTitle("principal component 1");
        pc.setYAxisTitle("principal component 2");
        f.put(v.id() + "_pca", pc);
        if (v.isomap() != null) {
          XYChart iso = Figures.scatterByLabel("Isomap (k = " + options.neighbours()
              + ") of " + v.source().name() + " in R^" + options.ambientDim()
              + ": the roll unrolled", v.isomap(), names);
          iso.setXAxisTitle("Isomap coordinate 1");
          iso.setYAxisTitle("Isomap coordinate 2");
          f.put(v.id() + "_isomap", iso);
        }
      }
      return f;
    }
  }

  /** Legend text per label: mode k, moon k, or segment k along the roll. */
  private static List<String> legend(SetView v) {
    String prefix = v.sourceDim() == 3 ? "segment " : v.id().equals("moons") ? "moon " : "mode ";
    List<String> names = new ArrayList<>();
    for (int k = 0; k < 25; k++) {
      names.add(prefix + (k + 1));
    }
    return names;
  }

  /** Runs the experiment with {@link Options#of(Profile)}. */
  public static Result run(Profile profile) {
    return run(Options.of(profile));
  }

  /** Embeds each toy set into R^D and measures what PCA and Isomap recover. */
  public static Result run(Options o) {
    List<SetView> views = new ArrayList<>();
    views.add(view("gaussians8", Toys.gaussians8(o.n(), o.seed()), false, o));
    views.add(view("moons", Toys.twoMoons(o.n(), o.seed()), false, o));
    views.add(view("swiss_roll", Toys.swissRoll3d(o.n(), o.seed()), true, o));
    return new Result(o, List.copyOf(views));
  }

  private static SetView view(String id, PointSet source, boolean chart, Options o) {
    LOG.info("manifold view: {} ({} points) in R^{}", source.name(), source.size(),
        o.ambientDim());
    int d = source.dim();
    Toys.Embedded emb = Toys.embed(source, o.ambientDim(), o.noise(), o.seed() + 17);
    double[][] y = emb.set().points();

    // principal components of the embedded set
    PCA pca = PCA.fit(y);
    double[] cumulative = pca.cumulativeVarianceProportion();
    double[] spectrum = new double[Math.min(SPECTRUM, cumulative.length)];
    System.arraycopy(cumulative, 0, spectrum, 0, spectrum.length);
    double residual = subspaceResidual(pca.loadings(), emb.isometry().q(), d);
    PointSet pca2 = Embeddings.pca(y).toPointSet(source.labels(), source.name() + " (PCA)");

    // intrinsic chart of the roll: arc length along the spiral and height
    PointSet iso = null;
    double r2Iso = Double.NaN;
    double r2Pca = Double.NaN;
    if (chart) {
      IsoMap map = IsoMap.of(y, o.neighbours(), 2, false);
      int[] idx = map.index;
      double[][] s = new double[idx.length][];
      int[] labels = new int[idx.length];
      double[][] pcaPlaced = new double[idx.length][];
      for (int i = 0; i < idx.length; i++) {
        s[i] = intrinsic(source.points()[idx[i]]);
        labels[i] = source.labels()[idx[i]];
        pcaPlaced[i] = pca2.points()[idx[i]];
      }
      if (idx.length < source.size()) {
        LOG.warn("Isomap placed {} of {} points (largest component of the {}-NN graph);"
            + " raise neighbours k", idx.length, source.size(), o.neighbours());
      }
      iso = new PointSet(map.coordinates, labels, source.name() + " (Isomap)");
      r2Iso = chartR2(map.coordinates, s);
      r2Pca = chartR2(pcaPlaced, s);
    }
    return new SetView(id, source, d, spectrum, cumulative[d - 1], residual, pca2, iso, r2Iso,
        r2Pca);
  }

  /** ‖(I − UUᵀ)Q‖_F / √d with U the first d columns of the loadings (D × D), Q D × d. */
  static double subspaceResidual(Matrix loadings, double[][] q, int d) {
    int dim = q.length;
    double total = 0;
    for (int c = 0; c < d; c++) {
      double[] r = new double[dim];
      for (int i = 0; i < dim; i++) {
        r[i] = q[i][c];
      }
      for (int k = 0; k < d; k++) {
        double dot = 0;
        for (int i = 0; i < dim; i++) {
          dot += loadings.get(i, k) * q[i][c];
        }
        for (int i = 0; i < dim; i++) {
          r[i] -= dot * loadings.get(i, k);
        }
      }
      for (double v : r) {
        total += v * v;
      }
    }
    return Math.sqrt(total / d);
  }

  /**
   * Intrinsic coordinates (s, h) of a noise-free swiss roll point x = (t cos t, h, t sin t):
   * t = ‖(x₀, x₂)‖ and s(t) = ½(t√(1+t²) + asinh t), the arc length of the spiral r = t.
   */
  static double[] intrinsic(double[] x) {
    double t = Math.hypot(x[0], x[2]);
    double asinh = Math.log(t + Math.sqrt(t * t + 1));
    return new double[] {0.5 * (t * Math.sqrt(1 + t * t) + asinh), x[1]};
  }

  /** Mean over the chart's two coordinates of the R² of their linear fit from {@code coords}. */
  static double chartR2(double[][] coords, double[][] chart) {
    double[] s = new double[chart.length];
    double[] h = new double[chart.length];
    for (int i = 0; i < chart.length; i++) {
      s[i] = chart[i][0];
      h[i] = chart[i][1];
    }
    return 0.5 * (Regression.rSquared(coords, s) + Regression.rSquared(coords, h));
  }
}
