package nl.dsrhub.files;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a file under a temporary name in the same folder and moves it into place atomically. */
public final class AtomicFiles {

    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Writes of one target by two threads at once (the refusal command and the scheduled check of missing letters)
     * are taken in turn: the second would otherwise take the first one's temp file for a leftover and delete it.
     * Striped, so the locks do not grow with the files written.
     */
    private static final Object[] STRIPES = new Object[64];

    static {
        for (int i = 0; i < STRIPES.length; i++) {
            STRIPES[i] = new Object();
        }
    }

    /**
     * Temp files of an earlier write of the same target that a kill -9 cut off (the finally below never ran):
     * they may hold personal data, and the write about to start replaces them. Found by CrashTest.
     */
    private static void removeLeftovers(Path dir, String targetName) throws IOException {
        String prefix = "." + targetName + ".";
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(prefix) && n.endsWith(".tmp");
            }).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * Runs {@code body} against a buffered stream on a temp file beside {@code target}, syncs it to disk
     * and renames it to {@code target} ({@code ATOMIC_MOVE}). If anything fails the temp file is removed
     * and {@code target} is left as it was: never a half-written file under the final name.
     */
    public static Path write(Path target, Body body) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        synchronized (STRIPES[Math.floorMod(absolute.hashCode(), STRIPES.length)]) {
            return writeAlone(target, body);
        }
    }

    private static Path writeAlone(Path target, Body body) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        PrivateFiles.folder(dir);
        removeLeftovers(dir, target.getFileName().toString());
        Path tmp = PrivateFiles.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        boolean moved = false;
        try {
            try (FileOutputStream file = new FileOutputStream(tmp.toFile());
                 OutputStream out = new BufferedOutputStream(file, 64 * 1024)) {
                body.writeTo(out);
                out.flush();
                file.getChannel().force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
            return target;
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }
}
