package lab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TablesTest {

  @TempDir
  Path dir;

  static ResultTable sample() {
    return ResultTable.of("Augmentation on Fashion-MNIST", List.of("method", "n/class"),
            List.of(new Tables.Metric("accuracy", Tables.Better.HIGHER, "%"),
                Tables.Metric.lower("FID")))
        .row(List.of("real only", "100"), 81.234567, Double.NaN)
        .row(List.of("real + GAN", "100"), 83.5, 24.125)
        .row(List.of("real + fresh, \"oracle\"", "100"), 86.0, 3.0000123);
  }

  @Test
  void headersCarryTheDirection() {
    ResultTable t = sample();
    assertEquals(List.of("method", "n/class", "accuracy (%) ↑", "FID ↓"),
        t.table().columnNames());
    assertEquals(Tables.Better.HIGHER, Tables.direction("accuracy (%) ↑"));
    assertEquals(Tables.Better.LOWER, Tables.direction("FID ↓"));
    assertNull(Tables.direction("method"));
    assertEquals(83.5, t.value(1, "accuracy"), 0);
    assertEquals(3, t.rowCount());
  }

  @Test
  void markdownAndHtmlShowFourDigitsAndTheBest() {
    String md = sample().markdown();
    assertTrue(md.startsWith("**Augmentation on Fashion-MNIST**\n\n"), md);
    assertTrue(md.contains("| method | n/class | accuracy (%) ↑ | FID ↓ |\n|---|---|---:|---:|"),
        md);
    assertTrue(md.contains("| real only | 100 | 81.23 | – |"), md);
    assertTrue(md.contains("| **86** | **3** |"), md);
    String html = sample().html();
    assertTrue(html.contains("<b>86</b>"), html);
    assertTrue(html.contains("real + fresh, \"oracle\""), html);
    assertEquals("1.235e-05", Tables.format(1.2345e-5));
    assertEquals("1235", Tables.format(1234.5));
  }

  @Test
  void csvKeepsEveryDigitAndQuotes() throws IOException {
    Path f = sample().writeCsv(dir.resolve("sub/results.csv"));
    List<String> lines = Files.readAllLines(f);
    assertEquals("method,n/class,accuracy (%) ↑,FID ↓", lines.get(0));
    assertEquals("real only,100,81.234567,NaN", lines.get(1));
    assertEquals("\"real + fresh, \"\"oracle\"\"\",100,86.0,3.0000123", lines.get(3));
    Path md = sample().writeMarkdown(dir.resolve("results.md"));
    assertEquals(sample().markdown(), Files.readString(md));
    try (var s = Files.list(dir)) {
      assertTrue(s.noneMatch(p -> p.toString().endsWith(".tmp")));
    }
  }

  @Test
  void badRowsAreRefused() {
    ResultTable t = ResultTable.of("t", "method", Tables.Metric.lower("FID"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> t.row("x", 1, 2));
    assertTrue(e.getMessage().contains("2 values, expected 1"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> ResultTable.of("t", "FID ↓", Tables.Metric.lower("FID")));
    assertThrows(IllegalArgumentException.class, () -> new Tables.Metric("x", null, ""));
  }
}
