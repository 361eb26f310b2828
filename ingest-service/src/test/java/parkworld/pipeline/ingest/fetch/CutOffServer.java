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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A web server for tests that cuts responses off: for a path it announces a {@code Content-Length}, sends fewer
 * bytes and closes the connection, as a server that crashes mid-download does. Any other path is a 404.
 */
public final class CutOffServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Map<String, CutOff> responses = new ConcurrentHashMap<>();
    private final Thread acceptor;

    public CutOffServer() throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::serve, "cut-off-server");
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    /** Sends {@code body} for {@code path} after announcing {@code declaredLength} bytes, then hangs up. */
    public CutOffServer cutOff(String path, byte[] body, long declaredLength) {
        this.responses.put(path, new CutOff(body, declaredLength));
        return this;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + this.socket.getLocalPort() + path);
    }

    private void serve() {
        while (!this.socket.isClosed()) {
            try (Socket connection = this.socket.accept()) {
                BufferedReader request = new BufferedReader(
                        new InputStreamReader(connection.getInputStream(), StandardCharsets.ISO_8859_1));
                String requestLine = request.readLine();
                for (String header = request.readLine(); header != null && !header.isEmpty(); header = request.readLine()) {
                    // Headers are not needed: the path decides.
                }
                String path = requestLine == null ? "" : requestLine.split(" ")[1];
                CutOff response = this.responses.get(path);
                OutputStream out = connection.getOutputStream();
                if (response == null) {
                    out.write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
                }
                else {
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\nContent-Length: "
                            + response.declaredLength() + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(response.body());
                }
                out.flush();
            }
            catch (IOException ex) {
                // Closed by the test, or the client hung up first: either way the next connection is served.
            }
        }
    }

    @Override
    public void close() throws IOException {
        this.socket.close();
    }

    private record CutOff(byte[] body, long declaredLength) {
    }
}
