package lab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.ServiceLoader;
import javax.imageio.ImageIO;
import lab.data.ImageSet;
import lab.data.Toys;
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The MIME bundles the kernel gets for the lab's figures and tables. */
class LabExtensionTest {

  static Renderer renderer() {
    Renderer r = new Renderer();
    LabExtension.register(r);
    return r;
  }

  static BufferedImage png(DisplayData d) throws IOException {
    Object data = d.getData(MIMEType.IMAGE_PNG);
    assertTrue(data instanceof String, "PNG is sent base64-encoded");
    return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode((String) data)));
  }

  @Test
  void registeredAsAServiceForTheKernel() {
    boolean found = false;
    for (Extension e : ServiceLoader.load(Extension.class)) {
      found |= e instanceof LabExtension;
    }
    assertTrue(found, "META-INF/services lists lab.plot.LabExtension");
  }

  /** A kernel with nothing but a renderer: enough for an extension to install itself. */
  static final class BareKernel extends BaseKernel {
    BareKernel(Renderer renderer) {
      super("bare", "0", null, List.of(), null, new JupyterIO(StandardCharsets.UTF_8),
          new CommManager(), renderer, null, null, false,
          new StringStyler("", "", "", line -> ""));
    }

    @Override
    public Object evalRaw(String expr) {
      return null;
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
      return null;
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
      return null;
    }

    @Override
    public String isComplete(String code) {
      return IS_COMPLETE_YES;
    }
  }

  @Test
  void installRegistersWithTheKernelsRenderer() throws IOException {
    Renderer r = new Renderer();
    new LabExtension().install(new BareKernel(r));
    DisplayData d = r.render(Figures.line("loss", "step", "loss", "train", new double[] {3, 2}));
    assertEquals(Figures.WIDTH, png(d).getWidth());
  }

  @Test
  void chartsRenderAsPngAndOnRequestAsSvg() throws IOException {
    Renderer r = renderer();
    XYChart chart = Figures.scatter("moons", Toys.twoMoons(100, 1));
    DisplayData d = r.render(chart);
    BufferedImage img = png(d);
    assertEquals(Figures.WIDTH, img.getWidth());
    assertEquals(Figures.HEIGHT, img.getHeight());
    assertFalse(d.hasDataForType(MIMEType.IMAGE_SVG), "SVG only on request");
    DisplayData svg = r.renderAs(chart, "image/svg+xml");
    String s = (String) svg.getData(MIMEType.IMAGE_SVG);
    assertTrue(s.contains("<svg"), s.substring(0, Math.min(80, s.length())));
    HeatMapChart heat = Figures.heatMap("plan", "j", "i", new double[][] {{0.5, 0}, {0, 0.5}});
    assertTrue(r.render(heat).hasDataForType(MIMEType.IMAGE_PNG));
  }

  @Test
  void imageGridsRenderAsPng() throws IOException {
    float[][] x = new float[4][16];
    x[1][5] = 1;
    ImageSet set = new ImageSet(x, new int[] {0, 1, 2, 3}, 4, 4, "tiny");
    DisplayData d = renderer().render(Figures.imageGrid(set, 2, 2));
    assertTrue(png(d).getWidth() >= 2 * 8);
  }

  @Test
  void tablesRenderAsHtmlAndMarkdown() {
    Renderer r = renderer();
    ResultTable t = ResultTable.of("toy", "method", Tables.Metric.lower("W2"));
    t.row("a", 0.5).row("b", 0.25);
    DisplayData d = r.render(t);
    String html = (String) d.getData(MIMEType.TEXT_HTML);
    assertTrue(html.contains("<th>W2 ↓</th>"), html);
    assertTrue(html.contains("<b>0.25</b>"), html);
    String md = (String) r.renderAs(t, "text/markdown").getData(MIMEType.TEXT_MARKDOWN);
    assertTrue(md.contains("| b | **0.25** |"), md);

    Table plain = Table.create("plain", StringColumn.create("k", "x", "y"),
        DoubleColumn.create("acc ↑", 0.9, 0.8));
    DisplayData p = r.render(plain);
    String ph = (String) p.getData(MIMEType.TEXT_HTML);
    assertTrue(ph.contains("<b>0.9</b>"), ph);
    assertTrue(ph.contains("<caption>plain</caption>"), ph);
  }
}
