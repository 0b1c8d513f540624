package nl.dsrhub.testing;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The TCP sockets a process listens on, as Linux tells: the socket inodes among {@code /proc/PID/fd}, matched with the
 * LISTEN rows (state 0A) of {@code /proc/net/tcp} and {@code tcp6}. Each as {@code address:port}.
 */
public final class ListeningSockets {

    private ListeningSockets() {
    }

    public static Set<String> of(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor went while listing
                }
            }
        }
        Set<String> out = new TreeSet<>();
        for (String table : new String[] {"tcp", "tcp6"}) {
            Path file = Path.of("/proc", String.valueOf(pid), "net", table);
            if (!Files.exists(file)) {
                continue;
            }
            // read once: the table changes from one read to the next
            java.util.List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 9 && "0A".equals(f[3]) && inodes.contains(f[9])) {
                    out.add(address(f[1]));
                }
            }
        }
        return out;
    }

    /** {@code 0100007F:1F90} (little-endian words, hex port) as {@code 127.0.0.1:8080}. */
    static String address(String hex) {
        String[] parts = hex.split(":");
        byte[] raw = new BigInteger(parts[0], 16).toByteArray();
        byte[] bytes = new byte[parts[0].length() / 2];
        System.arraycopy(raw, Math.max(0, raw.length - bytes.length), bytes, Math.max(0, bytes.length - raw.length),
                Math.min(raw.length, bytes.length));
        // each 32-bit word is in host (little-endian) order
        for (int w = 0; w < bytes.length; w += 4) {
            for (int i = 0; i < 2; i++) {
                byte t = bytes[w + i];
                bytes[w + i] = bytes[w + 3 - i];
                bytes[w + 3 - i] = t;
            }
        }
        try {
            return InetAddress.getByAddress(bytes).getHostAddress() + ":" + Integer.parseInt(parts[1], 16);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True for 127.0.0.0/8 and ::1 (and an IPv4-mapped loopback). */
    public static boolean loopback(String addressAndPort) {
        String address = addressAndPort.substring(0, addressAndPort.lastIndexOf(':'));
        try {
            return InetAddress.getByName(address).isLoopbackAddress() || address.startsWith("0:0:0:0:0:ffff:7f");
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
