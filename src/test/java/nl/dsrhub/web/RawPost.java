package nl.dsrhub.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An attacker's POST on a raw socket: the head as given, then as much of a body as the server lets through, written
 * by a thread of its own while the test reads the answer. Tells how many body bytes got out before the server closed.
 */
final class RawPost implements AutoCloseable {

    private final Socket socket;
    private final AtomicLong sent = new AtomicLong();
    private final Thread writer;
    private volatile boolean writerEnded;

    /**
     * @param head   request line and headers, without the blank line
     * @param first  the first bytes of the body (e.g. a multipart part's head), then zeros up to {@code total}
     */
    RawPost(int port, String head, byte[] first, long total) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(30_000);
        OutputStream out = socket.getOutputStream();
        out.write((head + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        writer = new Thread(() -> {
            try {
                out.write(first);
                sent.addAndGet(first.length);
                byte[] chunk = new byte[64 * 1024];
                while (sent.get() < total) {
                    int n = (int) Math.min(chunk.length, total - sent.get());
                    out.write(chunk, 0, n);
                    sent.addAndGet(n);
                }
                out.flush();
            } catch (IOException closedByTheServer) {
                // what the test wants to see: the server stopped taking the body
            } finally {
                writerEnded = true;
            }
        }, "raw-post-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** The status line of the answer, read while the body may still be going out. */
    String statusLine() throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            line.append((char) c);
        }
        return line.toString().trim();
    }

    /** The rest of the answer until the server closes the connection (headers and body). */
    String restUntilClosed() throws IOException {
        return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    long bodyBytesSent() {
        return sent.get();
    }

    boolean writerEnded() {
        return writerEnded;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
