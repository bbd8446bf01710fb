package lab.latent;

import java.util.List;

/**
 * Attribute scores of samples from the domain classifier: attribute a is present in sample x
 * when score_a(x) &gt; 0 (e.g. a class's logit margin, or a probability minus ½).
 */
public interface Attributes {

  /** Attribute names, A of them. */
  List<String> names();

  /**
   * Scores of n samples.
   *
   * @param samples n × p
   * @return n × A scores
   */
  double[][] scores(double[][] samples);
}
