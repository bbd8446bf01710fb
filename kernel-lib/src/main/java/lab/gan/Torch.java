package lab.gan;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.Collection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up and global settings of DJL's PyTorch engine for the generator package.
 *
 * <p>The engine must start without the network. DJL reads its offline switch (system property
 * {@code ai.djl.offline} or environment variable {@code DJL_OFFLINE}) and, when the native CPU
 * jar {@code ai.djl.pytorch:pytorch-native-cpu:2.7.1:linux-x86_64} is on the class path, extracts
 * the libraries from that jar into its cache ({@code ~/.djl.ai/pytorch}, or {@code DJL_CACHE_DIR}
 * when set). {@link #engine()} turns the offline switch on when nobody has set it, checks that
 * the native jar is present before DJL looks anywhere else, and fails fast with a message that
 * says what to add otherwise.
 *
 * <p>Repeatability: {@link #seed(long)} seeds the engine's generator; with a fixed number of
 * threads ({@link #threads(int)}) the CPU kernels used here give bit-identical results run to
 * run. A different thread count may change the order of floating-point sums and so the last bits.
 */
public final class Torch {

  private static final Logger LOG = LoggerFactory.getLogger(Torch.class);

  /** Class-path resource that only the native CPU jar provides. */
  static final String NATIVE_MARKER = "native/lib/pytorch.properties";

  /** The artifact to add when the native marker is missing. */
  static final String NATIVE_ARTIFACT =
      "ai.djl.pytorch:pytorch-native-cpu:2.7.1 (classifier linux-x86_64)";

  private static volatile Engine engine;

  private Torch() {
  }

  /**
   * The PyTorch engine, started offline on first use.
   *
   * @throws IllegalStateException when the offline switch is explicitly off, the native CPU jar is
   *     not on the class path, or the engine fails to load; the message names what to add
   */
  public static Engine engine() {
    Engine e = engine;
    if (e != null) {
      return e;
    }
    synchronized (Torch.class) {
      if (engine != null) {
        return engine;
      }
      String prop = System.getProperty("ai.djl.offline");
      String env = System.getenv("DJL_OFFLINE");
      if ("false".equalsIgnoreCase(prop) || "false".equalsIgnoreCase(env)) {
        throw new IllegalStateException("DJL's offline switch is off (ai.djl.offline=" + prop
            + ", DJL_OFFLINE=" + env + "); the lab never downloads the engine: start the JVM "
            + "with -Dai.djl.offline=true and DJL_OFFLINE=true");
      }
      if (prop == null) {
        System.setProperty("ai.djl.offline", "true");
      }
      if (Torch.class.getClassLoader().getResource(NATIVE_MARKER) == null) {
        throw new IllegalStateException("PyTorch native libraries not found on the class path ("
            + NATIVE_MARKER + " missing): add " + NATIVE_ARTIFACT
            + " to the dependencies; the engine is never downloaded");
      }
      try {
        Engine loaded = Engine.getEngine("PyTorch");
        LOG.info("PyTorch engine {} started offline", loaded.getVersion());
        engine = loaded;
        return loaded;
      } catch (RuntimeException | LinkageError ex) {
        throw new IllegalStateException("PyTorch engine failed to start offline from "
            + NATIVE_ARTIFACT + " (cache " + System.getProperty("user.home")
            + "/.djl.ai or DJL_CACHE_DIR must be writable): " + ex.getMessage(), ex);
      }
    }
  }

  /** Seeds the engine's random generator (all later draws on the engine follow from it). */
  public static void seed(long seed) {
    engine();
    JniUtils.setSeed(seed);
  }

  /**
   * Sets the number of intra-op threads of the engine (the one knob that changes the bits of a
   * seeded run).
   *
   * @param threads at least 1
   */
  public static void threads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads is " + threads + ", expected at least 1");
    }
    engine();
    JniUtils.setNumThreads(threads);
  }

  /** The engine's current intra-op thread count. */
  public static int threads() {
    engine();
    return JniUtils.getNumThreads();
  }

  /**
   * Zeroes the gradient buffers of the given arrays in place.
   *
   * <p>DJL's PyTorch engine adds every backward pass into {@code .grad} across gradient
   * collectors, so an update that does not zero first would use the sum of all past steps'
   * gradients. Arrays without a gradient buffer yet are skipped.
   */
  public static void zeroGradients(Collection<NDArray> arrays) {
    for (NDArray a : arrays) {
      if (a.hasGradient()) {
        JniUtils.zeroGrad((PtNDArray) a);
      }
    }
  }
}
