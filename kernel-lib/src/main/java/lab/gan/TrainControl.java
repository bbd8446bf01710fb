package lab.gan;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Lets another thread (a notebook's interrupt, a stop button) end a training run after the step
 * in progress; the model keeps its state and can be saved and resumed. An interrupt of the
 * training thread has the same effect.
 */
public final class TrainControl {

  private final AtomicBoolean stop = new AtomicBoolean();

  /** Asks the run to stop after the current step. */
  public void stop() {
    stop.set(true);
  }

  /** Whether a stop was asked for (or the current thread was interrupted). */
  public boolean stopRequested() {
    return stop.get() || Thread.currentThread().isInterrupted();
  }
}
