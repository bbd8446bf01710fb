/**
 * The latent space as a semantic space (PAPER.md §2–3.5): the common space M, latent
 * operations as sample sources, the three properties, and the LSFAS score.
 *
 * <ul>
 *   <li>Views of generators: {@link lab.latent.LatentGenerator} (codes z ↦ samples), its
 *       StyleGAN-like extension {@link lab.latent.StyleGenerator} (mapping z ↦ w, one w per
 *       layer), with the lab.gan models behind {@link lab.latent.GanLatent} and
 *       {@link lab.latent.StyleGanLatent}, and one class of a conditional model at a time in
 *       {@link lab.latent.ClassLatent}; {@link lab.latent.LatentSpace} (Z, W or M with a
 *       decoder) for the properties.</li>
 *   <li>The common space M: {@link lab.latent.Encoder}, built from lab.gan's autoencoder
 *       ({@link lab.latent.AutoencoderSpace}) or from the domain classifier's features
 *       ({@link lab.latent.FeatureSpace}); maps into M ({@link lab.latent.LatentMap}: the
 *       image E(G(z)) and a ridge regression), GAN inversion ({@link lab.latent.Inversion}),
 *       a t-SNE/UMAP picture ({@link lab.latent.CommonSpaceView}).</li>
 *   <li>Latent operations as sample sources: {@link lab.latent.Operation} (sampling,
 *       interpolation, extrapolation, truncation, style mixing, attribute editing along
 *       {@link lab.latent.AttributeDirection}s), each giving a {@link lab.latent.SampleSet}.</li>
 *   <li>Properties: {@link lab.latent.LatentProperties} (linearity and PPL, disentanglement,
 *       convexity under a {@link lab.latent.Validity}), one table row per space in
 *       {@link lab.latent.PropertiesRow}, many spaces with one yardstick in
 *       {@link lab.latent.PropertySurvey}; pixel attributes ({@link lab.latent.ImageAttributes}),
 *       measured edits ({@link lab.latent.AttributeEdits}) and style mixing by layer range
 *       ({@link lab.latent.StyleMixing}), with their figures in
 *       {@link lab.latent.LatentFigures}.</li>
 *   <li>LSFAS: {@link lab.latent.FeatureScore} by optimal transport in M
 *       ({@link lab.latent.Distances}: exact W2 through lab.ot, sliced above a stated size),
 *       {@link lab.latent.Diagnostics} (novelty, validity), {@link lab.latent.Lsfas} (q_IS,
 *       q_FID, the composite, the one-call row) and {@link lab.latent.LsfasRow} (every
 *       component, as a {@link lab.plot.ResultTable} row).</li>
 * </ul>
 *
 * <p>Shapes: samples, codes and points of M are {@code double[n][d]} row matrices; images are
 * rows of height·width pixels. Bad input raises {@link java.lang.IllegalArgumentException}
 * naming the input, its value or shape and what was expected. Seeds make every draw
 * repeatable: the same inputs and seed give bit-identical results on one machine.
 */
package lab.latent;
