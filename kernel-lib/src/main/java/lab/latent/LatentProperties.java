package lab.latent;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import lab.metrics.LinearSeparability;
import lab.metrics.PerceptualPathLength;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The three properties a latent space needs to measure semantics (PAPER.md §2), each a
 * number: linearity, disentanglement and convexity. Each is measured on a {@link LatentSpace}
 * (a generator's Z, a style generator's W, or M with the autoencoder's decoder).
 */
public final class LatentProperties {

  private static final Logger LOG = LoggerFactory.getLogger(LatentProperties.class);

  private LatentProperties() {
  }

  /**
   * Linearity of the map from a latent space into M.
   *
   * <p>For a pair (a, b) of codes and t_j = j / T, j = 0..T, let m_j = f((1 − t_j)·a + t_j·b)
   * with f = E ∘ G the map into M. The departure of the pair is
   * <pre>
   *   δ(a, b) = max_j ‖m_j − [(1 − t_j)·m_0 + t_j·m_T]‖ / ‖m_T − m_0‖,
   * </pre>
   * the largest distance of the image of the straight segment from the straight segment with
   * the same ends, at the same parameter, normalised by the chord length: 0 for an affine f
   * (straight and evenly paced); it grows with curvature and with uneven speed along the
   * path. The path ratio is Σ_j ‖m_{j+1} − m_j‖ / ‖m_T − m_0‖ − 1 (0 for a straight image).
   *
   * @param departure mean δ over pairs
   * @param maxDeparture largest δ over pairs
   * @param pathRatio mean path ratio over pairs
   * @param pairs pairs used (pairs whose chord is shorter than 1e-12 are skipped)
   * @param steps T
   * @param space the space measured
   */
  public record Linearity(double departure, double maxDeparture, double pathRatio, int pairs,
      int steps, String space) {
  }

  /**
   * Linearity of {@code space} mapped into M by {@code encoder} (see {@link Linearity}).
   *
   * @param space the latent space and its decoder
   * @param encoder E into M
   * @param pairs number of random pairs of prior codes, ≥ 1
   * @param steps T ≥ 2
   * @param seed seed of the codes
   */
  public static Linearity linearity(LatentSpace space, Encoder encoder, int pairs, int steps,
      long seed) {
    return linearity(space.name() + " → " + encoder.name(),
        c -> encoder.encode(space.decode(c)), space.sample(pairs, new Random(seed)),
        space.sample(pairs, new Random(seed + 1)), steps);
  }

  /**
   * Perceptual path length (StyleGAN; lab.metrics {@link PerceptualPathLength}) of a generator
   * with the squared L2 distance in M: in Z (slerp) for a plain generator, in W (lerp) for a
   * {@link StyleGenerator}; ε = 1e-4, 'full' sampling, values outside the 1st–99th
   * percentiles dropped.
   *
   * @param generator G
   * @param encoder E into M (the distance is ‖E(G(·)) − E(G(·))‖² / ε²)
   * @param samples latent pairs, ≥ 2
   * @param seed seed of the pairs
   */
  public static PerceptualPathLength.Result ppl(LatentGenerator generator, Encoder encoder,
      int samples, long seed) {
    PerceptualPathLength.Options base = new PerceptualPathLength.Options().withSamples(samples);
    PerceptualPathLength.Options o = new PerceptualPathLength.Options(base.samples(),
        base.epsilon(), base.space(), base.sampling(), base.lowPercentile(),
        base.highPercentile(), seed);
    if (generator instanceof StyleGenerator s) {
      return PerceptualPathLength.ofEmbedding(s.latentDim(), s::map,
          w -> encoder.encode(s.synthesise(s.broadcast(w))),
          o.in(PerceptualPathLength.Space.W));
    }
    return PerceptualPathLength.ofEmbedding(generator.latentDim(), z -> z,
        z -> encoder.encode(generator.decode(z)), o.in(PerceptualPathLength.Space.Z));
  }

  /**
   * Linearity of a map {@code toM} along the segments from {@code starts[i]} to
   * {@code ends[i]}.
   *
   * @param name what is measured
   * @param toM codes (n × k) ↦ points of M (n × dim)
   * @param starts pairs × k
   * @param ends pairs × k
   * @param steps T ≥ 2
   */
  public static Linearity linearity(String name, UnaryOperator<double[][]> toM,
      double[][] starts, double[][] ends, int steps) {
    Points.sameDim("starts", starts, "ends", ends);
    if (steps < 2) {
      throw new IllegalArgumentException("linearity steps T is " + steps + "; expected ≥ 2");
    }
    double sumDeparture = 0;
    double maxDeparture = 0;
    double sumRatio = 0;
    int used = 0;
    for (int p = 0; p < starts.length; p++) {
      // the image of the straight segment, T + 1 points in one batch
      double[][] path = new double[steps + 1][];
      for (int j = 0; j <= steps; j++) {
        double t = (double) j / steps;
        path[j] = new double[starts[p].length];
        for (int q = 0; q < path[j].length; q++) {
          path[j][q] = (1 - t) * starts[p][q] + t * ends[p][q];
        }
      }
      double[][] m = toM.apply(path);
      double chord = Math.sqrt(Points.sq(m[0], m[steps]));
      if (chord < 1e-12) {
        continue;
      }

      // distance from the chord at the same parameter, and the path length
      double worst = 0;
      double length = 0;
      for (int j = 0; j <= steps; j++) {
        double t = (double) j / steps;
        double dev = 0;
        for (int q = 0; q < m[j].length; q++) {
          double c = (1 - t) * m[0][q] + t * m[steps][q];
          dev += (m[j][q] - c) * (m[j][q] - c);
        }
        worst = Math.max(worst, Math.sqrt(dev));
        if (j > 0) {
          length += Math.sqrt(Points.sq(m[j], m[j - 1]));
        }
      }
      double delta = worst / chord;
      sumDeparture += delta;
      maxDeparture = Math.max(maxDeparture, delta);
      sumRatio += length / chord - 1;
      used++;
    }
    if (used == 0) {
      throw new IllegalArgumentException("linearity of " + name + ": every one of the "
          + starts.length + " pairs maps to a single point of M; expected distinct images");
    }
    return new Linearity(sumDeparture / used, maxDeparture, sumRatio / used, used, steps,
        name);
  }

  /**
   * Disentanglement of a latent space: attribute directions and editing success.
   *
   * <p>n codes are drawn and decoded; the domain classifier scores each attribute; the codes'
   * linear separability is computed by lab.metrics; per attribute an
   * {@link AttributeDirection} is fitted (InterFaceGAN). Editing: every code is
   * moved along n̂_a to signed distance ∓α from the attribute's hyperplane (to the side
   * opposite its current label), decoded and scored again. An edit succeeds when the
   * attribute's label flips and every other attribute's label stays. Reported per attribute:
   * the SVM's agreement with the labels (linear separability as an accuracy), the edit success
   * rate, and the matrix of |cos| between attribute directions (0 = orthogonal).
   *
   * @param attributes attribute names
   * @param separability StyleGAN's linear separability of the codes (lab.metrics
   *     {@code LinearSeparability}, 2^(Σ conditional entropy bits), ≥ 1, lower is better),
   *     with attribute probabilities σ(score)
   * @param agreement per attribute, share of codes on the side of their label
   * @param editSuccess per attribute, share of successful edits
   * @param cosines A × A matrix of |n̂_a · n̂_b|
   * @param meanEditSuccess mean of {@code editSuccess}
   * @param alpha α of the edits
   * @param n codes used
   * @param space the space measured
   */
  public record Disentanglement(List<String> attributes, double separability, double[] agreement,
      double[] editSuccess, double[][] cosines, double meanEditSuccess, double alpha, int n,
      String space) {

    /** Largest |cos| between two different attribute directions. */
    public double maxCosine() {
      double m = 0;
      for (int a = 0; a < cosines.length; a++) {
        for (int b = 0; b < cosines.length; b++) {
          if (a != b) {
            m = Math.max(m, cosines[a][b]);
          }
        }
      }
      return m;
    }
  }

  /**
   * Disentanglement of {@code space} under the classifier {@code attributes}.
   *
   * @param space latent space and decoder
   * @param attributes the domain classifier's attribute scores
   * @param n codes, ≥ 2·{@value AttributeDirection#MIN_EXTREMES}/share
   * @param alpha α &gt; 0, the signed distance after the edit (InterFaceGAN: up to 3)
   * @param seed seed of the codes
   */
  public static Disentanglement disentanglement(LatentSpace space, Attributes attributes, int n,
      double alpha, long seed) {
    if (!(alpha > 0) || Double.isInfinite(alpha)) {
      throw new IllegalArgumentException("edit α is " + alpha + "; expected a finite α > 0");
    }
    List<String> names = attributes.names();
    double[][] codes = space.sample(n, new Random(seed));
    double[][] scores = attributes.scores(space.decode(codes));
    int count = names.size();
    if (scores.length != n || scores[0].length != count) {
      throw new IllegalArgumentException("attribute scores are " + scores.length + " × "
          + scores[0].length + "; expected " + n + " × " + count + " (codes × attributes)");
    }

    // one direction per attribute
    List<AttributeDirection> dirs = new ArrayList<>();
    double[] agreement = new double[count];
    for (int a = 0; a < count; a++) {
      double[] s = new double[n];
      for (int i = 0; i < n; i++) {
        s[i] = scores[i][a];
      }
      dirs.add(AttributeDirection.fit(names.get(a), codes, s));
      agreement[a] = dirs.get(a).agreement();
    }

    // edits to the opposite side, then the labels again
    double[] success = new double[count];
    for (int a = 0; a < count; a++) {
      AttributeDirection dir = dirs.get(a);
      double[] step = new double[n];
      for (int i = 0; i < n; i++) {
        double target = scores[i][a] > 0 ? -alpha : alpha;
        step[i] = target - dir.distance(codes[i]);
      }
      double[][] after = attributes.scores(space.decode(
          LatentOps.shift(codes, dir.normal(), step)));
      int ok = 0;
      for (int i = 0; i < n; i++) {
        boolean good = (after[i][a] > 0) != (scores[i][a] > 0);
        for (int b = 0; b < count && good; b++) {
          if (b != a && (after[i][b] > 0) != (scores[i][b] > 0)) {
            good = false;
          }
        }
        ok += good ? 1 : 0;
      }
      success[a] = (double) ok / n;
    }

    double[][] cosines = new double[count][count];
    double mean = 0;
    for (int a = 0; a < count; a++) {
      mean += success[a] / count;
      for (int b = 0; b < count; b++) {
        cosines[a][b] = Math.abs(Points.dot(dirs.get(a).normal(), dirs.get(b).normal()));
      }
    }
    LOG.info("disentanglement of {}: edit success {}", space.name(), mean);
    double[][] probabilities = new double[n][count];
    for (int i = 0; i < n; i++) {
      for (int a = 0; a < count; a++) {
        probabilities[i][a] = 1 / (1 + Math.exp(-scores[i][a]));
      }
    }
    double separability = LinearSeparability.of(codes, probabilities).score();
    return new Disentanglement(List.copyOf(names), separability, agreement, success, cosines,
        mean, alpha, n, space.name());
  }

  /**
   * Convexity: the share of convex combinations of codes of valid samples that decode to
   * valid samples.
   *
   * <p>n codes are drawn and decoded; the valid ones are kept; {@code combinations} random
   * pairs (a, b) of valid codes and t ~ U(0, 1) give codes (1 − t)·a + t·b, decoded and tested.
   * A convex valid region gives 1.
   *
   * @param share share of valid combinations
   * @param combinations combinations tested
   * @param validCodes valid codes among the n drawn
   * @param n codes drawn
   * @param validity what "valid" means
   * @param space the space measured
   */
  public record Convexity(double share, int combinations, int validCodes, int n,
      String validity, String space) {
  }

  /**
   * Convexity of {@code space} under {@code validity} (see {@link Convexity}).
   *
   * @param space latent space and decoder
   * @param validity the validity test on decoded samples
   * @param n codes drawn, ≥ 2
   * @param combinations pairs tested, ≥ 1
   * @param seed seed of the codes and the weights
   */
  public static Convexity convexity(LatentSpace space, Validity validity, int n,
      int combinations, long seed) {
    if (n < 2 || combinations < 1) {
      throw new IllegalArgumentException("convexity: n = " + n + ", combinations = "
          + combinations + "; expected n ≥ 2 and combinations ≥ 1");
    }
    Random random = new Random(seed);
    double[][] codes = space.sample(n, random);
    boolean[] valid = validity.test(space.decode(codes));
    List<double[]> kept = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (valid[i]) {
        kept.add(codes[i]);
      }
    }
    if (kept.size() < 2) {
      throw new IllegalArgumentException("convexity of " + space.name() + ": only "
          + kept.size() + " of " + n + " codes decode to valid samples (" + validity.name()
          + "); expected at least 2");
    }

    // random pairs of valid codes and uniform weights
    double[][] mixed = new double[combinations][];
    for (int c = 0; c < combinations; c++) {
      double[] a = kept.get(random.nextInt(kept.size()));
      double[] b = kept.get(random.nextInt(kept.size()));
      double t = random.nextDouble();
      mixed[c] = new double[a.length];
      for (int q = 0; q < a.length; q++) {
        mixed[c][q] = (1 - t) * a[q] + t * b[q];
      }
    }
    boolean[] ok = validity.test(space.decode(mixed));
    int count = 0;
    for (boolean b : ok) {
      count += b ? 1 : 0;
    }
    return new Convexity((double) count / combinations, combinations, kept.size(), n,
        validity.name(), space.name());
  }
}
