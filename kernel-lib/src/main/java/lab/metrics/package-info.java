/**
 * Scores of generative models, computed as the reference implementations do (definitions and
 * constants: {@code shared/reference/METRICS.md}).
 *
 * <ul>
 *   <li>Distribution distances on features: {@link lab.metrics.Fid} (on
 *       {@link lab.ot.Gaussians#w2Squared}), {@link lab.metrics.Kid};</li>
 *   <li>fidelity and diversity by k-NN balls: {@link lab.metrics.PrecisionRecall},
 *       {@link lab.metrics.DensityCoverage} (real set first in every signature);</li>
 *   <li>class-probability scores: {@link lab.metrics.InceptionScore};</li>
 *   <li>latent-space scores: {@link lab.metrics.PerceptualPathLength},
 *       {@link lab.metrics.LinearSeparability};</li>
 *   <li>scores that train a classifier: {@link lab.metrics.ClassifierScores} (CAS and
 *       augmentation gain);</li>
 *   <li>agreement between metrics: {@link lab.metrics.RankCorrelation};</li>
 *   <li>feature networks: {@link lab.metrics.FeatureExtractor}, implemented by
 *       {@link lab.metrics.DomainNet} (FMNIST-Net, MNIST-Net) and
 *       {@link lab.metrics.InceptionV3} (a user-provided TorchScript file), and
 *       {@link lab.metrics.Scores}, which names each score after its network.</li>
 * </ul>
 *
 * <p>Bad input (empty sets, ragged or non-finite features, mismatched dimensions, fewer
 * samples than a metric needs) raises {@link java.lang.IllegalArgumentException} naming the
 * input and its shape.
 */
package lab.metrics;
