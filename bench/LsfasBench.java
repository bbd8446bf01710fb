import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import lab.data.Augment;
import lab.data.ImageSet;
import lab.data.PointSet;
import lab.data.Splits;
import lab.gan.Autoencoder;
import lab.gan.AutoencoderConfig;
import lab.gan.TrainOptions;
import lab.gan.Trainer;
import lab.latent.AutoencoderSpace;
import lab.latent.Distances;
import lab.latent.Encoder;
import lab.latent.FeatureScore;
import lab.latent.Lsfas;
import lab.latent.LsfasRow;
import lab.latent.Quality;
import lab.latent.SampleSet;
import smile.classification.LogisticRegression;
import smile.feature.extraction.PCA;

/**
 * LSFAS end to end on Fashion-MNIST for 5,000 generated samples: encode into M, exact OT in M
 * (FeatureScore), IS and FID parts, novelty and validity. Prints "name value" lines and writes
 * the sets of the first FeatureScore repeat (in M) to the folder given as first argument, so
 * that POT can time the same three exact OT problems.
 *
 * <p>M = the 32-d latent space of lab.gan's image autoencoder trained on R_tr for the given
 * number of steps ("ae"), or PCA (32 components) of R_tr ("pca"). Stand-ins, stated in the
 * results: the domain network = multinomial logistic regression on 32 PCA features of R_tr
 * (IS) and the same features (FID); the "generated" samples = classic augmentation (shift ±2
 * px, rotation ±10°) of the training images.
 */
public class LsfasBench {
  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    int perClass = Integer.parseInt(args[1]);
    int generated = Integer.parseInt(args[2]);
    String space = args[3];
    int aeSteps = Integer.parseInt(args[4]);

    // data, M and the domain network (setup, not timed as LSFAS)
    long t0 = System.nanoTime();
    Splits.Split split = Splits.fashionMnist(perClass, 1);
    Lsfas.RealSets real = Lsfas.RealSets.of(split, "Fashion-MNIST");
    double[][] train = real.train().points();
    PCA full = PCA.fit(train);
    PCA pca = full.getProjection(32);
    double[][] proj = new double[32][784];
    double[] offset = new double[32];
    double[] centre = full.center();
    for (int r = 0; r < 32; r++) {
      for (int j = 0; j < 784; j++) {
        proj[r][j] = pca.loadings().get(j, r);
        offset[r] -= proj[r][j] * centre[j];
      }
    }
    Encoder pcaFeatures = Encoder.linear("PCA-32 of R_tr", proj, offset);
    double[][] features = pcaFeatures.encode(train);
    Autoencoder ae = null;
    Encoder m = pcaFeatures;
    double aeTrain = 0;
    if (space.equals("ae")) {
      long ta = System.nanoTime();
      ae = new Autoencoder(AutoencoderConfig.image(32), 1);
      Trainer.train(ae, Trainer.Data.of(split.train()), TrainOptions.of(aeSteps));
      aeTrain = (System.nanoTime() - ta) / 1e9;
      m = AutoencoderSpace.encoder(ae, "AE-32 of R_tr (" + aeSteps + " steps)");
    }
    LogisticRegression clf = LogisticRegression.multinomial(features, real.train().labels(),
        0.1, 1e-5, 500);
    Quality q = Quality.of("logistic regression on PCA-32", x -> {
      double[][] f = pcaFeatures.encode(x);
      double[][] p = new double[f.length][10];
      for (int i = 0; i < f.length; i++) {
        clf.predict(f[i], p[i]);
      }
      return p;
    }, pcaFeatures::encode);
    int copies = (generated + split.train().size() - 1) / split.train().size();
    Augment aug = Augment.shift(2).then(Augment.rotate(10));
    ImageSet augmented = aug.apply(split.train(), copies, 7);
    int[] first = new int[generated];
    for (int i = 0; i < generated; i++) {
      first[i] = i;
    }
    ImageSet s = augmented.subset(first, "augmented");
    double[][] sx = new double[generated][];
    for (int i = 0; i < generated; i++) {
      sx[i] = new double[784];
      for (int p = 0; p < 784; p++) {
        sx[i][p] = s.images()[i][p];
      }
    }
    SampleSet samples = new SampleSet("classic augmentation", "shift 2 + rotate 10", null, sx,
        s.labels());
    double setup = (System.nanoTime() - t0) / 1e9;

