package lab.data;

import java.util.Arrays;

/**
 * A batch of grey images with their class labels: the unit every part of the lab exchanges.
 *
 * <p>Shapes: {@code images} is n × (height·width), row-major pixels with values in [0, 1];
 * {@code labels} has length n with values in 0..9, or is {@code null} for unlabelled samples.
 * Arrays are not copied; callers must not modify them after construction.
 *
 * @param images n × (height·width) pixel intensities in [0, 1]
 * @param labels n class labels, or {@code null}
 * @param height image height in pixels
 * @param width image width in pixels
 * @param name where the images come from, shown in figures and tables
 */
public record ImageSet(float[][] images, int[] labels, int height, int width, String name) {

  /** Checks shapes and labels; pixel values are checked by {@link #checkFinite()} on demand. */
  public ImageSet {
    if (images == null) {
      throw new IllegalArgumentException("ImageSet '" + name + "': images is null");
    }
    if (height <= 0 || width <= 0) {
      throw new IllegalArgumentException(
          "ImageSet '" + name + "': height × width is " + height + " × " + width
              + ", expected both > 0");
    }
    for (int i = 0; i < images.length; i++) {
      if (images[i] == null || images[i].length != height * width) {
        throw new IllegalArgumentException(
            "ImageSet '" + name + "': image " + i + " has "
                + (images[i] == null ? "no" : String.valueOf(images[i].length))
                + " pixels, expected " + height + " × " + width + " = " + height * width);
      }
    }
    if (labels != null && labels.length != images.length) {
      throw new IllegalArgumentException(
          "ImageSet '" + name + "': " + images.length + " images but " + labels.length
              + " labels");
    }
  }

  /** Number of images n. */
  public int size() {
    return images.length;
  }

  /** Pixels per image, height·width. */
  public int pixels() {
    return height * width;
  }

  /** Whether every image has a label. */
  public boolean labelled() {
    return labels != null;
  }

  /** The images at the given indices, in that order, under a new name. */
  public ImageSet subset(int[] indices, String newName) {
    float[][] x = new float[indices.length][];
    int[] y = labels == null ? null : new int[indices.length];
    for (int k = 0; k < indices.length; k++) {
      int i = indices[k];
      if (i < 0 || i >= images.length) {
        throw new IndexOutOfBoundsException(
            "ImageSet '" + name + "': index " + i + " outside 0.." + (images.length - 1));
      }
      x[k] = images[i];
      if (y != null) {
        y[k] = labels[i];
      }
    }
    return new ImageSet(x, y, height, width, newName);
  }

  /** Throws if any pixel is NaN or infinite, naming the set, the image and the pixel. */
  public ImageSet checkFinite() {
    for (int i = 0; i < images.length; i++) {
      for (int p = 0; p < images[i].length; p++) {
        if (!Float.isFinite(images[i][p])) {
          throw new IllegalArgumentException(
              "ImageSet '" + name + "' (" + images.length + " × " + pixels() + "): image " + i
                  + " pixel " + p + " is " + images[i][p] + ", expected a finite value");
        }
      }
    }
    return this;
  }

  @Override
  public String toString() {
    return "ImageSet[" + name + ", " + images.length + " × " + height + "×" + width
        + (labels == null ? ", unlabelled" : ", labels " + Arrays.stream(labels).distinct().count()
            + " classes") + "]";
  }
}
