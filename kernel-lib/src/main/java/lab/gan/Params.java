package lab.gan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The named float32 arrays of one model: trainable parameters (gradients attached) and buffers
 * (running statistics, moving averages, optimiser moments), in insertion order.
 *
 * <p>All arrays live in the manager given at construction and are closed with it. Names are
 * unique; the order of insertion is the order of the checkpoint file. Initial values come from a
 * Java {@link SplittableRandom} seeded by the caller, so initialisation does not depend on the
 * engine's generator.
 */
public final class Params {

  private final NDManager manager;
  private final Map<String, NDArray> arrays = new LinkedHashMap<>();
  private final List<String> trainable = new ArrayList<>();
  private final SplittableRandom init;

  /**
   * @param manager owner of every array (the model's manager)
   * @param seed seed of the initial values
   */
  public Params(NDManager manager, long seed) {
    this.manager = manager;
    this.init = new SplittableRandom(seed);
  }

  /** The manager that owns the arrays. */
  public NDManager manager() {
    return manager;
  }

  /**
   * A trainable array with entries drawn from N(0, std²).
   *
   * @param name unique name
   * @param std standard deviation of the initial values (0 gives zeros)
   * @param shape array shape
   */
  public NDArray normal(String name, double std, long... shape) {
    Shape s = new Shape(shape);
    float[] v = new float[Math.toIntExact(s.size())];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (std * gaussian());
    }
    return add(name, v, s, true);
  }

  /** A trainable array filled with a constant. */
  public NDArray constant(String name, float value, long... shape) {
    Shape s = new Shape(shape);
    float[] v = new float[Math.toIntExact(s.size())];
    java.util.Arrays.fill(v, value);
    return add(name, v, s, true);
  }

  /** A buffer (no gradient) filled with a constant. */
  public NDArray buffer(String name, float value, long... shape) {
    Shape s = new Shape(shape);
    float[] v = new float[Math.toIntExact(s.size())];
    java.util.Arrays.fill(v, value);
    return add(name, v, s, false);
  }

  private NDArray add(String name, float[] values, Shape shape, boolean grad) {
    if (arrays.containsKey(name)) {
      throw new IllegalArgumentException("parameter '" + name + "' defined twice");
    }
    NDArray a = manager.create(values, shape);
    a.setName(name);
    if (grad) {
      a.setRequiresGradient(true);
      trainable.add(name);
    }
    arrays.put(name, a);
    return a;
  }

  private double gaussian() {
    double u = init.nextDouble();
    double v = init.nextDouble();
    return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
  }

  /** The array called {@code name}. */
  public NDArray get(String name) {
    NDArray a = arrays.get(name);
    if (a == null) {
      throw new IllegalArgumentException("no parameter '" + name + "'; known: " + arrays.keySet());
    }
    return a;
  }

  /** Every array by name, in order (unmodifiable view). */
  public Map<String, NDArray> all() {
    return Collections.unmodifiableMap(arrays);
  }

  /** The trainable arrays whose names start with {@code prefix}, in order. */
  public List<NDArray> trainable(String prefix) {
    List<NDArray> out = new ArrayList<>();
    for (String n : trainable) {
      if (n.startsWith(prefix)) {
        out.add(arrays.get(n));
      }
    }
    return out;
  }

  /** Number of trainable scalars. */
  public long count() {
    long c = 0;
    for (String n : trainable) {
      c += arrays.get(n).getShape().size();
    }
    return c;
  }

  /**
   * Replaces every array's values by {@code values} (same names, shapes), all checked before any
   * array is touched.
   *
   * @throws IllegalArgumentException naming the first missing, extra or mis-shaped array
   */
  public void assign(Map<String, float[]> values, Map<String, long[]> shapes) {
    if (!values.keySet().equals(arrays.keySet())) {
      List<String> missing = new ArrayList<>(arrays.keySet());
      missing.removeAll(values.keySet());
      List<String> extra = new ArrayList<>(values.keySet());
      extra.removeAll(arrays.keySet());
      throw new IllegalArgumentException("arrays differ from the model's: missing " + missing
          + ", unexpected " + extra);
    }
    for (Map.Entry<String, NDArray> e : arrays.entrySet()) {
      Shape want = e.getValue().getShape();
      Shape got = new Shape(shapes.get(e.getKey()));
      if (!want.equals(got)) {
        throw new IllegalArgumentException("array '" + e.getKey() + "' has shape " + got
            + ", the model expects " + want);
      }
    }
    for (Map.Entry<String, NDArray> e : arrays.entrySet()) {
      NDArray a = e.getValue();
      a.set(values.get(e.getKey()));
    }
  }

  /** Copies of every array's values, by name. */
  public Map<String, float[]> values() {
    Map<String, float[]> out = new LinkedHashMap<>();
    for (Map.Entry<String, NDArray> e : arrays.entrySet()) {
      if (e.getValue().getDataType() != DataType.FLOAT32) {
        throw new IllegalStateException("array '" + e.getKey() + "' is "
            + e.getValue().getDataType() + ", expected float32");
      }
      out.put(e.getKey(), e.getValue().toFloatArray());
    }
    return out;
  }
}