    // reference (encode real sets, IS(R_te), FID(R_fr, R_te)) and the row
    t0 = System.nanoTime();
    Lsfas.Reference ref = Lsfas.reference(real, m, q, Distances.auto());
    double reference = (System.nanoTime() - t0) / 1e9;
    int repeats = Math.max(1, generated / split.train().size());
    Lsfas.Options o = Lsfas.Options.defaults()
        .withFeatureScore(FeatureScore.Options.defaults().withRepeats(repeats));
    t0 = System.nanoTime();
    LsfasRow row = Lsfas.score(samples, ref, o);
    double total = (System.nanoTime() - t0) / 1e9;

    // the three OT problems of one repeat on fixed rows (first n of S and R_fr, first
    // testSize of R_te), timed here and written out for POT
    FeatureScore.Result fs = row.featureScore();
    int n = fs.n();
    double[][] tr = ref.train().points();
    double[][] te = Arrays.copyOf(ref.test().points(), fs.testSize());
    double[][] withS = concat(tr, Arrays.copyOf(m.encode(sx), n));
    double[][] withFr = concat(tr, Arrays.copyOf(ref.fresh().points(), n));
    t0 = System.nanoTime();
    double w1 = Distances.exact().between(tr, te).value();
    double w2 = Distances.exact().between(withS, te).value();
    double w3 = Distances.exact().between(withFr, te).value();
    double oneRepeat = (System.nanoTime() - t0) / 1e9;
    dump(out.resolve("train.csv"), tr);
    dump(out.resolve("test.csv"), te);
    dump(out.resolve("with_samples.csv"), withS);
    dump(out.resolve("with_fresh.csv"), withFr);
    System.out.printf("oneRepeat %.3f%n", oneRepeat);
    System.out.printf("wTrain %.10f%n", w1);
    System.out.printf("wWithSamples %.10f%n", w2);
    System.out.printf("wWithFresh %.10f%n", w3);

    System.out.printf("setup %.3f%n", setup);
    System.out.printf("aeTrain %.3f%n", aeTrain);
    System.out.println("space " + m.name());
    System.out.printf("reference %.3f%n", reference);
    System.out.printf("total %.3f%n", total);
    System.out.printf("encode %.3f%n", row.timing().encode());
    System.out.printf("transport %.3f%n", row.timing().transport());
    System.out.printf("quality %.3f%n", row.timing().quality());
    System.out.printf("diagnostics %.3f%n", row.timing().diagnostics());
    System.out.printf("repeats %d%n", fs.repeats().size());
    System.out.printf("n %d%n", fs.n());
    System.out.printf("added %d%n", fs.added());
    System.out.printf("testSize %d%n", fs.testSize());
    System.out.printf("perClass %d%n", row.perClass().size());
    System.out.println("solver " + fs.solver());
    System.out.printf("lsfas %.4f%n", row.lsfas());
    System.out.printf("qIs %.4f%n", row.qIs());
    System.out.printf("qFid %.4f%n", row.qFid());
    System.out.printf("featureScore %.4f%n", fs.value());
    System.out.printf("featureScoreStd %.4f%n", fs.std());
    System.out.printf("novelty %.4f%n", row.novelty());
    System.out.printf("validity %.4f%n", row.validity());
    System.out.println("markdown-begin");
    System.out.println(row.toTable().markdown());
    System.out.println("markdown-end");
    if (ae != null) {
      ae.close();
    }
  }

  static double[][] concat(double[][] a, double[][] b) {
    double[][] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  static void dump(Path file, double[][] x) throws Exception {
    Files.writeString(file, Arrays.stream(x).map(r -> Arrays.stream(r)
        .mapToObj(Double::toString).collect(Collectors.joining(",")))
        .collect(Collectors.joining("\n")));
  }
}
