package lab.kernel;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.zeromq.ZMQ;

/**
 * The protocol library's connection with shell and control channels that poll every
 * {@code pollMs} milliseconds instead of the library's 50: a request waits on average half the
 * poll interval before it is read, which would dominate the round trip of a trivial cell.
 * Heartbeat, IOPub and stdin are the library's own. All sockets bind where the connection file
 * says.
 */
final class LabConnection extends JupyterConnection {

  /**
   * Poll interval of the shell and control channels: 2.5 ms of added latency on average; an
   * idle kernel spends under 1 % of a core polling.
   */
  static final long POLL_MS = 5;

  private final KernelConnectionProperties props;
  private final ZMQ.Context context = ZMQ.context(1);
  private final ShellChannel shellChannel;
  private final ShellChannel controlChannel;

  LabConnection(KernelConnectionProperties props)
      throws NoSuchAlgorithmException, InvalidKeyException {
    super(props);
    this.props = props;
    HMACGenerator hmac = props.createHMACGenerator();
    this.shellChannel = new ShellChannel(context, hmac, false, this, POLL_MS);
    this.controlChannel = new ShellChannel(context, hmac, true, this, POLL_MS);
  }

  @Override
  public void connect() {
    heartbeat.bind(props);
    shellChannel.bind(props);
    controlChannel.bind(props);
    stdin.bind(props);
    iopub.bind(props);
    iopub.sendMessage(new Message<>(null, PublishStatus.MESSAGE_TYPE, PublishStatus.STARTING));
  }

  @Override
  public void close() {
    shellChannel.close();
    controlChannel.close();
    super.close();
    context.close();
  }

  @Override
  public void waitUntilClose() {
    shellChannel.waitUntilClose();
    controlChannel.waitUntilClose();
    super.waitUntilClose();
  }
}
