package lab.gan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lab.data.Toys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FoundationTest {

  @TempDir
  Path dir;

  /** Case D1: every fresh backward of y = 2x² at x = [0, 1, 2, 3] gives [0, 4, 8, 12]. */
  @Test
  void gradientsAreFreshEachStep() {
    try (NDManager m = Torch.engine().newBaseManager()) {
      NDArray x = m.create(new float[] {0, 1, 2, 3});
      x.setRequiresGradient(true);
      for (int i = 0; i < 3; i++) {
        try (GradientCollector gc = Torch.engine().newGradientCollector()) {
          gc.backward(x.square().mul(2));
        }
        assertArrayEquals(new float[] {0, 4, 8, 12}, x.getGradient().toFloatArray(),
            "backward " + i);
        Torch.zeroGradients(List.of(x));
      }
    }
  }

  /** Without zeroing the engine accumulates: the hygiene above is needed, not decorative. */
  @Test
  void engineAccumulatesWithoutZeroing() {
    try (NDManager m = Torch.engine().newBaseManager()) {
      NDArray x = m.create(new float[] {0, 1, 2, 3});
      x.setRequiresGradient(true);
      for (int i = 0; i < 2; i++) {
        try (GradientCollector gc = Torch.engine().newGradientCollector()) {
          gc.backward(x.square().mul(2));
        }
      }
      assertArrayEquals(new float[] {0, 8, 16, 24}, x.getGradient().toFloatArray());
    }
  }

  @Test
  void engineStartsOfflineFromTheJar() {
    assertEquals("true", System.getProperty("ai.djl.offline"));
    assertEquals("PyTorch", Torch.engine().getEngineName());
    assertTrue(Torch.class.getClassLoader().getResource(Torch.NATIVE_MARKER) != null);
  }

  @Test
  void trainingIsRepeatableAndResumesExactly() {
    Trainer.Data data = Trainer.Data.of(Toys.gaussians8(512, 3)).unlabelled();
    ShiftModel.Config cfg = new ShiftModel.Config(2, 0.05);
    TrainOptions opt = TrainOptions.of(40).withBatchSize(32).withLogEvery(10);
    float[] whole;
    try (ShiftModel m = new ShiftModel(cfg, 1)) {
      Trainer.train(m, data, opt);
      whole = m.params().values().get("g.a");
      assertTrue(m.history().get(39)[0] < m.history().get(0)[0], "loss decreases");
    }
    try (ShiftModel m = new ShiftModel(cfg, 1)) {
      Trainer.train(m, data, opt);
      assertArrayEquals(whole, m.params().values().get("g.a"), "same seed, same bits");
    }
    Path file = dir.resolve("shift.ckpt");
    try (ShiftModel m = new ShiftModel(cfg, 1)) {
      TrainControl control = new TrainControl();
      List<Progress> seen = new ArrayList<>();
      TrainResult r = Trainer.train(m, data, opt, p -> {
        seen.add(p);
        if (p.step() == 20) {
          control.stop();
        }
      }, control, file);
      assertTrue(r.stopped());
      assertEquals(20, r.totalSteps());
      assertEquals(2, seen.size());
      assertTrue(seen.get(1).stepsPerSecond() > 0);
    }
    try (ShiftModel m = new ShiftModel(cfg, 99)) {
      Checkpoint.load(file, m);
      assertEquals(20, m.step());
      Trainer.train(m, data, opt);
      assertArrayEquals(whole, m.params().values().get("g.a"), "resumed run, same bits");
    }
  }

  @Test
  void checkpointRoundTripIsBitExactAndDefectsAreRefused() throws IOException {
    ShiftModel.Config cfg = new ShiftModel.Config(3, 0.01);
    Path file = dir.resolve("m.ckpt");
    Map<String, float[]> before;
    try (ShiftModel m = new ShiftModel(cfg, 5)) {
      Trainer.train(m, Trainer.Data.of(Toys.sCurve3d(200, 1)).unlabelled(),
          TrainOptions.of(5).withBatchSize(16).withThreads(1));
      before = m.params().values();
      Checkpoint.save(file, m);
    }
    try (ShiftModel m = new ShiftModel(cfg, 6)) {
      Checkpoint.load(file, m);
      Map<String, float[]> after = m.params().values();
      assertEquals(before.keySet(), after.keySet());
      for (String k : before.keySet()) {
        assertArrayEquals(before.get(k), after.get(k), k);
      }
      assertEquals(5, m.step());
      assertEquals(5, m.history().size());
    }
    byte[] bytes = Files.readAllBytes(file);

    // Truncated file: refused, model untouched.
    Path cut = dir.resolve("cut.ckpt");
    Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 20));
    try (ShiftModel m = new ShiftModel(cfg, 6)) {
      float[] init = m.params().values().get("g.a");
      Checkpoint.CheckpointException e = assertThrows(Checkpoint.CheckpointException.class,
          () -> Checkpoint.load(cut, m));
      assertTrue(e.getMessage().contains("cut.ckpt") && e.getMessage().contains("truncated"),
          e.getMessage());
      assertArrayEquals(init, m.params().values().get("g.a"));
      assertEquals(0, m.step());
    }

    // Unknown version.
    byte[] v9 = bytes.clone();
    v9[9] = 9;
    Path future = dir.resolve("future.ckpt");
    Files.write(future, v9);
    try (ShiftModel m = new ShiftModel(cfg, 6)) {
      Checkpoint.CheckpointException e = assertThrows(Checkpoint.CheckpointException.class,
          () -> Checkpoint.load(future, m));
      assertTrue(e.getMessage().contains("version 9"), e.getMessage());
    }

    // A flipped byte in the values.
    byte[] bad = bytes.clone();
    bad[bytes.length - 12] ^= 1;
    Path damaged = dir.resolve("damaged.ckpt");
    Files.write(damaged, bad);
    try (ShiftModel m = new ShiftModel(cfg, 6)) {
      Checkpoint.CheckpointException e = assertThrows(Checkpoint.CheckpointException.class,
          () -> Checkpoint.load(damaged, m));
      assertTrue(e.getMessage().contains("checksum"), e.getMessage());
    }

    // Other configuration.
    try (ShiftModel m = new ShiftModel(new ShiftModel.Config(3, 0.02), 6)) {
      Checkpoint.CheckpointException e = assertThrows(Checkpoint.CheckpointException.class,
          () -> Checkpoint.load(file, m));
      assertTrue(e.getMessage().contains("configuration"), e.getMessage());
      assertEquals(0, m.step());
    }
  }

  @Test
  void loadOrTrainReusesAMatchingCheckpoint() {
    ShiftModel.Config cfg = new ShiftModel.Config(2, 0.01);
    Path file = dir.resolve("reuse.ckpt");
    Trainer.Data data = Trainer.Data.of(Toys.gaussians8(100, 1)).unlabelled();
    int[] trainings = {0};
    for (int round = 0; round < 2; round++) {
      try (ShiftModel m = new ShiftModel(cfg, 1)) {
        boolean reused = Checkpoint.loadOrTrain(file, m, 3, mm -> {
          trainings[0]++;
          Trainer.train(mm, data, TrainOptions.of(3).withBatchSize(8).withThreads(1));
        });
        assertEquals(round == 1, reused);
        assertEquals(3, m.step());
      }
    }
    assertEquals(1, trainings[0]);
  }

  @Test
  void figuresOfAModel() {
    try (ShiftModel m = new ShiftModel(new ShiftModel.Config(2, 0.01), 1)) {
      assertThrows(IllegalArgumentException.class, () -> GanFigures.lossCurves(m, 5));
      Trainer.train(m, Trainer.Data.of(Toys.gaussians8(100, 1)).unlabelled(),
          TrainOptions.of(12).withBatchSize(8).withThreads(1));
      assertTrue(GanFigures.lossCurves(m, 5).getTitle().contains("training losses"));
      assertEquals(30, GanFigures.samplePoints(m, 30, 1).size());
      assertThrows(IllegalArgumentException.class, () -> GanFigures.sampleGrid(m, 2, 2, 1));
    }
    try (Gan g = new Gan(GanConfig.image(GanConfig.Loss.WGAN_GP).withWidth(4).conditional(10),
        1)) {
      assertEquals(3, GanFigures.sampleGrid(g, 3, 4, 1).rows());
    }
  }

  @Test
  void badOptionsAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new TrainOptions(0, 8, 1, 2, 10, 0));
    assertTrue(e.getMessage().contains("steps is 0"));
    assertThrows(IllegalArgumentException.class, () -> Torch.threads(0));
  }
}
