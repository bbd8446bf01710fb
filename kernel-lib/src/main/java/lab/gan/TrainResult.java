package lab.gan;

/**
 * What a call to {@link Trainer#train} did.
 *
 * @param stepsRun steps run by this call
 * @param totalSteps steps the model has done in all (after this call)
 * @param stopped whether the run ended early on a stop request or an interrupt
 * @param seconds wall time of this call
 * @param stepsPerSecond step rate of this call (0 when no step ran)
 */
public record TrainResult(long stepsRun, long totalSteps, boolean stopped, double seconds,
    double stepsPerSecond) {
}
