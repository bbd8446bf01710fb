package lab.kernel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code %maven}: resolves {@code group:artifact[:extension[:classifier]]:version} coordinates
 * and their runtime dependencies with the Maven Resolver library, through a local repository.
 *
 * <p>Where it looks: the local repository is {@code LAB_MAVEN_LOCAL}, else the system property
 * {@code maven.repo.local}, else {@code ~/.m2/repository}; remote repositories are
 * {@code LAB_MAVEN_REPOS} (URLs separated by commas or blanks, {@code file://} allowed), else
 * Maven Central; {@code --repo=URL} arguments add to them. {@code LAB_MAVEN_OFFLINE=true} uses
 * the local repository only.
 *
 * @param local local repository folder
 * @param remotes remote repository URLs, in search order
 * @param offline whether remote repositories are skipped
 */
record MavenDeps(Path local, List<String> remotes, boolean offline) {

  private static final Logger LOG = LoggerFactory.getLogger(MavenDeps.class);

  /** Maven Central, the default remote repository. */
  static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

  MavenDeps {
    if (local == null) {
      throw new IllegalArgumentException("local repository is null; expected a folder");
    }
    remotes = List.copyOf(remotes);
  }

  /** The repositories the environment names, plus {@code extra} remote URLs. */
  static MavenDeps fromEnvironment(List<String> extra) {
    String localEnv = System.getenv("LAB_MAVEN_LOCAL");
    String localProp = System.getProperty("maven.repo.local");
    Path local = localEnv != null && !localEnv.isBlank() ? Path.of(localEnv)
        : localProp != null && !localProp.isBlank() ? Path.of(localProp)
        : Path.of(System.getProperty("user.home"), ".m2", "repository");
    String reposEnv = System.getenv("LAB_MAVEN_REPOS");
    List<String> remotes = new ArrayList<>();
    if (reposEnv != null && !reposEnv.isBlank()) {
      remotes.addAll(List.of(reposEnv.trim().split("[,\\s]+")));
    } else {
      remotes.add(CENTRAL);
    }
    remotes.addAll(extra);
    boolean offline = "true".equalsIgnoreCase(System.getenv("LAB_MAVEN_OFFLINE"));
    return new MavenDeps(local, remotes, offline);
  }

  /** The jars of {@code coordinates} and of their runtime dependencies, in class path order. */
  List<Path> resolve(List<String> coordinates) {
    RepositorySystem system = new RepositorySystemSupplier().get();
    try {
      DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
      session.setLocalRepositoryManager(
          system.newLocalRepositoryManager(session, new LocalRepository(local.toFile())));
      session.setOffline(offline);
      session.setSystemProperties(System.getProperties());
      List<RemoteRepository> repos = new ArrayList<>();
      for (int i = 0; i < remotes.size(); i++) {
        String id = remotes.get(i).equals(CENTRAL) ? "central" : "repo" + i;
        repos.add(new RemoteRepository.Builder(id, "default", remotes.get(i)).build());
      }
      CollectRequest collect = new CollectRequest();
      for (String c : coordinates) {
        DefaultArtifact artifact;
        try {
          artifact = new DefaultArtifact(c);
        } catch (IllegalArgumentException e) {
          throw new MagicException("%maven: bad coordinates '" + c
              + "'; expected group:artifact:version");
        }
        collect.addDependency(new Dependency(artifact, JavaScopes.RUNTIME));
      }
      collect.setRepositories(repos);
      DependencyRequest request = new DependencyRequest(collect,
          DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
      List<Path> jars = new ArrayList<>();
      for (ArtifactResult r : system.resolveDependencies(session, request).getArtifactResults()) {
        jars.add(r.getArtifact().getFile().toPath());
      }
      LOG.info("resolved {} into {} jars from {}", coordinates, jars.size(), remotes);
      return jars;
    } catch (DependencyResolutionException e) {
      throw new MagicException("%maven: cannot resolve " + String.join(" ", coordinates)
          + " from " + remotes + " (local " + local + "): " + e.getMessage(), e);
    } finally {
      system.shutdown();
    }
  }
}
