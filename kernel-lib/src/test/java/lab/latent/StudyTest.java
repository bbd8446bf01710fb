package lab.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StudyTest {

  @Test
  void profilesNameTheirSizes() {
    assertEquals(Study.Sizes.small(), Study.Sizes.named("small"));
    assertEquals(Study.Sizes.defaults(), Study.Sizes.named(" Default "));
    assertEquals(Study.Sizes.defaults(), Study.Sizes.named(null));
    assertEquals(Study.Sizes.paper(), Study.Sizes.named("paper"));
    assertTrue(Study.Sizes.small().styleSteps() < Study.Sizes.defaults().styleSteps());
  }

  @Test
  void unknownProfileIsNamed() {
    var e = assertThrows(IllegalArgumentException.class, () -> Study.Sizes.named("huge"));
    assertTrue(e.getMessage().contains("'huge'"), e.getMessage());
    assertTrue(e.getMessage().contains("small, default, paper"), e.getMessage());
  }

  @Test
  void nonPositiveSizeIsNamed() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> new Study.Sizes(20, 600, 3000, 1, 150, 60, 0, 60, 16));
    assertTrue(e.getMessage().contains("wganSteps is 0"), e.getMessage());
  }
}
