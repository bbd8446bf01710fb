package lab.plot;

import java.util.Base64;
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

/**
 * Inline rendering of the lab's figures and tables in the Java kernel. Registered through
 * {@code META-INF/services/org.dflib.jjava.jupyter.Extension}, so a kernel that loads
 * extensions from the class path installs it; a cell whose value is one of these objects then
 * shows as:
 *
 * <table>
 *   <caption>MIME bundles</caption>
 *   <tr><th>value</th><th>shown as</th><th>also available</th></tr>
 *   <tr><td>XChart chart (XYChart, HeatMapChart, ...)</td><td>image/png</td>
 *       <td>image/svg+xml, text/plain</td></tr>
 *   <tr><td>{@link ImageGrid}</td><td>image/png</td><td>image/svg+xml, text/plain</td></tr>
 *   <tr><td>{@link ResultTable}</td><td>text/html</td><td>text/markdown, text/plain</td></tr>
 *   <tr><td>Tablesaw {@link Table}</td><td>text/html</td><td>text/markdown, text/plain</td>
 *   </tr>
 * </table>
 *
 * <p>"Also available" types are produced on request, e.g. {@code display(chart,
 * "image/svg+xml")}. PNG data is base64-encoded, as the Jupyter message format requires.
 */
public class LabExtension implements Extension {

  @Override
  public void install(BaseKernel kernel) {
    register(kernel.getRenderer());
  }

  /** Registers the lab's render functions with a renderer (used by {@link #install}). */
  @SuppressWarnings({"rawtypes", "unchecked"})
  public static void register(Renderer renderer) {
    renderer.createRegistration((Class<Chart>) (Class) Chart.class)
        .preferring(MIMEType.IMAGE_PNG)
        .supporting(MIMEType.IMAGE_PNG, MIMEType.IMAGE_SVG, MIMEType.TEXT_PLAIN)
        .register((chart, ctx) -> {
          ctx.renderIfRequested(MIMEType.IMAGE_PNG,
              () -> Base64.getEncoder().encodeToString(Figures.png(chart)));
          ctx.renderIfRequested(MIMEType.IMAGE_SVG, () -> Figures.svg(chart));
          ctx.renderIfRequested(MIMEType.TEXT_PLAIN,
              () -> "chart: " + chart.getTitle());
        });

    renderer.createRegistration(ImageGrid.class)
        .preferring(MIMEType.IMAGE_PNG)
        .supporting(MIMEType.IMAGE_PNG, MIMEType.IMAGE_SVG, MIMEType.TEXT_PLAIN)
        .register((grid, ctx) -> {
          ctx.renderIfRequested(MIMEType.IMAGE_PNG,
              () -> Base64.getEncoder().encodeToString(grid.png()));
          ctx.renderIfRequested(MIMEType.IMAGE_SVG, grid::svg);
          ctx.renderIfRequested(MIMEType.TEXT_PLAIN, grid::toString);
        });

    renderer.createRegistration(ResultTable.class)
        .preferring(MIMEType.TEXT_HTML)
        .supporting(MIMEType.TEXT_HTML, MIMEType.TEXT_MARKDOWN, MIMEType.TEXT_PLAIN)
        .register((t, ctx) -> {
          ctx.renderIfRequested(MIMEType.TEXT_HTML, t::html);
          ctx.renderIfRequested(MIMEType.TEXT_MARKDOWN, t::markdown);
          ctx.renderIfRequested(MIMEType.TEXT_PLAIN, t::markdown);
        });

    renderer.createRegistration(Table.class)
        .preferring(MIMEType.TEXT_HTML)
        .supporting(MIMEType.TEXT_HTML, MIMEType.TEXT_MARKDOWN, MIMEType.TEXT_PLAIN)
        .register((t, ctx) -> {
          ctx.renderIfRequested(MIMEType.TEXT_HTML, () -> Tables.html(t));
          ctx.renderIfRequested(MIMEType.TEXT_MARKDOWN, () -> Tables.markdown(t));
          ctx.renderIfRequested(MIMEType.TEXT_PLAIN, () -> Tables.markdown(t));
        });
  }
}
