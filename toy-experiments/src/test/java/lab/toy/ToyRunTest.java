package lab.toy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToyRunTest {

  @TempDir
  Path dir;

  @Test
  void writesNumbersTablesAndFiguresAndReplacesAnEarlierRun() throws Exception {
    ManifoldView.Result r = ManifoldView.run(new ManifoldView.Options(60, 8, 0.01, 8, 5));
    Files.createDirectories(dir.resolve("manifold"));
    Files.writeString(dir.resolve("manifold/stale.txt"), "from an earlier run");
    ToyRun.Written w = ToyRun.write(r, Profile.SMALL, 1.25, dir);
    assertEquals(dir.resolve("manifold").toAbsolutePath().normalize(), w.folder());
    assertFalse(Files.exists(dir.resolve("manifold/stale.txt")));
    String json = Files.readString(dir.resolve("manifold/numbers.json"));
    assertTrue(json.contains("\"profile\": \"small\""), json);
    assertTrue(json.contains("swiss_roll.chart_r2_isomap"), json);
    assertTrue(Files.readString(dir.resolve("manifold/table.md")).contains("| set |"));
    assertTrue(Files.size(dir.resolve("manifold/spectrum.png")) > 1000);
    assertTrue(Files.exists(dir.resolve("manifold/swiss_roll_isomap.svg")));
    try (var s = Files.list(dir)) {
      assertEquals(1, s.count(), "temporary folders left behind");
    }
  }

  @Test
  void listsTheExperimentsAndRejectsUnknownNames() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ToyMain.run(new String[0], new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String listing = bytes.toString(StandardCharsets.UTF_8);
    for (ToyCatalog.Entry e : ToyCatalog.all()) {
      assertTrue(listing.contains(e.name()), listing);
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ToyCatalog.get("no-such"));
    assertTrue(e.getMessage().contains("no-such") && e.getMessage().contains("manifold"));
  }

  @Test
  void profilesParseAndRejectOtherNames() {
    assertEquals(Profile.DEFAULT, Profile.parse(null));
    assertEquals(Profile.SMALL, Profile.parse(" Small "));
    assertEquals(Profile.PAPER, Profile.parse("paper"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Profile.parse("huge"));
    assertTrue(e.getMessage().contains("huge"), e.getMessage());
    assertEquals(7, Profile.SMALL.pick(7, 8, 9));
  }

  @Test
  void rSquaredOfAnExactLinearFitIsOne() {
    double[][] x = {{0, 1}, {1, 0}, {2, 3}, {3, 1}, {4, 4}};
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = 2 + 3 * x[i][0] - x[i][1];
    }
    assertEquals(1.0, Regression.rSquared(x, y), 1e-12);
    double[] noise = {1, -1, 1, -1, 1};
    double r2 = Regression.rSquared(new double[][] {{0}, {1}, {2}, {3}, {4}}, noise);
    assertTrue(r2 < 0.2, "R² of alternating signs on a line " + r2);
  }

  @Test
  void checksPassOrFailTheCell() {
    assertEquals("ok: x = 1.00000, expected 1.00000 ± 0.100", Checks.close("x", 1, 1, 0.1));
    Checks.CheckFailed e = assertThrows(Checks.CheckFailed.class,
        () -> Checks.between("coverage", 0.2, 0.5, 1));
    assertTrue(e.getMessage().contains("coverage = 0.200000"), e.getMessage());
  }
}
