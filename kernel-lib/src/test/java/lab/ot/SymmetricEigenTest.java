package lab.ot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import smile.math.matrix.Matrix;

/** The LAPACK symmetric solver reached through Smile: V diag(λ) Vᵀ = S and VᵀV = I. */
class SymmetricEigenTest {

  @Test
  void reconstructsAndIsOrthogonal() {
    int d = 60;
    Random r = new Random(7);
    double[][] x = new double[d][d];
    for (double[] row : x) {
      for (int k = 0; k < d; k++) {
        row[k] = r.nextGaussian();
      }
    }
    Matrix g = Matrix.of(x);
    Matrix s = SymmetricEigen.symmetrise(g.add(g.transpose()));
    SymmetricEigen e = SymmetricEigen.of(s, true);
    Matrix v = e.vectors();
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        double rec = 0;
        double gram = 0;
        for (int k = 0; k < d; k++) {
          rec += v.get(i, k) * e.values()[k] * v.get(j, k);
          gram += v.get(k, i) * v.get(k, j);
        }
        assertEquals(s.get(i, j), rec, 1e-10, "V diag(l) V^T");
        assertEquals(i == j ? 1.0 : 0.0, gram, 1e-12, "V^T V");
      }
    }
    // square root of a PSD matrix: R R = S for S = G Gᵀ
    Matrix psd = SymmetricEigen.symmetrise(g.aat());
    Matrix root = SymmetricEigen.of(psd, true).function(0.5, 0);
    Matrix sq = root.mm(root);
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        assertEquals(psd.get(i, j), sq.get(i, j), 1e-9 * (1 + Math.abs(psd.get(i, i))));
      }
    }
  }
}
