package lab.toy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import lab.data.LabDirs;
import lab.data.PointSet;
import lab.data.Toys;
import lab.gan.Gan;
import lab.gan.GanConfig;
import lab.plot.Figures;
import lab.plot.ResultTable;
import lab.plot.Tables;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Filling a removed band of the swiss roll (interpolation) versus reaching outside the data
 * (extrapolation), PAPER.md §2 and §3.1.
 *
 * <p>Generators are trained on the swiss roll with the rectangle {@link Toys#HOLE} of its chart
 * removed (angle t ∈ [2.5π, 3.5π), height h ∈ [7, 14): 1/9 of the chart). A generated point is
 * on the roll when its distance to the nearest point of a dense noise-free sample of the whole
 * roll is below δ; its chart coordinates (t, h) are those of that nearest point. Measured:
 * <ul>
 *   <li>on-roll share of G(z), z ~ N(0, I);</li>
 *   <li>hole share: the share of on-roll samples whose chart point lies in the removed band.
 *       The training data put 0 there; the whole roll would put 1/9. A continuous generator
 *       trained on the holed roll tends to put some mass in the band: it interpolates across
 *       the gap. Whether that is a new feature or an artefact depends on whether the band
 *       belongs to the true manifold;</li>
 *   <li>off-roll share of G(α z) for α &gt; 1: latent extrapolation beyond the typical set of
 *       the prior, which leaves the manifold as α grows.</li>
 * </ul>
 */
public final class SwissHole {

  private static final Logger LOG = LoggerFactory.getLogger(SwissHole.class);

  private SwissHole() {
  }

  /**
   * Sizes, seeds and where checkpoints go.
   *
   * @param losses the adversarial losses to train
   * @param steps training steps per model, ≥ 1
   * @param trainSize points of the holed roll used for training, ≥ 64
   * @param evalSize generated points measured, ≥ 10
   * @param denseSize points of the dense reference roll, ≥ 1,000
   * @param tolerance δ, the on-roll distance, &gt; 0
   * @param scales latent scales α, each &gt; 0
   * @param batch batch size, ≥ 1
   * @param seed seed of data, models and samples
   * @param checkpoints folder for checkpoints, or {@code null} to keep nothing
   */
  public record Options(List<GanConfig.Loss> losses, int steps, int trainSize, int evalSize,
      int denseSize, double tolerance, double[] scales, int batch, long seed, Path checkpoints) {

    /** Checks the ranges. */
    public Options {
      if (losses == null || losses.isEmpty()) {
        throw new IllegalArgumentException("swiss hole: no losses given");
      }
      if (steps < 1 || trainSize < 64 || evalSize < 10 || denseSize < 1000 || batch < 1) {
        throw new IllegalArgumentException("swiss hole: steps " + steps + ", trainSize "
            + trainSize + ", evalSize " + evalSize + ", denseSize " + denseSize + ", batch "
            + batch + "; expected ≥ 1, ≥ 64, ≥ 10, ≥ 1000, ≥ 1");
      }
      if (!(tolerance > 0)) {
        throw new IllegalArgumentException(
            "swiss hole: tolerance δ is " + tolerance + ", expected > 0");
      }
      if (scales == null || scales.length == 0 || Arrays.stream(scales).anyMatch(a -> !(a > 0))) {
        throw new IllegalArgumentException("swiss hole: scales " + Arrays.toString(scales)
            + ", expected a non-empty list of α > 0");
      }
      losses = List.copyOf(losses);
    }

    /**
     * 2,000 / 4,000 / 10,000 steps by profile; GAN and WGAN-GP; 4,000 training and 1,000
     * measured points; 20,000 reference points; δ = 1.5 (a fifth of the 2π gap between
     * layers); α = 1, 1.5, 2, 3, 4; batch 256;
     * seed 1; checkpoints in {@code data/checkpoints/toy}.
     */
    public static Options of(Profile profile) {
      return new Options(List.of(GanConfig.Loss.NON_SATURATING, GanConfig.Loss.WGAN_GP),
          profile.pick(2000, 4000, 10000), 4000, 1000, 20000, 1.5,
          new double[] {1, 1.5, 2, 3, 4}, 256, 1, LabDirs.checkpoints().resolve("toy"));
    }
  }

  /**
   * Where a set of points lies relative to the roll.
   *
   * @param onRollShare share within δ of the roll
   * @param holeShare share of the on-roll points whose chart point is in the hole
   * @param chart chart coordinates (t, h) of the on-roll points
   */
  public record Placement(double onRollShare, double holeShare, PointSet chart) {
  }

  /**
   * One trained generator.
   *
   * @param model "GAN", "WGAN" or "WGAN-GP"
   * @param placement where G(z) lies
   * @param offRollByScale off-roll share of G(α z), one per α
   * @param trainSeconds training time, 0 when loaded from a checkpoint
   * @param samples the generated points G(z)
   */
  public record Run(String model, Placement placement, double[] offRollByScale,
      double trainSeconds, PointSet samples) {
  }

  /**
   * The result.
   *
   * @param options the options used
   * @param training the holed roll the models were trained on
   * @param trainingPlacement the same measure applied to training data (a check: on-roll 1,
   *     hole 0)
   * @param runs one per loss
   */
  public record Result(Options options, PointSet training, Placement trainingPlacement,
      List<Run> runs) implements ToyResult {

    @Override
    public String name() {
      return "swiss-hole";
    }

    @Override
    public Map<String, Double> numbers() {
      Map<String, Double> m = new LinkedHashMap<>();
      m.put("hole_area_fraction", Toys.HOLE.areaFraction());
      m.put("training.hole_share", trainingPlacement.holeShare());
      for (Run r : runs) {
        String k = GanModes.slug(r.model());
        m.put(k + ".on_roll_share", r.placement().onRollShare());
        m.put(k + ".hole_share", r.placement().holeShare());
        for (int a = 0; a < options.scales().length; a++) {
          m.put(k + ".off_roll_share_alpha_" + Tables.format(options.scales()[a]),
              r.offRollByScale()[a]);
        }
      }
      return m;
    }

    @Override
    public ResultTable table() {
      List<Tables.Metric> metrics = new ArrayList<>(List.of(
          Tables.Metric.higher("on-roll share"),
          new Tables.Metric("hole share (area 1/9)", Tables.Better.HIGHER, "")));
      for (double a : options.scales()) {
        metrics.add(Tables.Metric.lower("off-roll α = " + Tables.format(a)));
      }
      ResultTable t = ResultTable.of("Swiss roll with a hole: interpolation vs extrapolation ("
          + options.steps() + " steps, δ = " + options.tolerance() + ")", List.of("model"),
          metrics);
      for (Run r : runs) {
        double[] v = new double[2 + options.scales().length];
        v[0] = r.placement().onRollShare();
        v[1] = r.placement().holeShare();
        System.arraycopy(r.offRollByScale(), 0, v, 2, options.scales().length);
        t.row(r.model(), v);
      }
      return t;
    }

    @Override
    public Map<String, Chart<?, ?>> figures() {
      Map<String, Chart<?, ?>> f = new LinkedHashMap<>();
      f.put("training_3d", Figures.scatter3dByLabel("Training data: the swiss roll with a band"
          + " removed", training));
      List<PointSet> charts = new ArrayList<>();
      charts.add(trainingPlacement.chart().named("training data"));
      for (Run r : runs) {
        if (r.placement().chart().size() > 0) {
          charts.add(r.placement().chart().named(r.model() + " samples on the roll"));
        }
      }
      f.put("chart", Figures.scatter("Chart of the roll (t, h)", "angle t (rad)", "height h",
          charts.toArray(new PointSet[0])));
      Map<String, double[]> xs = new LinkedHashMap<>();
      Map<String, double[]> ys = new LinkedHashMap<>();
      for (Run r : runs) {
        xs.put(r.model(), options.scales());
        ys.put(r.model(), r.offRollByScale());
      }
      f.put("extrapolation", Figures.lines("Latent extrapolation G(α z) leaves the roll",
          "latent scale α", "share of samples off the roll", xs, ys));
      return f;
    }
  }

  /** Runs with {@link Options#of(Profile)}. */
  public static Result run(Profile profile) {
    return run(Options.of(profile));
  }

  /** Trains (or loads) every generator and measures where its samples fall. */
  public static Result run(Options o) {
    PointSet train = Toys.swissRollWithHole(o.trainSize(), o.seed());
    double[][] dense = Toys.swissRoll3d(o.denseSize(), o.seed() + 5).points();
    Placement trainPlace = place(train.points(), dense, o.tolerance());
    List<Run> runs = new ArrayList<>();
    for (GanConfig.Loss loss : o.losses()) {
      String model = GanModes.modelName(loss);
      try (Gan g = new Gan(GanConfig.toy(loss, 3), o.seed())) {
        double secs = ToyTraining.trainOrLoad(g, train, o.steps(), o.batch(), o.seed(),
            o.checkpoints(), "toy-roll-hole-" + GanModes.slug(model) + "-n" + o.trainSize()
                + "-t" + o.steps() + "-s" + o.seed());
        double[][] gen = ToyTraining.toDouble(g.sample(o.evalSize(), o.seed() + 3));
        Placement p = place(gen, dense, o.tolerance());
        double[] off = new double[o.scales().length];
        for (int a = 0; a < off.length; a++) {
          float[][] z = latent(o.evalSize(), g.config().latent(), o.scales()[a], o.seed() + 6);
          off[a] = 1 - place(ToyTraining.toDouble(g.generateFrom(z, null)), dense,
              o.tolerance()).onRollShare();
        }
        runs.add(new Run(model, p, off, secs, new PointSet(gen, model + " samples")));
        LOG.info("{} on the holed roll: on-roll {}, hole share {}, off-roll by α {}", model,
            p.onRollShare(), p.holeShare(), Arrays.toString(off));
      }
    }
    return new Result(o, train, trainPlace, List.copyOf(runs));
  }

  /**
   * Places points relative to a dense noise-free roll sample: nearest reference point within
   * {@code tolerance} or not, and its chart coordinates t = ‖(x₀, x₂)‖, h = x₁.
   *
   * @param points n × 3 points (not modified)
   * @param dense m × 3 noise-free points of the whole roll (not modified)
   * @param tolerance δ &gt; 0
   */
  public static Placement place(double[][] points, double[][] dense, double tolerance) {
    double tol2 = tolerance * tolerance;
    List<double[]> chart = new ArrayList<>();
    int on = 0;
    int inHole = 0;
    for (double[] p : points) {
      if (p.length != 3) {
        throw new IllegalArgumentException(
            "swiss hole: point has " + p.length + " coordinates, expected 3");
      }
      double best = Double.POSITIVE_INFINITY;
      double[] nearest = null;
      for (double[] q : dense) {
        double dx = p[0] - q[0];
        double dy = p[1] - q[1];
        double dz = p[2] - q[2];
        double d = dx * dx + dy * dy + dz * dz;
        if (d < best) {
          best = d;
          nearest = q;
        }
      }
      if (best <= tol2) {
        on++;
        double t = Math.hypot(nearest[0], nearest[2]);
        chart.add(new double[] {t, nearest[1]});
        if (Toys.HOLE.containsChart(t, nearest[1])) {
          inHole++;
        }
      }
    }
    double[][] c = chart.toArray(new double[0][]);
    PointSet cs = new PointSet(c, "chart");
    return new Placement(points.length == 0 ? Double.NaN : (double) on / points.length,
        on == 0 ? Double.NaN : (double) inHole / on, cs);
  }

  private static float[][] latent(int n, int dim, double scale, long seed) {
    Random rng = new Random(seed);
    float[][] z = new float[n][dim];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < dim; j++) {
        z[i][j] = (float) (scale * rng.nextGaussian());
      }
    }
    return z;
  }
}
