package nl.dsrhub.result;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Passes bytes through to a stream (a zip entry) while computing their SHA-256 and counting them.
 * {@link #close()} only flushes: the underlying zip stream stays open for the next entry.
 */
final class HashingOutputStream extends FilterOutputStream {

    private final MessageDigest digest;
    private long count;

    HashingOutputStream(OutputStream out) {
        super(out);
        this.digest = sha256();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        digest.update((byte) b);
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        digest.update(b, off, len);
        count += len;
    }

    @Override
    public void close() throws IOException {
        flush();
    }

    long count() {
        return count;
    }

    /** The SHA-256 of everything written, lower-case hex. Call once, after the last write. */
    String sha256Hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
