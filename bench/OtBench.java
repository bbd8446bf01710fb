import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import lab.ot.Costs;
import lab.ot.Gaussians;
import lab.ot.NetworkSimplex;
import lab.ot.OtResult;
import lab.ot.SemiDiscrete;
import lab.ot.Sinkhorn;
import lab.ot.Weights;

/**
 * Times of lab.ot on the inputs written by bench/ot_reference.py (raw little-endian float64):
 * exact OT for n = m = 500, 1000, 2000 in 2-D and 64-D, log-stabilised Sinkhorn for n = m = 2000
 * at ε = 0.05 and 0.01 on costs scaled to [0, 1], semi-discrete OT of 1,000 targets in 16-D to
 * ‖g‖ below 2e-3, and the Gaussian W2 of 2048-d covariances (FID). Each solver first runs once
 * on a small problem so the timed run is JIT-compiled. Prints "task seconds value [extra]".
 * Usage: OtBench DIR [task ...]
 */
public class OtBench {
  static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
          .getOperatingSystemMXBean();

  /** Best wall-clock and best process-CPU seconds of {@code reps} runs, and the last result. */
  record Timed<T>(double wall, double cpu, T value) {
  }

  static <T> Timed<T> time(int reps, java.util.function.Supplier<T> run) {
    double wall = Double.POSITIVE_INFINITY;
    double cpu = Double.POSITIVE_INFINITY;
    T value = null;
    for (int r = 0; r < reps; r++) {
      long c0 = OS.getProcessCpuTime();
      long t0 = System.nanoTime();
      value = run.get();
      wall = Math.min(wall, (System.nanoTime() - t0) / 1e9);
      cpu = Math.min(cpu, (OS.getProcessCpuTime() - c0) / 1e9);
    }
    return new Timed<>(wall, cpu, value);
  }

  static final int[][] EXACT = {{500, 2}, {1000, 2}, {2000, 2}, {500, 64}, {1000, 64},
      {2000, 64}};

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    Set<String> tasks = Set.of(java.util.Arrays.copyOfRange(args, 1, args.length));
    warmUp();
    for (int[] c : EXACT) {
      String key = "emd_" + c[0] + "_" + c[1];
      if (!tasks.isEmpty() && !tasks.contains(key)) {
        continue;
      }
      final double[][] x = load(dir, "x_" + c[0] + "_" + c[1], c[0], c[1]);
      double[][] y = load(dir, "y_" + c[0] + "_" + c[1], c[0], c[1]);
      double[] w = Weights.uniform(c[0]);
      Timed<OtResult> t = time(5, () -> NetworkSimplex.solve(x, w, y, w,
          new NetworkSimplex.Options(100_000_000)));
      System.out.printf("%s %.4f %.4f %.12g %d%n", key, t.wall(), t.cpu(), t.value().cost(),
          t.value().iterations());
    }
    double[][] x = load(dir, "x_2000_2", 2000, 2);
    double[][] y = load(dir, "y_2000_2", 2000, 2);
    double[][] m = Costs.squaredEuclidean(x, y);
    double max = 0;
    for (double[] row : m) {
      for (double v : row) {
        max = Math.max(max, v);
      }
    }
    for (double[] row : m) {
      for (int j = 0; j < row.length; j++) {
        row[j] /= max;
      }
    }
    double[] w = Weights.uniform(2000);
    for (double eps : new double[] {0.05, 0.01}) {
      String key = "sinkhorn_" + eps;
      if (!tasks.isEmpty() && !tasks.contains(key)) {
        continue;
      }
      Sinkhorn.Options o = new Sinkhorn.Options(eps, 100_000, 1e-9, false, 10);
      Timed<OtResult> t = time(1, () -> Sinkhorn.solve(w, w, m, o));
      System.out.printf("%s %.4f %.4f %.12g %d%n", key, t.wall(), t.cpu(), t.value().cost(),
          t.value().iterations());
    }
    if (tasks.isEmpty() || tasks.contains("semidiscrete")) {
      double[][] t = load(dir, "sd_targets", 1000, 16);
      Timed<OtResult> r = time(1, () -> SemiDiscrete.solve(t, Weights.uniform(1000),
          new SemiDiscrete.Options()));
      System.out.printf("semidiscrete %.4f %.4f %.6g %d%n", r.wall(), r.cpu(),
          r.value().marginalError(), r.value().iterations());
    }
    if (tasks.isEmpty() || tasks.contains("fid")) {
      int d = 2048;
      double[][] s1 = load(dir, "fid_s1", d, d);
      double[][] s2 = load(dir, "fid_s2", d, d);
      double[] m1 = load(dir, "fid_m1", 1, d)[0];
      double[] m2 = load(dir, "fid_m2", 1, d)[0];
      Timed<Double> t = time(1, () -> Gaussians.w2Squared(m1, s1, m2, s2));
      System.out.printf("fid %.4f %.4f %.12g%n", t.wall(), t.cpu(), t.value());
    }
  }

  static void warmUp() {
    java.util.Random r = new java.util.Random(0);
    double[][] x = new double[300][2];
    double[][] y = new double[300][2];
    for (int i = 0; i < 300; i++) {
      x[i] = new double[] {r.nextDouble(), r.nextDouble()};
      y[i] = new double[] {r.nextDouble(), r.nextDouble()};
    }
    double[] w = Weights.uniform(300);
    NetworkSimplex.solve(x, w, y, w, new NetworkSimplex.Options(100_000_000));
    Sinkhorn.solve(x, w, y, w, new Sinkhorn.Options(0.01, 2000, 1e-9, false, 10));
    double[][] t = new double[50][16];
    for (double[] row : t) {
      for (int k = 0; k < 16; k++) {
        row[k] = r.nextGaussian() * 0.3;
      }
    }
    SemiDiscrete.solve(t, Weights.uniform(50), new SemiDiscrete.Options());
    double[][] s = {{2, 1}, {1, 2}};
    Gaussians.w2Squared(new double[2], s, new double[2], s);
  }

  static double[][] load(Path dir, String name, int n, int d) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(dir.resolve(name + ".f64")))
        .order(ByteOrder.LITTLE_ENDIAN);
    double[][] a = new double[n][d];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < d; k++) {
        a[i][k] = b.getDouble();
      }
    }
    return a;
  }
}
