package lab.latent;

import java.util.Random;

/**
 * The arithmetic of the latent operations of {@link Operation}: slerp, lerp, truncation,
 * style mixing and InterFaceGAN edits on rows of codes.
 */
public final class LatentOps {

  /** Codes used to estimate the mean style w̄ for truncation in W. */
  public static final int MEAN_STYLE_SAMPLES = 4096;

  /** Angles within this of π are antipodal for {@link #slerp}. */
  public static final double ANTIPODAL = 1e-6;

  private LatentOps() {
  }

  static SampleSet apply(Operation op, LatentGenerator g, int n, Random random) {
    StyleGenerator style = g instanceof StyleGenerator s ? s : null;
    double[][] z = g.sampleCodes(n, random);
    int[] labels = g.labels(z);
    if (op instanceof Operation.Sample) {
      return new SampleSet(g.name(), op.label(), z, g.decode(z), labels);
    }
    if (op instanceof Operation.Interpolate || op instanceof Operation.Extrapolate) {
      double t = op instanceof Operation.Extrapolate e ? e.factor() : 0.5;
      double[][] z2 = g.sampleCodes(n, random);
      if (style != null) {
        double[][] w = lerp(style.map(z), style.map(z2), t);
        return new SampleSet(g.name(), op.label(), z, style.synthesise(style.broadcast(w)),
            labels);
      }
      double[][] c = op instanceof Operation.Interpolate ? slerp(z, z2, t) : lerp(z, z2, t);
      return new SampleSet(g.name(), op.label(), c, g.decode(c), labels);
    }
    if (op instanceof Operation.Truncate tr) {
      if (style != null) {
        double[] mean = style.meanStyle(MEAN_STYLE_SAMPLES, random.nextLong());
        double[][] w = truncate(style.map(z), mean, tr.psi());
        return new SampleSet(g.name(), op.label(), z, style.synthesise(style.broadcast(w)),
            labels);
      }
      double[][] c = truncate(z, g.priorMean(), tr.psi());
      return new SampleSet(g.name(), op.label(), c, g.decode(c), labels);
    }
    if (op instanceof Operation.StyleMix mix) {
      if (style == null) {
        throw new IllegalArgumentException("style mixing needs a StyleGenerator; '" + g.name()
            + "' has a single latent code");
      }
      if (mix.crossover() >= style.layers()) {
        throw new IllegalArgumentException("style-mixing crossover is " + mix.crossover()
            + " but '" + g.name() + "' has " + style.layers() + " layers; expected"
            + " crossover < layers");
      }
      double[][] w1 = style.map(z);
      double[][] w2 = style.map(g.sampleCodes(n, random));
      double[][][] styles = new double[style.layers()][][];
      for (int l = 0; l < styles.length; l++) {
        styles[l] = l < mix.crossover() ? w1 : w2;
      }
      return new SampleSet(g.name(), op.label(), z, style.synthesise(styles), labels);
    }
    Operation.Edit edit = (Operation.Edit) op;
    if (style != null) {
      double[][] w = edit(style.map(z), edit.direction(), edit.alpha());
      return new SampleSet(g.name(), op.label(), z, style.synthesise(style.broadcast(w)),
          labels);
    }
    double[][] c = edit(z, edit.direction(), edit.alpha());
    return new SampleSet(g.name(), op.label(), c, g.decode(c), labels);
  }

  /**
   * Row-wise (1 − t)·a + t·b.
   *
   * @param a n × k
   * @param b n × k
   * @param t any real (t &gt; 1 extrapolates)
   * @return a new n × k array
   */
  public static double[][] lerp(double[][] a, double[][] b, double t) {
    Points.sameDim("a", a, "b", b);
    sameRows(a, b);
    finite("lerp t", t);
    double[][] c = new double[a.length][a[0].length];
    for (int i = 0; i < a.length; i++) {
      for (int k = 0; k < c[i].length; k++) {
        c[i][k] = (1 - t) * a[i][k] + t * b[i][k];
      }
    }
    return c;
  }

