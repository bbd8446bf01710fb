package lab.toy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lab.data.PointSet;
import lab.data.Toys;
import lab.gan.GanConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GanToysTest {

  @TempDir
  Path dir;

  @Test
  void placementOfTrueRollPointsIsKnown() {
    double[][] dense = Toys.swissRoll3d(20000, 11).points();
    SwissHole.Placement holed = SwissHole.place(Toys.swissRollWithHole(1500, 3).points(), dense,
        0.75);
    assertEquals(1.0, holed.onRollShare(), 1e-12);
    // nearest reference points of points just outside the band may fall inside it
    assertTrue(holed.holeShare() < 0.02, "holed roll hole share " + holed.holeShare());
    SwissHole.Placement full = SwissHole.place(Toys.swissRoll3d(3000, 4).points(), dense, 0.75);
    assertEquals(Toys.HOLE.areaFraction(), full.holeShare(), 0.02);
    // points pushed 3 units off the roll along the height axis are off it
    double[][] off = Toys.swissRoll3d(200, 5).points();
    for (double[] p : off) {
      p[1] = p[1] < 10 ? -3 : 24;
    }
    assertEquals(0.0, SwissHole.place(off, dense, 0.75).onRollShare(), 1e-12);
  }

  @Test
  void ganModesMeasuresEveryModelAndReusesCheckpoints() {
    GanModes.Options o = new GanModes.Options(List.of(8), List.of(GanConfig.Loss.WGAN_GP,
        GanConfig.Loss.NON_SATURATING), 30, 512, 100, 64, 0, 2, dir);
    GanModes.Result first = GanModes.run(o);
    assertEquals(2, first.runs().size());
    for (GanModes.Run r : first.runs()) {
      assertTrue(r.modesHit() >= 0 && r.modesHit() <= 8);
      assertTrue(r.offModeShare() >= 0 && r.offModeShare() <= 1);
      assertTrue(r.w2() > r.w2Floor(), r.model() + " after 30 steps: W2 " + r.w2()
          + " vs floor " + r.w2Floor());
      assertTrue(r.trainSeconds() > 0);
      assertEquals(GanModes.PATH_POINTS, r.path().size());
    }
    GanModes.Result again = GanModes.run(o);
    assertEquals(0.0, again.runs().get(0).trainSeconds());
    assertEquals(first.runs().get(0).w2(), again.runs().get(0).w2(), 1e-12);
    assertTrue(Files.exists(dir), "checkpoint folder");
    assertEquals(3, first.figures().size());
    assertThrows(IllegalArgumentException.class, () -> first.run(25, "GAN"));
  }

  @Test
  void swissHoleRunsAndChecksItsOptions() {
    SwissHole.Options o = new SwissHole.Options(List.of(GanConfig.Loss.WGAN_GP), 20, 256, 50,
        10000, 1.5, new double[] {1, 3}, 64, 1, null);
    SwissHole.Result r = SwissHole.run(o);
    assertEquals(1, r.runs().size());
    assertEquals(1.0, r.trainingPlacement().onRollShare(), 1e-12);
    assertEquals(2, r.runs().get(0).offRollByScale().length);
    assertTrue(r.numbers().containsKey("wgan_gp.off_roll_share_alpha_3"), r.numbers().toString());
    assertThrows(IllegalArgumentException.class, () -> new SwissHole.Options(
        List.of(GanConfig.Loss.WGAN_GP), 20, 256, 50, 2000, 0, new double[] {1}, 64, 1, null));
    assertThrows(IllegalArgumentException.class, () -> new GanModes.Options(List.of(9),
        List.of(GanConfig.Loss.WGAN_GP), 20, 256, 50, 64, 0, 1, null));
    assertThrows(IllegalArgumentException.class, () -> new GanModes.Options(List.of(8),
        List.of(GanConfig.Loss.WGAN_GP), 20, 256, 50, 64, 257, 1, null));
  }

  @Test
  void aeOtReachesEveryModeWithoutMixture() {
    GanModes.Options o = new GanModes.Options(List.of(8), List.of(GanConfig.Loss.WGAN_GP), 1,
        512, 400, 64, 64, 3, null);
    PointSet train = Toys.gaussians8(512, 3);
    PointSet fresh = Toys.gaussians8(400, 4);
    GanModes.Run r = GanModes.aeOt(8, train, fresh, Toys.modes8(), 0.1, o);
    assertEquals(8, r.modesHit(), r.toString());
    assertTrue(r.offModeShare() < 0.02, "AE-OT off-mode share " + r.offModeShare());
    assertTrue(r.pathOffModeShare() < 0.02, "AE-OT segment off-mode " + r.pathOffModeShare());
    assertTrue(r.samples().size() > 200, "AE-OT kept " + r.samples().size() + " of 400");
  }
}
