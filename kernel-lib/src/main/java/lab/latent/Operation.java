package lab.latent;

import java.util.Random;

/**
 * A latent operation used as a sample source (PAPER.md §2): each turns a generator and a seed
 * into n samples that any metric can score, so the benchmark can fill its "operations"
 * columns. Operations act in Z for a plain {@link LatentGenerator} and in W for a
 * {@link StyleGenerator} (the space where StyleGAN interpolates linearly).
 *
 * <ul>
 *   <li>{@link Sample}: z from the prior.</li>
 *   <li>{@link Interpolate}: the midpoint of a random pair; in Z by slerp of the pair (keeps
 *       the norm typical of a Gaussian prior, as StyleGAN's path length does), in W by
 *       lerp.</li>
 *   <li>{@link Extrapolate}: z₁ + f·(z₂ − z₁) with f &gt; 1, beyond the pair (lerp).</li>
 *   <li>{@link Truncate}: z̄ + ψ·(z − z̄) with 0 ≤ ψ ≤ 1, z̄ the prior mean (W: w̄).</li>
 *   <li>{@link StyleMix}: layers below the crossover take w₁, the others w₂ (style generators
 *       only).</li>
 *   <li>{@link Edit}: InterFaceGAN's z ↦ z + (α − z·n̂)·n̂, which places the code at signed
 *       distance α from the attribute's separating hyperplane through 0 along n̂.</li>
 * </ul>
 */
public sealed interface Operation {

  /** A short label for tables, e.g. "extrapolate ×1.5". */
  String label();

  /**
   * n samples of {@code generator} under this operation.
   *
   * @param generator the generator
   * @param n number of samples, ≥ 1
   * @param seed seed of the codes (same seed, same samples)
   */
  default SampleSet apply(LatentGenerator generator, int n, long seed) {
    if (n < 1) {
      throw new IllegalArgumentException("operation " + label() + ": n is " + n
          + "; expected ≥ 1");
    }
    return LatentOps.apply(this, generator, n, new Random(seed));
  }

  /** Plain sampling from the prior. */
  record Sample() implements Operation {
    @Override
    public String label() {
      return "sample";
    }
  }

  /** Midpoints of random pairs. */
  record Interpolate() implements Operation {
    @Override
    public String label() {
      return "interpolate (midpoints)";
    }
  }

  /**
   * Extrapolation beyond a random pair.
   *
   * @param factor f &gt; 1: the point z₁ + f·(z₂ − z₁)
   */
  record Extrapolate(double factor) implements Operation {
    /** Checks f &gt; 1 and finite. */
    public Extrapolate {
      if (!(factor > 1) || Double.isInfinite(factor)) {
        throw new IllegalArgumentException("extrapolation factor is " + factor
            + "; expected a finite value > 1 (1 is the pair's second point)");
      }
    }

    @Override
    public String label() {
      return "extrapolate ×" + factor;
    }
  }

  /**
   * Truncation towards the mean code.
   *
   * @param psi ψ in [0, 1]
   */
  record Truncate(double psi) implements Operation {
    /** Checks 0 ≤ ψ ≤ 1. */
    public Truncate {
      if (!(psi >= 0 && psi <= 1)) {
        throw new IllegalArgumentException("truncation ψ is " + psi + "; expected 0 ≤ ψ ≤ 1");
      }
    }

    @Override
    public String label() {
      return "truncate ψ=" + psi;
    }
  }

  /**
   * Style mixing: layers 0..crossover−1 from the first code's style, the rest from the
   * second's.
   *
   * @param crossover the first layer that takes the second style, 1 ≤ crossover &lt; layers
   */
  record StyleMix(int crossover) implements Operation {
    /** Checks crossover ≥ 1 (the upper bound is checked against the generator). */
    public StyleMix {
      if (crossover < 1) {
        throw new IllegalArgumentException("style-mixing crossover is " + crossover
            + "; expected ≥ 1");
      }
    }

    @Override
    public String label() {
      return "style mix at layer " + crossover;
    }
  }

  /**
   * Attribute editing along a unit direction.
   *
   * @param attribute the attribute's name
   * @param direction n̂, unit length (in Z, or W for a style generator)
   * @param alpha α, the signed distance to the hyperplane after the edit (InterFaceGAN uses
   *     α ∈ [−3, 3])
   */
  record Edit(String attribute, double[] direction, double alpha) implements Operation {
    /** Checks that the direction has unit length (to 1e-6) and α is finite. */
    public Edit {
      if (direction == null || direction.length == 0
          || Math.abs(Points.norm(direction) - 1) > 1e-6) {
        throw new IllegalArgumentException("edit direction for '" + attribute + "' has norm "
            + (direction == null ? "null" : Points.norm(direction)) + "; expected a unit"
            + " vector");
      }
      if (!Double.isFinite(alpha)) {
        throw new IllegalArgumentException("edit α is " + alpha + "; expected finite");
      }
    }

    @Override
    public String label() {
      return "edit " + attribute + " α=" + alpha;
    }
  }
}