  /**
   * Row-wise spherical interpolation sin((1−t)θ)/sin θ · a + sin(tθ)/sin θ · b, θ the angle
   * between the rows, with the norm interpolated linearly ((1−t)‖a‖ + t‖b‖); lerp when θ is
   * below 1e-8.
   *
   * @param a n × k
   * @param b n × k
   * @param t in [0, 1]
   * @throws IllegalArgumentException when two rows point in opposite directions (θ within
   *     {@value #ANTIPODAL} of π), where the great circle and so the slerp are undefined
   */
  public static double[][] slerp(double[][] a, double[][] b, double t) {
    Points.sameDim("a", a, "b", b);
    sameRows(a, b);
    if (!(t >= 0 && t <= 1)) {
      throw new IllegalArgumentException("slerp t is " + t + "; expected 0 ≤ t ≤ 1");
    }
    double[][] c = new double[a.length][a[0].length];
    for (int i = 0; i < a.length; i++) {
      double na = Points.norm(a[i]);
      double nb = Points.norm(b[i]);
      double cos = na == 0 || nb == 0 ? 1 : Points.dot(a[i], b[i]) / (na * nb);
      double theta = Math.acos(Math.max(-1, Math.min(1, cos)));
      if (theta < 1e-8) {
        for (int k = 0; k < c[i].length; k++) {
          c[i][k] = (1 - t) * a[i][k] + t * b[i][k];
        }
        continue;
      }
      if (Math.PI - theta < ANTIPODAL) {
        throw new IllegalArgumentException("slerp: row " + i + " of a and row " + i + " of b"
            + " point in opposite directions (angle " + theta + "); expected an angle below"
            + " π − " + ANTIPODAL + ", where the great circle is defined");
      }
      double s = Math.sin(theta);
      double wa = Math.sin((1 - t) * theta) / s;
      double wb = Math.sin(t * theta) / s;
      double norm = (1 - t) * na + t * nb;
      double[] u = new double[c[i].length];
      for (int k = 0; k < u.length; k++) {
        u[k] = wa * a[i][k] / na + wb * b[i][k] / nb;
      }
      double nu = Points.norm(u);
      for (int k = 0; k < u.length; k++) {
        c[i][k] = u[k] / nu * norm;
      }
    }
    return c;
  }

  /** Row-wise mean + ψ·(x − mean). */
  public static double[][] truncate(double[][] x, double[] mean, double psi) {
    Points.check("codes", x);
    finite("truncation ψ", psi);
    if (mean == null) {
      throw new IllegalArgumentException("truncation centre is null; expected a vector of "
          + x[0].length + " values");
    }
    Points.check("truncation centre", new double[][] {mean});
    if (mean.length != x[0].length) {
      throw new IllegalArgumentException("truncation centre has length " + mean.length
          + " but codes have " + x[0].length + " columns");
    }
    double[][] c = new double[x.length][mean.length];
    for (int i = 0; i < x.length; i++) {
      for (int k = 0; k < mean.length; k++) {
        c[i][k] = mean[k] + psi * (x[i][k] - mean[k]);
      }
    }
    return c;
  }

  /**
   * InterFaceGAN's edit z ↦ z + (α − z·n̂)·n̂, row-wise.
   *
   * @param x n × k codes
   * @param direction unit n̂ of length k
   * @param alpha target signed distance
   */
  public static double[][] edit(double[][] x, double[] direction, double alpha) {
    Points.check("codes", x);
    finite("edit α", alpha);
    unit("edit direction", direction, x[0].length);
    double[][] c = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      double shift = alpha - Points.dot(x[i], direction);
      c[i] = x[i].clone();
      for (int k = 0; k < direction.length; k++) {
        c[i][k] += shift * direction[k];
      }
    }
    return c;
  }

  /**
   * Moves each code by {@code step} along n̂: z ↦ z + step·n̂ (a relative edit, used to flip
   * an attribute from either side).
   */
  public static double[][] shift(double[][] x, double[] direction, double[] step) {
    Points.check("codes", x);
    unit("shift direction", direction, x[0].length);
    if (step == null || step.length != x.length) {
      throw new IllegalArgumentException("shift steps have length "
          + (step == null ? "null" : String.valueOf(step.length)) + " but there are "
          + x.length + " codes; expected one step per code");
    }
    Points.check("shift steps", new double[][] {step});
    double[][] c = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      c[i] = x[i].clone();
      for (int k = 0; k < direction.length; k++) {
        c[i][k] += step[i] * direction[k];
      }
    }
    return c;
  }

  private static void finite(String name, double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException(name + " is " + v + "; expected a finite value");
    }
  }

  /** Checks a finite unit vector (to 1e-6) of length k. */
  private static void unit(String name, double[] n, int k) {
    if (n == null || n.length != k) {
      throw new IllegalArgumentException(name + " has length "
          + (n == null ? "null" : String.valueOf(n.length)) + " but codes have " + k
          + " columns; expected the same");
    }
    Points.check(name, new double[][] {n});
    double norm = Points.norm(n);
    if (Math.abs(norm - 1) > 1e-6) {
      throw new IllegalArgumentException(name + " has norm " + norm
          + "; expected a unit vector (to 1e-6)");
    }
  }

  private static void sameRows(double[][] a, double[][] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("a has " + a.length + " rows but b has " + b.length
          + "; expected equal");
    }
  }
}
