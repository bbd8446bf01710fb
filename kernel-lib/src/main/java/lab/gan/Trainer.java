package lab.gan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import lab.data.ImageSet;
import lab.data.PointSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains any {@link TrainableModel}: minibatches drawn with replacement-free shuffling per step,
 * progress reports, stop requests, checkpoints, resume.
 *
 * <p>Repeatability: step s uses a batch and engine draws that depend only on (seed, s), and the
 * engine is reseeded before each step, so a run is bit-identical to another with the same
 * options and thread count, and a run resumed from a checkpoint at step s continues exactly as
 * the uninterrupted run would have.
 *
 * <p>Data: an n × dim float array (a {@link PointSet}'s points or an {@link ImageSet}'s images)
 * and, for a conditional model, n labels.
 *
 * @apiNote Observed exception: the image GAN and WGAN-GP (the models with batch normalisation)
 *     retrained in a fresh process have come out slightly different from an earlier training;
 *     the toy models, the autoencoders and the StyleGAN-like model repeat bit-identically.
 */
public final class Trainer {

  private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

  private Trainer() {
  }

  /** Training data: n rows of dim floats and optional labels. */
  public record Data(float[][] x, int[] labels) {

    /** Checks shapes. */
    public Data {
      if (x == null || x.length == 0) {
        throw new IllegalArgumentException("training data is empty");
      }
      for (int i = 0; i < x.length; i++) {
        if (x[i].length != x[0].length) {
          throw new IllegalArgumentException("training row " + i + " has " + x[i].length
              + " values, row 0 has " + x[0].length);
        }
      }
      if (labels != null && labels.length != x.length) {
        throw new IllegalArgumentException(x.length + " training rows but " + labels.length
            + " labels");
      }
    }

    /** The points of a point set (as floats) with its labels. */
    public static Data of(PointSet set) {
      float[][] x = new float[set.size()][set.dim()];
      for (int i = 0; i < x.length; i++) {
        for (int j = 0; j < x[i].length; j++) {
          x[i][j] = (float) set.points()[i][j];
        }
      }
      return new Data(x, set.labels());
    }

    /** The images of an image set with its labels. */
    public static Data of(ImageSet set) {
      return new Data(set.images(), set.labels());
    }

    /** The same rows without labels. */
    public Data unlabelled() {
      return new Data(x, null);
    }
  }

  /** Trains with progress logged through slf4j. */
  public static TrainResult train(TrainableModel model, Data data, TrainOptions options) {
    return train(model, data, options, p -> LOG.info("{} {}", model.kind(), p.line()),
        new TrainControl(), null);
  }

  /**
   * Runs steps from {@code model.step()} up to {@code options.steps()}.
   *
   * @param model the model (trained in place)
   * @param data training rows, each of {@code model.dim()} floats
   * @param options steps, batch size, seed, threads, intervals
   * @param listener receives a {@link Progress} every {@code logEvery} steps and at the end
   * @param control stop switch (checked before every step)
   * @param checkpoint file to save to every {@code checkpointEvery} steps and at the end, or
   *     {@code null}
   */
  public static TrainResult train(TrainableModel model, Data data, TrainOptions options,
      Consumer<Progress> listener, TrainControl control, Path checkpoint) {
    if (data.x()[0].length != model.dim()) {
      throw new IllegalArgumentException(model.kind() + " expects rows of " + model.dim()
          + " floats, the data has " + data.x()[0].length);
    }
    if (model.classes() > 0 && data.labels() == null) {
      throw new IllegalArgumentException(model.kind() + " is conditional on " + model.classes()
          + " classes but the data has no labels");
    }
    Torch.threads(options.threads());
    int n = data.x().length;
    int b = Math.min(options.batchSize(), n);
    int dim = model.dim();
    long start = model.step();
    long t0 = System.nanoTime();
    boolean stopped = false;
    float[] last = null;
    LOG.info("{}: training steps {}..{} (batch {}, {} threads, {} parameters)", model.kind(),
        start, options.steps(), b, options.threads(), model.params().count());
    for (long s = start; s < options.steps(); s++) {
      if (control.stopRequested()) {
        stopped = true;
        break;
      }
      long stepSeed = mix(options.seed(), s);
      Torch.seed(stepSeed);
      int[] idx = batch(n, b, new SplittableRandom(stepSeed));
      float[] flat = new float[b * dim];
      int[] lab = model.classes() > 0 ? new int[b] : null;
      for (int i = 0; i < b; i++) {
        System.arraycopy(data.x()[idx[i]], 0, flat, i * dim, dim);
        if (lab != null) {
          lab[i] = data.labels()[idx[i]];
        }
      }
      try (NDScope scope = new NDScope()) {
        NDArray x = model.manager.create(flat, new Shape(b, dim));
        NDArray y = lab == null ? null : model.manager.create(lab);
        last = model.trainStep(x, y);
      }
      for (float v : last) {
        if (!Float.isFinite(v)) {
          throw new IllegalStateException(model.kind() + ": loss became " + v + " at step " + s
              + "; lower the learning rate");
        }
      }
      model.recordStep(last);
      long done = model.step() - start;
      if (model.step() % options.logEvery() == 0 || model.step() == options.steps()) {
        listener.accept(progress(model, last, done, t0, options.steps()));
      }
      if (checkpoint != null && options.checkpointEvery() > 0
          && model.step() % options.checkpointEvery() == 0) {
        Checkpoint.save(checkpoint, model);
      }
    }
    if (checkpoint != null && model.step() > start) {
      Checkpoint.save(checkpoint, model);
    }
    double sec = (System.nanoTime() - t0) / 1e9;
    long ran = model.step() - start;
    if (stopped) {
      LOG.info("{}: stopped at step {}", model.kind(), model.step());
    }
    return new TrainResult(ran, model.step(), stopped, sec, ran == 0 ? 0 : ran / sec);
  }

  /**
   * Loads the model from its checkpoint {@code Checkpoint.path(name, model)} when one of the
   * same configuration with at least {@code options.steps()} steps exists; otherwise trains
   * (resuming a shorter checkpoint) and saves it. The one call a notebook cell makes.
   *
   * @return whether training was skipped
   */
  public static boolean trainOrLoad(String name, TrainableModel model, Data data,
      TrainOptions options, Consumer<Progress> listener) {
    Path file = Checkpoint.path(name, model);
    return Checkpoint.loadOrTrain(file, model, options.steps(),
        m -> train(m, data, options, listener, new TrainControl(), file));
  }

  private static Progress progress(TrainableModel model, float[] losses, long done, long t0,
      long total) {
    double sec = (System.nanoTime() - t0) / 1e9;
    double rate = done / Math.max(sec, 1e-9);
    Map<String, Double> named = new LinkedHashMap<>();
    for (int i = 0; i < losses.length; i++) {
      named.put(model.lossNames().get(i), (double) losses[i]);
    }
    return new Progress(model.step(), total, named, rate, (total - model.step()) / rate);
  }

  /** b distinct indices in [0, n), drawn by a partial Fisher-Yates shuffle. */
  static int[] batch(int n, int b, SplittableRandom rng) {
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    for (int i = 0; i < b; i++) {
      int j = i + rng.nextInt(n - i);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    int[] out = new int[b];
    System.arraycopy(perm, 0, out, 0, b);
    return out;
  }

  /** A per-step seed from the run seed and the step (SplitMix64 finaliser). */
  static long mix(long seed, long step) {
    long z = seed + 0x9E3779B97F4A7C15L * (step + 1);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
