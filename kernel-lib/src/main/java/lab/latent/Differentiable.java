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
}
