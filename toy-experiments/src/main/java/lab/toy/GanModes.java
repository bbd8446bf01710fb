package lab.toy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import lab.data.LabDirs;
import lab.data.PointSet;
import lab.data.Toys;
import lab.gan.Gan;
import lab.gan.GanConfig;
import lab.gan.ToyQuality;
import lab.ot.OtResult;
import lab.ot.PowerDiagram;
import lab.ot.SemiDiscrete;
import lab.ot.Weights;
import lab.plot.Figures;
import lab.plot.ResultTable;
import lab.plot.Tables;
import org.knowm.xchart.internal.chartpart.Chart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mode collapse and mode mixture of GAN, WGAN and WGAN-GP on 8 and 25 Gaussians, and AE-OT
 * beside them (PAPER.md §3.1).
 *
 * <p>Each generator G maps a standard Gaussian latent z ∈ ℝ⁸ to the plane. Measured on n
 * generated points against the k known mode centres c₁..c_k ({@link ToyQuality}):
 * <ul>
 *   <li>modes hit: modes holding at least {@value ToyQuality#MIN_SHARE} of the samples within
 *       radius {@value ToyQuality#RADIUS} of their centre (mode collapse lowers it);</li>
 *   <li>off-mode share: samples farther than the radius from every centre. Since G is
 *       continuous and the latent space is connected, G(ℝ⁸) is connected, so a generator that
 *       reaches two separate modes must also put mass on paths between them (mode mixture;
 *       Gu et al., "Mode collapse and regularity of optimal transportation maps",
 *       arXiv:1902.02934, 2019);</li>
 *   <li>W₂ to the truth: the exact OT distance (network simplex, squared Euclidean cost)
 *       between the n generated points and n fresh points of the true mixture, beside the same
 *       distance between two independent true samples (the floor that sampling alone gives).</li>
 * </ul>
 * Models are checkpointed; a rerun with the same sizes loads them.
 */
public final class GanModes {

  private static final Logger LOG = LoggerFactory.getLogger(GanModes.class);

  /** AE-OT's top-k cells in generation. */
  static final int AEOT_TOP_K = 20;

  /**
   * AE-OT's angle threshold between cell normals (y, −1)/‖(y, −1)‖, radians. Scale-dependent:
   * 0.1 keeps neighbours inside one mode of the 8- and 25-Gaussian layouts (adjacent modes
   * are at least 0.3 rad apart) where AE-OT's CelebA setting 0.7 would join them.
   */
  static final double AEOT_ANGLE = 0.1;

  /**
   * The semi-discrete solver's settings for AE-OT on the toys: at most 2^16 samples and 300
   * Adam steps. Targets packed into tight modes make thin cells that the default settings
   * resolve only with millions of samples; generation needs the cells' neighbourhoods, not
   * their exact areas, so the solution is used as it stands and its ‖∇E‖ is logged.
   */
  static final SemiDiscrete.Options AEOT_SOLVER = new SemiDiscrete.Options(
      SemiDiscrete.Source.CUBE, 5e-3, 2e-3, 1 << 14, 1 << 16, 30, 300);

  /** Points on the latent segment drawn through the generator. */
  static final int PATH_POINTS = 400;

  private GanModes() {
  }

  /**
   * Sizes, seeds and where checkpoints go.
   *
   * @param mixtures which mixtures: 8 and/or 25 (Gaussians)
   * @param losses the adversarial losses to train
   * @param steps training steps (critic updates) per model, ≥ 1
   * @param trainSize points of the training sample, ≥ 64
   * @param evalSize n, generated and fresh true points compared, ≥ 10
   * @param batch batch size, ≥ 1
   * @param aeOtTargets training points used as the discrete target of AE-OT (0: no AE-OT),
   *     at most trainSize
   * @param seed seed of data, models and samples
   * @param checkpoints folder for checkpoints, or {@code null} to keep nothing
   */
  public record Options(List<Integer> mixtures, List<GanConfig.Loss> losses, int steps,
      int trainSize, int evalSize, int batch, int aeOtTargets, long seed, Path checkpoints) {

    /** Checks the ranges. */
    public Options {
      if (mixtures == null || mixtures.isEmpty()
          || !mixtures.stream().allMatch(k -> k == 8 || k == 25)) {
        throw new IllegalArgumentException(
            "GAN modes: mixtures " + mixtures + ", expected a non-empty list of 8 and/or 25");
      }
      if (losses == null || losses.isEmpty()) {
        throw new IllegalArgumentException("GAN modes: no losses given");
      }
      if (steps < 1 || trainSize < 64 || evalSize < 10 || batch < 1) {
        throw new IllegalArgumentException("GAN modes: steps " + steps + ", trainSize "
            + trainSize + ", evalSize " + evalSize + ", batch " + batch
            + "; expected steps ≥ 1, trainSize ≥ 64, evalSize ≥ 10, batch ≥ 1");
      }
      if (aeOtTargets < 0 || aeOtTargets > trainSize) {
        throw new IllegalArgumentException("GAN modes: aeOtTargets " + aeOtTargets
            + ", expected 0 (no AE-OT) up to trainSize = " + trainSize);
      }
      mixtures = List.copyOf(mixtures);
      losses = List.copyOf(losses);
    }

    /**
     * 2,000 / 4,000 / 10,000 steps and 500 / 1,000 / 2,000 compared points by profile; 8
     * Gaussians in the small profile, 8 and 25 otherwise; all three losses and AE-OT on
     * 256 / 512 / 1,024 targets; 4,000 training points, batch 256, seed 1, checkpoints in
     * {@code data/checkpoints/toy}.
     */
    public static Options of(Profile profile) {
      List<Integer> mixtures = profile == Profile.SMALL ? List.of(8) : List.of(8, 25);
      return new Options(mixtures, List.of(GanConfig.Loss.values()),
          profile.pick(2000, 4000, 10000), 4000, profile.pick(500, 1000, 2000), 256,
          profile.pick(256, 512, 1024), 1, LabDirs.checkpoints().resolve("toy"));
    }
  }

  /**
   * One trained generator.
   *
   * @param mixture 8 or 25
   * @param model "GAN", "WGAN" or "WGAN-GP"
   * @param modesHit modes reached
   * @param modes number of modes
   * @param offModeShare share of samples off every mode
   * @param pathOffModeShare share of the latent segment's image off every mode
   * @param w2 exact W₂ between the generated and a fresh true sample
   * @param w2Floor exact W₂ between two independent true samples of the same size
   * @param trainSeconds training time, 0 when loaded from a checkpoint
   * @param samples the generated points
   * @param path G along a straight latent segment joining two modes, {@value #PATH_POINTS}
   *     points
   */
  public record Run(int mixture, String model, int modesHit, int modes, double offModeShare,
      double pathOffModeShare, double w2, double w2Floor, double trainSeconds, PointSet samples,
      PointSet path) {
  }

  /**
   * The result.
   *
   * @param options the options used
   * @param truths a true sample per mixture, in the order of {@code options.mixtures()}
   * @param runs one per (mixture, loss), mixture outer
   */
  public record Result(Options options, List<PointSet> truths, List<Run> runs)
      implements ToyResult {

    @Override
    public String name() {
      return "gan-modes";
    }

    /** The run of a mixture and model name. */
    public Run run(int mixture, String model) {
      return runs.stream().filter(r -> r.mixture() == mixture && r.model().equals(model))
          .findFirst().orElseThrow(() -> new IllegalArgumentException(
              "no run for " + mixture + " Gaussians and model '" + model + "'; runs are "
                  + runs.stream().map(r -> r.mixture() + "/" + r.model()).toList()));
    }

    @Override
    public Map<String, Double> numbers() {
      Map<String, Double> m = new LinkedHashMap<>();
      for (Run r : runs) {
        String k = "g" + r.mixture() + "." + slug(r.model());
        m.put(k + ".modes_hit", (double) r.modesHit());
        m.put(k + ".off_mode_share", r.offModeShare());
        m.put(k + ".path_off_mode_share", r.pathOffModeShare());
        m.put(k + ".w2", r.w2());
        m.put(k + ".w2_floor", r.w2Floor());
      }
      return m;
    }

    @Override
    public ResultTable table() {
      ResultTable t = ResultTable.of("GAN family on Gaussian mixtures (" + options.steps()
          + " steps, n = " + options.evalSize() + ")",
          List.of("mixture", "model", "W₂ of two true samples"),
          List.of(Tables.Metric.higher("modes hit"), Tables.Metric.lower("off-mode share"),
              Tables.Metric.lower("segment off-mode share"), Tables.Metric.lower("W₂ to truth"),
              new Tables.Metric("training", Tables.Better.LOWER, "s")));
      for (Run r : runs) {
        t.row(List.of(r.mixture() + " Gaussians", r.model(), Tables.format(r.w2Floor())),
            r.modesHit(), r.offModeShare(), r.pathOffModeShare(), r.w2(), r.trainSeconds());
      }
      return t;
    }

    @Override
    public Map<String, Chart<?, ?>> figures() {
      Map<String, Chart<?, ?>> f = new LinkedHashMap<>();
      for (Run r : runs) {
        PointSet truth = truths.get(options.mixtures().indexOf(r.mixture()));
        f.put("g" + r.mixture() + "_" + slug(r.model()), Figures.scatter(String.format(
            Locale.ROOT, "%s, %d Gaussians: %d/%d modes, %.0f%% off, W₂ %.2f", r.model(),
            r.mixture(), r.modesHit(), r.modes(), 100 * r.offModeShare(), r.w2()),
            truth, r.samples()));
      }
      int first = options.mixtures().get(0);
      List<PointSet> paths = new ArrayList<>();
      paths.add(truths.get(0));
      for (Run r : runs) {
        if (r.mixture() == first) {
          paths.add(r.path());
        }
      }
      f.put("latent_paths", Figures.scatter("Latent segments, " + first
          + " Gaussians", paths.toArray(new PointSet[0])));
      return f;
    }
  }

  /** Runs with {@link Options#of(Profile)}. */
  public static Result run(Profile profile) {
    return run(Options.of(profile));
  }

  /** Trains (or loads) every generator and measures it. */
  public static Result run(Options o) {
    List<PointSet> truths = new ArrayList<>();
    List<Run> runs = new ArrayList<>();
    for (int k : o.mixtures()) {
      PointSet train = sample(k, o.trainSize(), o.seed());
      PointSet fresh = sample(k, o.evalSize(), o.seed() + 1).named("true " + k + " Gaussians");
      PointSet fresh2 = sample(k, o.evalSize(), o.seed() + 2);
      double[][] centres = k == 8 ? Toys.modes8() : Toys.modes25();
      double floor = ToyTraining.w2(fresh.points(), fresh2.points());
      truths.add(fresh);
      for (GanConfig.Loss loss : o.losses()) {
        String model = modelName(loss);
        try (Gan g = new Gan(GanConfig.toy(loss, 2), o.seed())) {
          double secs = ToyTraining.trainOrLoad(g, train, o.steps(), o.batch(), o.seed(),
              o.checkpoints(), "toy-g" + k + "-" + slug(model) + "-n" + o.trainSize() + "-t"
                  + o.steps() + "-s" + o.seed());
          float[][] s = g.sample(o.evalSize(), o.seed() + 3);
          ToyQuality.ModeReport rep = ToyQuality.modes(s, centres, ToyQuality.RADIUS,
              ToyQuality.MIN_SHARE);
          double[][] gen = ToyTraining.toDouble(s);
          double w2 = ToyTraining.w2(gen, fresh.points());
          double[][] pathPoints = ToyTraining.toDouble(g.generateFrom(
              segment(g, centres, 500, o.seed() + 4), null));
          double pathOff = ToyQuality.modes(ToyTraining.toFloat(pathPoints), centres,
              ToyQuality.RADIUS, 0).offModeShare();
          PointSet path = new PointSet(pathPoints, model + ": latent segment, "
              + Math.round(100 * pathOff) + "% off-mode");
          runs.add(new Run(k, model, rep.modesHit(), rep.modes(), rep.offModeShare(), pathOff,
              w2, floor, secs, new PointSet(gen, model + " samples"), path));
          LOG.info("{} on {} Gaussians: {}, W2 {} (floor {})", model, k, rep, w2, floor);
        }
      }
      if (o.aeOtTargets() > 0) {
        runs.add(aeOt(k, train, fresh, centres, floor, o));
      }
    }
    return new Result(o, List.copyOf(truths), List.copyOf(runs));
  }

  /**
   * AE-OT on the toy plane: the points are their own latent codes (the encoder is the identity,
   * the data being 2-D already). Semi-discrete OT from the uniform square to the first
   * {@code aeOtTargets} training points, then generation between neighbouring targets with the
   * angle test ({@link PowerDiagram#generate}); source samples on the singular set are
   * rejected, which is how AE-OT avoids mode mixture.
   */
  static Run aeOt(int k, PointSet train, PointSet fresh, double[][] centres, double floor,
      Options o) {
    double[][] targets = java.util.Arrays.copyOf(train.points(), o.aeOtTargets());
    long t0 = System.nanoTime();
    OtResult sol = SemiDiscrete.solve(targets, Weights.uniform(targets.length), AEOT_SOLVER);
    double secs = (System.nanoTime() - t0) / 1e9;
    PowerDiagram pd = SemiDiscrete.diagram(targets, sol);
    PowerDiagram.Generation gen = pd.generate(o.evalSize(), SemiDiscrete.Source.CUBE,
        AEOT_TOP_K, AEOT_ANGLE, o.seed() + 3);
    double[][] pts = gen.points();
    ToyQuality.ModeReport rep = ToyQuality.modes(ToyTraining.toFloat(pts), centres,
        ToyQuality.RADIUS, ToyQuality.MIN_SHARE);
    double w2 = ToyTraining.w2(pts, fresh.points());

    // a straight segment across the source square, pushed through the OT map
    double[][] path = new double[PATH_POINTS][];
    for (int p = 0; p < PATH_POINTS; p++) {
      double s = -0.5 + (double) p / (PATH_POINTS - 1);
      path[p] = pd.map(new double[] {s, 0.37 * s});
    }
    double pathOff = ToyQuality.modes(ToyTraining.toFloat(path), centres, ToyQuality.RADIUS, 0)
        .offModeShare();
    LOG.info("AE-OT on {} Gaussians: {} (‖∇E‖ {}, {} rejected), W2 {}", k, rep,
        sol.marginalError(), gen.rejected(), w2);
    return new Run(k, "AE-OT", rep.modesHit(), rep.modes(), rep.offModeShare(), pathOff, w2,
        floor, secs, new PointSet(pts, "AE-OT samples"), new PointSet(path,
            "AE-OT: source segment, " + Math.round(100 * pathOff) + "% off-mode"));
  }

  /** The model's name in tables: GAN, WGAN, WGAN-GP. */
  static String modelName(GanConfig.Loss loss) {
    return switch (loss) {
      case NON_SATURATING -> "GAN";
      case WGAN_CLIP -> "WGAN";
      case WGAN_GP -> "WGAN-GP";
    };
  }

  static String slug(String model) {
    return model.toLowerCase(Locale.ROOT).replace('-', '_');
  }

  private static PointSet sample(int k, int n, long seed) {
    return k == 8 ? Toys.gaussians8(n, seed) : Toys.gaussians25(n, seed);
  }

  /**
   * {@value #PATH_POINTS} latent codes on the segment between two codes whose images lie
   * nearest to two different modes: among {@code candidates} draws, z_a is the one closest to
   * its nearest mode, z_b the one closest to any other mode.
   */
  static float[][] segment(Gan g, double[][] centres, int candidates, long seed) {
    int latent = g.config().latent();
    Random rng = new Random(seed);
    float[][] z = new float[candidates][latent];
    for (float[] row : z) {
      for (int i = 0; i < latent; i++) {
        row[i] = (float) rng.nextGaussian();
      }
    }
    double[][] x = ToyTraining.toDouble(g.generateFrom(z, null));
    int a = -1;
    int modeA = -1;
    double bestA = Double.POSITIVE_INFINITY;
    for (int i = 0; i < x.length; i++) {
      int k = Toys.nearestMode(x[i], centres);
      double d = dist2(x[i], centres[k]);
      if (d < bestA) {
        bestA = d;
        a = i;
        modeA = k;
      }
    }
    int b = -1;
    double bestB = Double.POSITIVE_INFINITY;
    for (int i = 0; i < x.length; i++) {
      for (int k = 0; k < centres.length; k++) {
        double d = dist2(x[i], centres[k]);
        if (k != modeA && d < bestB) {
          bestB = d;
          b = i;
        }
      }
    }
    float[][] path = new float[PATH_POINTS][latent];
    for (int p = 0; p < PATH_POINTS; p++) {
      float s = (float) p / (PATH_POINTS - 1);
      for (int i = 0; i < latent; i++) {
        path[p][i] = (1 - s) * z[a][i] + s * z[b][i];
      }
    }
    return path;
  }

  private static double dist2(double[] p, double[] c) {
    double dx = p[0] - c[0];
    double dy = p[1] - c[1];
    return dx * dx + dy * dy;
  }
}
