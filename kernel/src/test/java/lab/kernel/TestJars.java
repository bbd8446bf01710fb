package lab.kernel;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/** Small jars and a file:// Maven repository built by the tests (no network). */
final class TestJars {

  private TestJars() {
  }

  /** Compiles {@code demo.Greeter} (whose {@code hi()} returns {@code greeting}) into a jar. */
  static Path greeterJar(Path dir, String greeting) throws IOException {
    String src = "package demo; public class Greeter { public static String hi() { return \""
        + greeting + "\"; } }";
    Path classes = Files.createDirectories(dir.resolve("classes-" + greeting.hashCode()));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    SimpleJavaFileObject file = new SimpleJavaFileObject(URI.create("string:///demo/Greeter.java"),
        SimpleJavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignore) {
        return src;
      }
    };
    boolean ok = javac.getTask(null, null, null, List.of("-d", classes.toString()), null,
        List.of(file)).call();
    if (!ok) {
      throw new IllegalStateException("cannot compile the test class");
    }
    Path jar = dir.resolve("greeter-" + Math.abs(greeting.hashCode()) + ".jar");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream j = new JarOutputStream(out)) {
      j.putNextEntry(new JarEntry("demo/Greeter.class"));
      j.write(Files.readAllBytes(classes.resolve("demo/Greeter.class")));
      j.closeEntry();
    }
    return jar;
  }

  /** A Maven repository layout holding {@code demo:greeter:1.0} (jar and pom). */
  static Path mavenRepo(Path dir) throws IOException {
    Path repo = dir.resolve("repo");
    Path v = Files.createDirectories(repo.resolve("demo/greeter/1.0"));
    Files.copy(greeterJar(dir, "hi from maven"), v.resolve("greeter-1.0.jar"));
    Files.writeString(v.resolve("greeter-1.0.pom"), """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>demo</groupId>
          <artifactId>greeter</artifactId>
          <version>1.0</version>
        </project>
        """, StandardCharsets.UTF_8);
    return repo;
  }
}
