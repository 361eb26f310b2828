package parkworld.pipeline.indexer.outage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on loopback in front of Elasticsearch, so a test can make the port refuse connections (as a stopped
 * Elasticsearch does: listening socket closed, open connections reset) and accept them again on the same port.
 */
final class LoopbackRelay implements AutoCloseable {

    private final int targetPort;
    private final int port;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;

    LoopbackRelay(int targetPort) {
        this.targetPort = targetPort;
        this.port = listen(0);
    }

    /** @return {@code http://127.0.0.1:<port>} */
    String url() {
        return "http://127.0.0.1:" + this.port;
    }

    /** Closes the listening socket and every open connection: new connections are refused. */
    synchronized void refuse() {
        closeQuietly(this.server);
        this.server = null;
        for (Socket socket : this.open) {
            closeQuietly(socket);
        }
        this.open.clear();
    }

    /** Listens again on the same port. */
    synchronized void accept() {
        if (this.server == null) {
            listen(this.port);
        }
    }

    @Override
    public void close() {
        refuse();
    }

    private int listen(int onPort) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort));
            this.server = socket;
            Thread acceptor = new Thread(() -> acceptLoop(socket), "relay-accept-" + socket.getLocalPort());
            acceptor.setDaemon(true);
            acceptor.start();
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot listen on " + onPort, ex);
        }
    }

    private void acceptLoop(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), this.targetPort);
                this.open.add(client);
                this.open.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            }
            catch (IOException ex) {
                // closed by refuse(), or upstream unreachable: the client sees its connection closed
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) != -1) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            }
            catch (IOException ex) {
                // connection closed
            }
            finally {
                closeQuietly(from);
                closeQuietly(to);
                this.open.remove(from);
                this.open.remove(to);
            }
        }, "relay-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        }
        catch (Exception ex) {
            // nothing to do
        }
    }
}
