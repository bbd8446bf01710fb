package lab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import lab.data.ImageSet;
import org.junit.jupiter.api.Test;

class ClassifierScoresTest {

  private static final ClassifierScores.Options TWO_RUNS =
      new ClassifierScores.Options(DomainNetTest.SMALL, 2, 11);
  private static final ClassifierScores.Options ONE_RUN =
      new ClassifierScores.Options(DomainNetTest.SMALL, 1, 11);

  @Test
  void casOfFaithfulSamplesIsHighAndOfMislabelledOnesLow() {
    ImageSet test = DomainNetTest.stripes(100, 20, "real test");
    ImageSet good = DomainNetTest.stripes(128, 21, "generated");
    ClassifierScores.MeanStd cas = ClassifierScores.cas(good, test, TWO_RUNS);
    assertEquals(2, cas.values().length);
    assertTrue(cas.mean() > 0.9, "faithful samples: " + cas);
    assertTrue(cas.values()[0] != cas.values()[1] || cas.std() == 0);

    // Labels swapped: the classifier learns the opposite rule.
    int[] swapped = good.labels().clone();
    for (int i = 0; i < swapped.length; i++) {
      swapped[i] = 1 - swapped[i];
    }
    ImageSet bad = new ImageSet(good.images(), swapped, 28, 28, "mislabelled");
    assertTrue(ClassifierScores.cas(bad, test, ONE_RUN).mean() < 0.1);
  }

  @Test
  void augmentationGainComparesWithFreshRealImages() {
    ImageSet real = DomainNetTest.stripes(64, 30, "real");
    ImageSet fresh = DomainNetTest.stripes(64, 31, "fresh");
    ImageSet generated = DomainNetTest.stripes(64, 32, "generated");
    ImageSet test = DomainNetTest.stripes(100, 33, "test");
    ClassifierScores.Gain g = ClassifierScores.augmentationGain(real, generated, fresh, test,
        ONE_RUN);
    assertEquals(g.realPlusGenerated().mean() - g.realOnly().mean(), g.gain(), 1e-15);
    assertEquals(g.realPlusFresh().mean() - g.realOnly().mean(), g.freshGain(), 1e-15);
    assertTrue(g.realPlusGenerated().mean() > 0.9, g.toString());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ClassifierScores.augmentationGain(real, DomainNetTest.stripes(10, 1, "few"), fresh,
            test, TWO_RUNS));
    assertTrue(e.getMessage().contains("are 10 but fresh real images 'fresh' are 64"),
        e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new ClassifierScores.Options(DomainNetTest.SMALL, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> ClassifierScores.cas(
        new ImageSet(new float[2][784], null, 28, 28, "unlabelled"), test, TWO_RUNS));
  }
}
