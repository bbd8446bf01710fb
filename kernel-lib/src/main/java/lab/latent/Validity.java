package lab.latent;

import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * Whether samples are valid, for the convexity property: inside the k-NN manifold of real
 * features, above a classifier-confidence threshold, or inside a known region (synthetic
 * spaces with known answers).
 */
public interface Validity {

  /** What "valid" means here, for tables. */
  String name();

  /**
   * One flag per sample.
   *
   * @param samples n × p (not modified)
   */
  boolean[] test(double[][] samples);

  /**
   * Inside the k-NN manifold of {@code real} in M: E(x) lies within r_k of some real point
   * (see {@link Diagnostics}).
   *
   * @param encoder E, applied to the samples
   * @param real real points of M, n × dim with n &gt; k
   * @param k neighbour rank
   */
  static Validity knnManifold(Encoder encoder, double[][] real, int k) {
    double[] radii = Neighbours.kthRadius(real, k);
    return new Validity() {
      @Override
      public String name() {
        return "inside the " + k + "-NN manifold of " + real.length + " real points in "
            + encoder.name();
      }

      @Override
      public boolean[] test(double[][] samples) {
        return Neighbours.insideManifold(encoder.encode(samples), real, radii);
      }
    };
  }

  /**
   * Confidence above a threshold: valid when {@code confidence(x)} (e.g. the classifier's
   * largest class probability) is at least {@code threshold}.
   */
  static Validity confidence(String name, ToDoubleFunction<double[]> confidence,
      double threshold) {
    return region(name + " ≥ " + threshold, x -> confidence.applyAsDouble(x) >= threshold);
  }

  /** Valid when {@code inside} holds (a known region). */
  static Validity region(String name, Predicate<double[]> inside) {
    return new Validity() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public boolean[] test(double[][] samples) {
        boolean[] b = new boolean[samples.length];
        for (int i = 0; i < samples.length; i++) {
          b[i] = inside.test(samples[i]);
        }
        return b;
      }
    };
  }
}
