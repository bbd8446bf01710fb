package lab.plot;

import lab.data.AtomicFiles;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A rows × cols grid of grey images drawn as one picture, with a title above and, optionally,
 * a caption under each tile (its class name). Pixel value 0 is black, 1 white; each image
 * pixel becomes a {@code scale} × {@code scale} block. Rendered inline in the notebook as PNG.
 */
public final class ImageGrid {

  private final BufferedImage image;
  private final String title;
  private final int rows;
  private final int cols;

  private ImageGrid(BufferedImage image, String title, int rows, int cols) {
    this.image = image;
    this.title = title;
    this.rows = rows;
    this.cols = cols;
  }

  /**
   * Draws the grid.
   *
   * @param images at least one image of h·w pixels in [0, 1]; the first rows·cols are shown
   *     row by row, missing tiles stay blank
   * @param h image height
   * @param w image width
   * @param rows grid rows ≥ 1
   * @param cols grid columns ≥ 1
   * @param title drawn above the grid
   * @param captions one caption per shown image, or {@code null}
   * @param scale screen pixels per image pixel, ≥ 1
   */
  public static ImageGrid of(float[][] images, int h, int w, int rows, int cols, String title,
      List<String> captions, int scale) {
    if (rows < 1 || cols < 1) {
      throw new IllegalArgumentException(
          "image grid: rows × cols is " + rows + " × " + cols + ", expected both ≥ 1");
    }
    if (scale < 1) {
      throw new IllegalArgumentException("image grid: scale is " + scale + ", expected ≥ 1");
    }
    int shown = Math.min(images.length, rows * cols);
    for (int i = 0; i < shown; i++) {
      if (images[i].length != h * w) {
        throw new IllegalArgumentException("image grid: image " + i + " has "
            + images[i].length + " pixels, expected " + h + " × " + w + " = " + h * w);
      }
    }
    int gap = 2;
    int titleH = 28;
    int capH = captions == null ? 0 : 14;
    int tileW = w * scale;
    int tileH = h * scale;
    int width = Math.max(cols * (tileW + gap) + gap, 160);
    int height = titleH + rows * (tileH + capH + gap) + gap;
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
          RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.setColor(Color.BLACK);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
      FontMetrics fm = g.getFontMetrics();
      g.drawString(title, Math.max(gap, (width - fm.stringWidth(title)) / 2), 19);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
      FontMetrics cm = g.getFontMetrics();
      for (int k = 0; k < shown; k++) {
        int x0 = gap + (k % cols) * (tileW + gap);
        int y0 = titleH + (k / cols) * (tileH + capH + gap);
        float[] px = images[k];
        for (int r = 0; r < h; r++) {
          for (int c = 0; c < w; c++) {
            float v = Math.max(0f, Math.min(1f, px[r * w + c]));
            int grey = Math.round(v * 255);
            int rgb = (grey << 16) | (grey << 8) | grey;
            for (int dy = 0; dy < scale; dy++) {
              for (int dx = 0; dx < scale; dx++) {
                img.setRGB(x0 + c * scale + dx, y0 + r * scale + dy, rgb);
              }
            }
          }
        }
        if (captions != null && k < captions.size()) {
          String cap = captions.get(k);
          while (cm.stringWidth(cap) > tileW && cap.length() > 1) {
            cap = cap.substring(0, cap.length() - 1);
          }
          g.setColor(Color.DARK_GRAY);
          g.drawString(cap, x0 + (tileW - cm.stringWidth(cap)) / 2, y0 + tileH + 11);
        }
      }
    } finally {
      g.dispose();
    }
    return new ImageGrid(img, title, rows, cols);
  }

  /** The picture. */
  public BufferedImage image() {
    return image;
  }

  /** The title drawn above the grid. */
  public String title() {
    return title;
  }

  /** Grid rows. */
  public int rows() {
    return rows;
  }

  /** Grid columns. */
  public int cols() {
    return cols;
  }

  /** PNG bytes of the picture. */
  public byte[] png() {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode image grid '" + title + "' as PNG", e);
    }
  }

  /** An SVG document holding the picture as an embedded PNG (the grid is raster data). */
  public String svg() {
    String b64 = Base64.getEncoder().encodeToString(png());
    String t = title.replace("&", "&amp;").replace("<", "&lt;");
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + image.getWidth()
        + "\" height=\"" + image.getHeight() + "\"><title>" + t + "</title>"
        + "<image width=\"" + image.getWidth() + "\" height=\"" + image.getHeight()
        + "\" href=\"data:image/png;base64," + b64 + "\"/></svg>";
  }

  /** Writes the PNG atomically; returns the absolute path. */
  public Path savePng(Path file) {
    return AtomicFiles.write(file, png());
  }

  /** Writes the SVG atomically; returns the absolute path. */
  public Path saveSvg(Path file) {
    return AtomicFiles.write(file, svg().getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "ImageGrid[" + title + ", " + rows + " × " + cols + "]";
  }
}
