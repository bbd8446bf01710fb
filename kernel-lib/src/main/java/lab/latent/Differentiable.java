package lab.latent;

/**
 * A decoder with vector–Jacobian products, for GAN inversion by optimisation: a DJL
 * generator implements {@link #pullback} with autograd, a synthetic map in closed form.
 */
public interface Differentiable {

  /** Dimension of the codes. */
  int latentDim();

  /**
   * Decodes n × k codes to n × p samples.
   */
  double[][] decode(double[][] codes);

  /**
   * Row-wise vector–Jacobian products J_G(z_i)ᵀ u_i.
   *
   * @param codes n × k codes z_i (not modified)
   * @param upstream n × p vectors u_i (not modified)
   * @return n × k
   */
  double[][] pullback(double[][] codes, double[][] upstream);

  /**
   * A decoder differentiated by central finite differences:
   * (Jᵀu)_k = Σ_p u_p · [G(z + h·e_k) − G(z − h·e_k)]_p / (2h), 2k decodes of the batch per
   * product.
   *
   * @param generator G
   * @param h step h &gt; 0 (e.g. 1e-3 for float32 networks)
   * @apiNote Costs 2k forward passes per gradient (k = latent dimension): for a DJL generator
   *     with k = 64 and 200 Adam steps, 25,600 batched passes; fine for tens of images, slow
   *     for thousands. A model that exposes autograd products should implement
   *     {@link #pullback} itself.
   */
  static Differentiable finiteDifferences(LatentGenerator generator, double h) {
    if (!(h > 0) || Double.isInfinite(h)) {
      throw new IllegalArgumentException("finite-difference step h is " + h
          + "; expected a finite h > 0");
    }
    int k = generator.latentDim();
    return new Differentiable() {
      @Override
      public int latentDim() {
        return k;
      }

      @Override
      public double[][] decode(double[][] codes) {
        return generator.decode(codes);
      }

      @Override
      public double[][] pullback(double[][] codes, double[][] upstream) {
        double[][] out = new double[codes.length][k];
        for (int j = 0; j < k; j++) {
          double[][] plus = new double[codes.length][];
          double[][] minus = new double[codes.length][];
          for (int i = 0; i < codes.length; i++) {
            plus[i] = codes[i].clone();
            minus[i] = codes[i].clone();
            plus[i][j] += h;
            minus[i][j] -= h;
          }
          double[][] gp = generator.decode(plus);
          double[][] gm = generator.decode(minus);
          for (int i = 0; i < codes.length; i++) {
            double s = 0;
            for (int p = 0; p < upstream[i].length; p++) {
              s += upstream[i][p] * (gp[i][p] - gm[i][p]);
            }
            out[i][j] = s / (2 * h);
          }
        }
        return out;
      }
    };
  }
}
