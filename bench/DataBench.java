import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import lab.data.FashionMnist;
import lab.data.Idx;
import lab.data.ImageSet;
import lab.data.Splits;
import lab.plot.Embeddings;

/**
 * Times of lab.data and lab.plot on Fashion-MNIST: decoding the gzipped training set, t-SNE of
 * a seeded sample, PCA. Prints "name seconds" lines and writes the sample's indices to the
 * file given as first argument, so that the Python reference works on the same images.
 */
public class DataBench {
  public static void main(String[] args) throws Exception {
    Path dir = FashionMnist.dir();
    int tsneN = Integer.parseInt(args[1]);

    long t0 = System.nanoTime();
    ImageSet train = Idx.read(dir.resolve("train-images-idx3-ubyte.gz"),
        dir.resolve("train-labels-idx1-ubyte.gz"), "train");
    double decode = (System.nanoTime() - t0) / 1e9;

    int[] idx = Splits.sample(train.size(), tsneN, 1);
    Files.writeString(Path.of(args[0]),
        Arrays.stream(idx).mapToObj(String::valueOf).collect(Collectors.joining("\n")));
    ImageSet some = train.subset(idx, "sample");

    t0 = System.nanoTime();
    Embeddings.tsne(some, 1);
    double tsne = (System.nanoTime() - t0) / 1e9;

    int[] pcaIdx = Splits.sample(train.size(), 10_000, 2);
    ImageSet pcaSet = train.subset(pcaIdx, "pca");
    t0 = System.nanoTime();
    Embeddings.pca(pcaSet);
    double pca = (System.nanoTime() - t0) / 1e9;

    System.out.println("dir " + dir);
    System.out.printf("decode %.3f%n", decode);
    System.out.printf("tsne %.3f%n", tsne);
    System.out.printf("pca %.3f%n", pca);
  }
}
