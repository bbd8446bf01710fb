package lab.toy;

import java.nio.file.Path;
import lab.data.PointSet;
import lab.gan.Checkpoint;
import lab.gan.GenerativeModel;
import lab.gan.TrainOptions;
import lab.gan.Trainer;
import lab.ot.NetworkSimplex;
import lab.ot.Weights;

/** Training with checkpoint reuse, and the exact OT distance, shared by the GAN toys. */
final class ToyTraining {

  private ToyTraining() {
  }

  /**
   * Trains {@code model} on {@code data} to {@code steps} steps, or loads it from
   * {@code dir/name-<config hash>.ckpt} when that file holds at least as many steps. One
   * engine thread: these networks are small, and on a shared two-core machine more threads
   * spin against each other.
   *
   * @param dir checkpoint folder, or {@code null} to train without saving
   * @return seconds spent training (0 when the checkpoint was reused)
   */
  static double trainOrLoad(GenerativeModel model, PointSet data, int steps, int batch,
      long seed, Path dir, String name) {
    Trainer.Data d = Trainer.Data.of(data).unlabelled();
    TrainOptions opts = TrainOptions.of(steps).withBatchSize(batch).withSeed(seed)
        .withThreads(1).withLogEvery(Math.max(1, steps / 4));
    long t0 = System.nanoTime();
    if (dir == null) {
      Trainer.train(model, d, opts);
    } else {
      Path file = dir.resolve(Checkpoint.path(name, model).getFileName());
      boolean reused = Checkpoint.loadOrTrain(file, model, steps, m -> Trainer.train(m, d, opts));
      if (reused) {
        return 0;
      }
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  /** Exact W₂ between two equally weighted point clouds (network simplex, squared cost). */
  static double w2(double[][] x, double[][] y) {
    return Math.sqrt(Math.max(0, NetworkSimplex.solve(x, Weights.uniform(x.length), y,
        Weights.uniform(y.length), new NetworkSimplex.Options()).cost()));
  }

  /** Double rows as floats. */
  static float[][] toFloat(double[][] d) {
    float[][] f = new float[d.length][];
    for (int i = 0; i < d.length; i++) {
      f[i] = new float[d[i].length];
      for (int j = 0; j < d[i].length; j++) {
        f[i][j] = (float) d[i][j];
      }
    }
    return f;
  }

  /** Float rows as doubles. */
  static double[][] toDouble(float[][] f) {
    double[][] d = new double[f.length][];
    for (int i = 0; i < f.length; i++) {
      d[i] = new double[f[i].length];
      for (int j = 0; j < f[i].length; j++) {
        d[i][j] = f[i][j];
      }
    }
    return d;
  }
}
