package lab.gan;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Starts the engine in a fresh JVM with every proxied connection recorded and refused. */
public final class OfflineProbe {

  private OfflineProbe() {
  }

  /** Prints "engine ok, connection attempts: [...]" or the start-up error's message. */
  public static void main(String[] args) {
    List<URI> attempts = new CopyOnWriteArrayList<>();
    ProxySelector.setDefault(new ProxySelector() {
      @Override
      public List<Proxy> select(URI uri) {
        attempts.add(uri);
        throw new IllegalStateException("network use attempted: " + uri);
      }

      @Override
      public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        attempts.add(uri);
      }
    });
    try (NDManager m = Torch.engine().newBaseManager()) {
      float s = m.create(new float[] {1, 2, 3}).sum().getFloat();
      System.out.println("engine ok, sum " + s + ", connection attempts: " + attempts);
    } catch (IllegalStateException e) {
      System.out.println("engine failed: " + e.getMessage());
    }
  }
}
