package lab.latent;

import java.util.Random;

/**
 * A generator of 8 × 8 "images" with known, disentangled attributes: a Gaussian blob at the
 * centre with column spread e^(0.3·z₀) (width), row spread e^(0.3·z₁) (height) and total mass
 * 10·e^(0.2·z₂) (ink).
 */
final class Blobs implements LatentGenerator {

  static final int SIDE = 8;

  private final String name;
  private int calls;

  Blobs(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int latentDim() {
    return 3;
  }

  /** Decoder calls so far. */
  int calls() {
    return calls;
  }

  @Override
  public double[][] decode(double[][] codes) {
    calls++;
    double[][] x = new double[codes.length][SIDE * SIDE];
    double centre = (SIDE - 1) / 2.0;
    for (int i = 0; i < codes.length; i++) {
      double sc = Math.exp(0.3 * codes[i][0]);
      double sr = Math.exp(0.3 * codes[i][1]);
      double sum = 0;
      for (int r = 0; r < SIDE; r++) {
        for (int c = 0; c < SIDE; c++) {
          double v = Math.exp(-0.5 * Math.pow((c - centre) / sc, 2)
              - 0.5 * Math.pow((r - centre) / sr, 2));
          x[i][r * SIDE + c] = v;
          sum += v;
        }
      }
      for (int p = 0; p < x[i].length; p++) {
        x[i][p] *= 10 * Math.exp(0.2 * codes[i][2]) / sum;
      }
    }
    return x;
  }

  /** n images of codes drawn from N(0, I), as an image set. */
  lab.data.ImageSet images(int n, long seed, String setName) {
    double[][] x = decode(sampleCodes(n, new Random(seed)));
    float[][] f = new float[n][];
    for (int i = 0; i < n; i++) {
      f[i] = new float[x[i].length];
      for (int p = 0; p < f[i].length; p++) {
        f[i][p] = (float) x[i][p];
      }
    }
    return new lab.data.ImageSet(f, null, SIDE, SIDE, setName);
  }
}
