package lab.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import lab.data.PointSet;
import org.junit.jupiter.api.Test;

class CommonSpaceViewTest {

  @Test
  void realAndTwoGeneratorsInOneTsneView() {
    PointSet[] p = Synthetic.parts(5, 3, 2, 40, 30, 20);
    CommonSpaceView.View v = CommonSpaceView.view("M", CommonSpaceView.Method.TSNE, 1,
        p[0].named("real"), p[1].named("A"), p[2].named("B"));
    assertEquals(3, v.chart().getSeriesCollection().size());
    assertEquals(40, v.sets().get(0).size());
    assertEquals(30, v.sets().get(1).size());
    assertEquals(20, v.sets().get(2).size());
    assertEquals(2, v.sets().get(2).dim());
    PointSet other = Synthetic.parts(4, 1, 2, 10)[0];
    assertThrows(IllegalArgumentException.class, () -> CommonSpaceView.view("M",
        CommonSpaceView.Method.TSNE, 1, p[0], other));
  }
}
