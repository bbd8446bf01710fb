package lab.toy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The toy experiments by name, in the order of the paper: what {@code ./lab toy} lists and
 * {@code ./lab toy NAME} runs.
 */
public final class ToyCatalog {

  /**
   * One experiment.
   *
   * @param name command-line name
   * @param description one line: what it shows
   * @param run the experiment at a profile's sizes
   */
  public record Entry(String name, String description, Function<Profile, ToyResult> run) {
  }

  private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

  static {
    add("manifold", "toy sets embedded in R^64: PCA variance, subspace residual, Isomap chart R²",
        ManifoldView::run);
    add("ot-1d", "1-D OT: sorted quantiles (closed form) vs network simplex, p = 1, 2, 3",
        OneDimensionalCheck::run);
    add("sinkhorn", "Sinkhorn's transport cost → exact OT cost as ε → 0, with the ε log n bound",
        SinkhornLimit::run);
    add("power-diagram", "semi-discrete OT in 2-D: power cells whose areas match the weights",
        PowerCells::run);
    add("gaussian", "W₂ of two Gaussians: closed form vs exact OT of samples vs FID formula",
        GaussianLink::run);
    add("gan-modes", "GAN, WGAN, WGAN-GP, AE-OT on 8/25 Gaussians: modes, off-mode share, W₂",
        GanModes::run);
    add("swiss-hole", "GAN, WGAN-GP on a swiss roll with a band removed: hole filling vs"
        + " latent extrapolation", SwissHole::run);
  }

  private ToyCatalog() {
  }

  private static void add(String name, String description, Function<Profile, ToyResult> run) {
    ENTRIES.put(name, new Entry(name, description, run));
  }

  /** Every experiment, in the order of the paper. */
  public static List<Entry> all() {
    return Collections.unmodifiableList(new ArrayList<>(ENTRIES.values()));
  }

  /**
   * The experiment with the given name.
   *
   * @throws IllegalArgumentException when there is none, listing the names there are
   */
  public static Entry get(String name) {
    Entry e = ENTRIES.get(name);
    if (e == null) {
      throw new IllegalArgumentException(
          "no toy experiment named '" + name + "'; the experiments are " + ENTRIES.keySet());
    }
    return e;
  }
}
