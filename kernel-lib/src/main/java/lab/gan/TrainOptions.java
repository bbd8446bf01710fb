package lab.gan;

/**
 * How long and how to train.
 *
 * @param steps total optimisation steps (a resumed model continues to this count), ≥ 1
 * @param batchSize samples per step, ≥ 1
 * @param seed seed of batch selection and of every random draw of the engine
 * @param threads intra-op threads of the engine (results are bit-identical only at a fixed
 *     count), ≥ 1
 * @param logEvery steps between two progress reports, ≥ 1
 * @param checkpointEvery steps between two checkpoint writes when a checkpoint file is given
 *     (0: only at the end)
 * @apiNote On a machine whose cores are busy with other work, two engine threads can be many
 *     times slower than one (each operation waits for its second thread to be scheduled:
 *     measured 0.7 s per image GAN step with one thread against 6–13 s with two on the shared
 *     2-core machine, see bench/results/gan.md); pass {@code withThreads(1)} there.
 */
public record TrainOptions(int steps, int batchSize, long seed, int threads, int logEvery,
    int checkpointEvery) {

  /** Default batch size. */
  public static final int BATCH = 64;
  /** Default seed. */
  public static final long SEED = 42L;
  /** Default thread count. */
  public static final int THREADS = 2;
  /** Default report interval. */
  public static final int LOG_EVERY = 100;

  /** Checks every field. */
  public TrainOptions {
    if (steps < 1) {
      throw new IllegalArgumentException("steps is " + steps + ", expected at least 1");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize is " + batchSize + ", expected at least 1");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads is " + threads + ", expected at least 1");
    }
    if (logEvery < 1) {
      throw new IllegalArgumentException("logEvery is " + logEvery + ", expected at least 1");
    }
    if (checkpointEvery < 0) {
      throw new IllegalArgumentException("checkpointEvery is " + checkpointEvery
          + ", expected 0 (end only) or more");
    }
  }

  /** {@code steps} steps with the defaults for the rest. */
  public static TrainOptions of(int steps) {
    return new TrainOptions(steps, BATCH, SEED, THREADS, LOG_EVERY, 0);
  }

  /** A copy with another batch size. */
  public TrainOptions withBatchSize(int b) {
    return new TrainOptions(steps, b, seed, threads, logEvery, checkpointEvery);
  }

  /** A copy with another seed. */
  public TrainOptions withSeed(long s) {
    return new TrainOptions(steps, batchSize, s, threads, logEvery, checkpointEvery);
  }

  /** A copy with another step count. */
  public TrainOptions withSteps(int n) {
    return new TrainOptions(n, batchSize, seed, threads, logEvery, checkpointEvery);
  }

  /** A copy with another thread count. */
  public TrainOptions withThreads(int t) {
    return new TrainOptions(steps, batchSize, seed, t, logEvery, checkpointEvery);
  }

  /** A copy with another report interval. */
  public TrainOptions withLogEvery(int n) {
    return new TrainOptions(steps, batchSize, seed, threads, n, checkpointEvery);
  }

  /** A copy with another checkpoint interval. */
  public TrainOptions withCheckpointEvery(int n) {
    return new TrainOptions(steps, batchSize, seed, threads, logEvery, n);
  }
}
