package lab.gan;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import lab.data.AtomicFiles;
import lab.data.LabDirs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned checkpoint files of a {@link TrainableModel}, under {@link LabDirs#checkpoints()}.
 *
 * <p>Layout (big-endian, {@link DataOutputStream}): magic {@code "LABGAN"}, format version (int),
 * model kind (UTF), configuration as JSON (int length + UTF-8 bytes), steps done (long), loss
 * names and the loss history (one row per step), then every array of {@link Params} in order:
 * name, rank, dimensions, float32 values; last, a CRC-32 of everything before it (long). Files
 * are written whole to a temporary file and renamed ({@link AtomicFiles#write}).
 *
 * <p>Loading checks the magic, the version, the checksum (so a truncated or damaged file is
 * refused), the kind, the configuration and every array's name and shape before a single value
 * is copied into the model: a refused file leaves the model as it was.
 */
public final class Checkpoint {

  /** The format version this code writes and reads. */
  public static final int VERSION = 1;

  private static final byte[] MAGIC = "LABGAN".getBytes(StandardCharsets.US_ASCII);
  private static final Logger LOG = LoggerFactory.getLogger(Checkpoint.class);
  private static final Gson GSON = new Gson();

  private Checkpoint() {
  }

  /** A checkpoint file could not be used: the message names the file and the defect. */
  public static final class CheckpointException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Whether the file is sound but holds another kind or configuration of model. */
    private final boolean otherModel;

    CheckpointException(Path file, String defect) {
      this(file, defect, false);
    }

    CheckpointException(Path file, String defect, boolean otherModel) {
      super("checkpoint " + file + ": " + defect);
      this.otherModel = otherModel;
    }

    /** Whether the file is sound but holds another kind or configuration of model. */
    public boolean otherModel() {
      return otherModel;
    }
  }

  /**
   * The default file for a model: {@code <checkpoints>/<name>-<hash of kind and config>.ckpt}, so
   * a changed configuration gets its own file.
   */
  public static Path path(String name, TrainableModel model) {
    if (name == null || !name.matches("[A-Za-z0-9_.-]+")) {
      throw new IllegalArgumentException("checkpoint name '" + name
          + "' must be letters, digits, '_', '.' or '-'");
    }
    String key = model.kind() + GSON.toJson(model.config());
    return LabDirs.checkpoints().resolve(
        name + "-" + String.format("%08x", key.hashCode()) + ".ckpt");
  }

  /** Writes the model's state to {@code file} atomically; returns the absolute path. */
  public static Path save(Path file, TrainableModel model) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.write(MAGIC);
      out.writeInt(VERSION);
      out.writeUTF(model.kind());
      byte[] json = GSON.toJson(model.config()).getBytes(StandardCharsets.UTF_8);
      out.writeInt(json.length);
      out.write(json);
      out.writeLong(model.step());
      List<String> names = model.lossNames();
      out.writeInt(names.size());
      for (String n : names) {
        out.writeUTF(n);
      }
      out.writeInt(model.history().size());
      for (float[] row : model.history()) {
        for (float v : row) {
          out.writeFloat(v);
        }
      }
      Map<String, float[]> values = model.params().values();
      out.writeInt(values.size());
      for (Map.Entry<String, float[]> e : values.entrySet()) {
        out.writeUTF(e.getKey());
        long[] shape = model.params().get(e.getKey()).getShape().getShape();
        out.writeInt(shape.length);
        for (long d : shape) {
          out.writeLong(d);
        }
        for (float v : e.getValue()) {
          out.writeFloat(v);
        }
      }
      out.flush();
      CRC32 crc = new CRC32();
      crc.update(bytes.toByteArray());
      out.writeLong(crc.getValue());
      out.flush();
      Path written = AtomicFiles.write(file, bytes.toByteArray());
      LOG.info("{}: checkpoint at step {} written to {}", model.kind(), model.step(), written);
      return written;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write checkpoint " + file, e);
    }
  }

  /**
   * Loads {@code file} into {@code model} (same kind and configuration).
   *
   * @throws CheckpointException naming the file and the defect: missing file, not a checkpoint,
   *     unknown version, truncated or damaged, other kind or configuration, other arrays
   */
  public static void load(Path file, TrainableModel model) {
    byte[] all;
    try {
      all = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new CheckpointException(file, "cannot be read (" + e + ")");
    }
    if (all.length < MAGIC.length + 4) {
      throw new CheckpointException(file, "truncated: " + all.length + " bytes, shorter than "
          + "the header");
    }
    for (int i = 0; i < MAGIC.length; i++) {
      if (all[i] != MAGIC[i]) {
        throw new CheckpointException(file, "not a lab checkpoint (no LABGAN header)");
      }
    }
    int version = ((all[6] & 0xff) << 24) | ((all[7] & 0xff) << 16) | ((all[8] & 0xff) << 8)
        | (all[9] & 0xff);
    if (version != VERSION) {
      throw new CheckpointException(file, "format version " + version + ", this code reads "
          + "version " + VERSION);
    }

    // Checksum first, so that no damaged count or size drives an allocation.
    if (all.length < MAGIC.length + 4 + Long.BYTES) {
      throw new CheckpointException(file, "truncated: " + all.length + " bytes, shorter than "
          + "the header and checksum");
    }
    long last = java.nio.ByteBuffer.wrap(all, all.length - Long.BYTES, Long.BYTES).getLong();
    CRC32 whole = new CRC32();
    whole.update(all, 0, all.length - Long.BYTES);
    if (whole.getValue() != last) {
      throw new CheckpointException(file, "truncated or damaged: checksum of the first "
          + (all.length - Long.BYTES) + " bytes is " + Long.toHexString(whole.getValue())
          + " but the last 8 bytes hold " + Long.toHexString(last));
    }
    try {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(all));
      in.skipNBytes(MAGIC.length + 4);
      String kind = in.readUTF();
      byte[] json = new byte[in.readInt()];
      in.readFully(json);
      long steps = in.readLong();
      int nLoss = in.readInt();
      List<String> names = new ArrayList<>();
      for (int i = 0; i < nLoss; i++) {
        names.add(in.readUTF());
      }
      int rows = in.readInt();
      checkCount(file, "history rows", rows, all.length);
      List<float[]> history = new ArrayList<>(rows);
      for (int r = 0; r < rows; r++) {
        float[] row = new float[nLoss];
        for (int j = 0; j < nLoss; j++) {
          row[j] = in.readFloat();
        }
        history.add(row);
      }
      int count = in.readInt();
      checkCount(file, "arrays", count, all.length);
      Map<String, float[]> values = new LinkedHashMap<>();
      Map<String, long[]> shapes = new LinkedHashMap<>();
      for (int a = 0; a < count; a++) {
        String name = in.readUTF();
        long[] shape = new long[in.readInt()];
        long size = 1;
        for (int d = 0; d < shape.length; d++) {
          shape[d] = in.readLong();
          size *= shape[d];
        }
        checkCount(file, "values of " + name, size, all.length);
        float[] v = new float[(int) size];
        for (int i = 0; i < v.length; i++) {
          v[i] = in.readFloat();
        }
        values.put(name, v);
        shapes.put(name, shape);
      }
      int body = all.length - in.available();
      long stored = in.readLong();
      CRC32 crc = new CRC32();
      crc.update(all, 0, body);
      if (crc.getValue() != stored) {
        throw new CheckpointException(file, "damaged: checksum " + Long.toHexString(stored)
            + " stored, " + Long.toHexString(crc.getValue()) + " computed");
      }
      if (in.available() != 0) {
        throw new CheckpointException(file, in.available() + " unexpected bytes after the end");
      }

      // Same model? Compare before touching any array.
      if (!kind.equals(model.kind())) {
        throw new CheckpointException(file, "holds a '" + kind + "' model, not '" + model.kind()
            + "'", true);
      }
      JsonElement saved = JsonParser.parseString(new String(json, StandardCharsets.UTF_8));
      JsonElement wanted = GSON.toJsonTree(model.config());
      if (!saved.equals(wanted)) {
        throw new CheckpointException(file, "configuration " + saved + " differs from the "
            + "model's " + wanted, true);
      }
      if (!names.equals(model.lossNames())) {
        throw new CheckpointException(file, "loss names " + names + ", model has "
            + model.lossNames());
      }
      try {
        model.params().assign(values, shapes);
      } catch (IllegalArgumentException e) {
        throw new CheckpointException(file, e.getMessage());
      }
      model.restore(steps, history);
      LOG.info("{}: checkpoint {} loaded (step {})", model.kind(), file, steps);
    } catch (EOFException e) {
      throw new CheckpointException(file, "truncated: the file ends before its last array and "
          + "checksum (" + all.length + " bytes)");
    } catch (IOException | NegativeArraySizeException e) {
      throw new CheckpointException(file, "unreadable (" + e + ")");
    }
  }

  private static void checkCount(Path file, String what, long count, int fileBytes) {
    if (count < 0 || count > fileBytes) {
      throw new CheckpointException(file, "damaged: " + what + " count " + count
          + " is impossible in a file of " + fileBytes + " bytes");
    }
  }

  /**
   * Loads {@code file} when it exists and matches the model and has at least {@code steps}
   * steps; otherwise runs {@code train} on the model and saves it there. A file of another
   * configuration is left alone and replaced after training (with a WARN); a damaged file or an
   * unknown version is an error, so nothing is silently overwritten.
   *
   * @return whether the checkpoint was reused
   */
  public static boolean loadOrTrain(Path file, TrainableModel model, long steps,
      Consumer<TrainableModel> train) {
    if (Files.isRegularFile(file)) {
      try {
        load(file, model);
        if (model.step() >= steps) {
          return true;
        }
        LOG.info("{}: checkpoint has {} of {} steps; training on", model.kind(), model.step(),
            steps);
      } catch (CheckpointException e) {
        if (!e.otherModel()) {
          throw e;
        }
        LOG.warn("{}; training anew and replacing it", e.getMessage());
      }
    }
    train.accept(model);
    save(file, model);
    return false;
  }
}
