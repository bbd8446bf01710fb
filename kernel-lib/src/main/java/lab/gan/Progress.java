package lab.gan;

import java.util.Map;

/**
 * A snapshot of a training run, passed to the progress listener.
 *
 * @param step steps done so far (including those before a resume)
 * @param total steps the run aims for
 * @param losses the latest step's losses by name
 * @param stepsPerSecond step rate over this run so far
 * @param etaSeconds estimated seconds to {@code total} at that rate
 */
public record Progress(long step, long total, Map<String, Double> losses, double stepsPerSecond,
    double etaSeconds) {

  /** One line: step, losses, rate and ETA. */
  public String line() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("step %d/%d", step, total));
    losses.forEach((k, v) -> sb.append(String.format("  %s %.4f", k, v)));
    sb.append(String.format("  %.1f steps/s  ETA %.0f s", stepsPerSecond, etaSeconds));
    return sb.toString();
  }
}
