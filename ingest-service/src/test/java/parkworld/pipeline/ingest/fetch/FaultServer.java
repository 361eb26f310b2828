package parkworld.pipeline.ingest.fetch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A web server for tests that misbehaves on purpose, at the socket level: per path it drips a body byte by byte,
 * stays silent after the request, or sends an endless body. Each connection is served on its own thread; any other
 * path is a 404. {@link #bytesSent()} tells how much of a body the client let through before it hung up.
 */
public final class FaultServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
    private final AtomicLong bytesSent = new AtomicLong();

    public FaultServer() throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "fault-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** After the headers (announcing {@code declaredLength}), sends {@code first} then one byte per {@code every}. */
    public FaultServer drip(String path, byte[] first, long declaredLength, Duration every) {
        this.behaviours.put(path, out -> {
            head(out, declaredLength);
            write(out, first);
            while (true) {
                sleep(every);
                write(out, new byte[] { 'x' });
            }
        });
        return this;
    }

    /** Reads the request and never answers. */
    public FaultServer silent(String path) {
        this.behaviours.put(path, out -> sleep(Duration.ofMinutes(5)));
        return this;
    }

    /** Sends {@code first}, then 'x' for ever, without a Content-Length (the body ends when the connection does). */
    public FaultServer endless(String path, byte[] first) {
        this.behaviours.put(path, out -> {
            head(out, -1);
            write(out, first);
            byte[] chunk = new byte[8192];
            java.util.Arrays.fill(chunk, (byte) 'x');
            while (true) {
                write(out, chunk);
            }
        });
        return this;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + this.socket.getLocalPort() + path);
    }

    /** Body bytes written to clients so far. */
    public long bytesSent() {
        return this.bytesSent.get();
    }

    private void accept() {
        while (!this.socket.isClosed()) {
            try {
                Socket connection = this.socket.accept();
                Thread thread = new Thread(() -> serve(connection), "fault-server-connection");
                thread.setDaemon(true);
                thread.start();
            }
            catch (IOException ex) {
                // Closed by the test.
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            BufferedReader request = new BufferedReader(
                    new InputStreamReader(connection.getInputStream(), StandardCharsets.ISO_8859_1));
            String requestLine = request.readLine();
            for (String header = request.readLine(); header != null && !header.isEmpty(); header = request.readLine()) {
                // The path decides.
            }
            String path = requestLine == null ? "" : requestLine.split(" ")[1];
            OutputStream out = connection.getOutputStream();
            Behaviour behaviour = this.behaviours.get(path);
            if (behaviour == null) {
                out.write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            }
            else {
                behaviour.serve(out);
            }
            out.flush();
        }
        catch (IOException | InterruptedException ex) {
            // The client hung up: what these tests want to see.
        }
    }

    private static void head(OutputStream out, long declaredLength) throws IOException {
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\n"
                + (declaredLength >= 0 ? "Content-Length: " + declaredLength + "\r\n" : "")
                + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private void write(OutputStream out, byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        this.bytesSent.addAndGet(bytes.length);
    }

    private static void sleep(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }

    @Override
    public void close() throws IOException {
        this.socket.close();
    }

    @FunctionalInterface
    private interface Behaviour {

        void serve(OutputStream out) throws IOException, InterruptedException;
    }
}
