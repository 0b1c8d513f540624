package nl.dsrhub.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Files and folders only the hub's own user may read: folders {@code 0700}, files {@code 0600}, set when
 * they are created (never created open and closed afterwards). Everything under the data dir holds personal
 * data or secrets (requests, processors' exports, results, uploads, keys), and Java cannot set the process's
 * umask, so every writer of the hub goes through here. On a file system without POSIX permissions (Windows)
 * the files are created as usual: there the data dir's own access list protects them.
 */
public final class PrivateFiles {

    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    public static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

    private PrivateFiles() {
    }

    /** Creates the folder and any missing parents, each new one {@code 0700}; existing ones are left as they are. */
    public static Path folder(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            return dir;
        }
        Path parent = absolute.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            folder(parent);
        }
        try {
            Files.createDirectory(absolute, attributes(absolute, FOLDER));
        } catch (FileAlreadyExistsException raced) {
            if (!Files.isDirectory(absolute)) {
                throw raced;
            }
        }
        return dir;
    }

    /**
     * A new or truncated file for writing, created {@code 0600}; its folders are made as by {@link #folder}.
     * A file that already existed (the hub's own, or left by an earlier version) is made {@code 0600} too.
     */
    public static OutputStream newOutputStream(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            folder(parent);
        }
        boolean existed = Files.exists(file);
        OutputStream out = Channels.newOutputStream(Files.newByteChannel(file,
                EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING),
                attributes(file, FILE)));
        if (existed) {
            restrict(file);
        }
        return out;
    }

    /** A file that must not exist yet, created {@code 0600}, empty: for temporary names chosen by the caller. */
    public static Path createFile(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            folder(parent);
        }
        return Files.createFile(file, attributes(file, FILE));
    }

    /** A temporary file in {@code dir} ({@code prefix + random + suffix}), {@code 0600}. */
    public static Path createTempFile(Path dir, String prefix, String suffix) throws IOException {
        folder(dir);
        return Files.createTempFile(dir, prefix, suffix, attributes(dir, FILE));
    }

    public static Path write(Path file, byte[] bytes) throws IOException {
        try (OutputStream out = newOutputStream(file)) {
            out.write(bytes);
        }
        return file;
    }

    public static Path writeString(Path file, String text) throws IOException {
        return write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Copies a stream into a private file; returns the number of bytes. */
    public static long copy(InputStream in, Path file) throws IOException {
        try (OutputStream out = newOutputStream(file)) {
            return in.transferTo(out);
        }
    }

    public static long copy(Path source, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(source)) {
            return copy(in, file);
        }
    }

    /** Makes one existing file {@code 0600} or folder {@code 0700} (made by code that is not the hub's: H2, Camel). */
    public static void restrict(Path path) throws IOException {
        if (!posix(path)) {
            return;
        }
        Set<PosixFilePermission> wanted = Files.isDirectory(path) ? FOLDER : FILE;
        if (!Files.getPosixFilePermissions(path).equals(wanted)) {
            Files.setPosixFilePermissions(path, wanted);
        }
    }

    /**
     * Makes a whole tree private: the data dir at start-up (a data dir of an earlier version, the database's
     * files). Symbolic links are not followed: a link never widens what the hub changes.
     */
    public static void restrictTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (!Files.isSymbolicLink(p)) {
                    try {
                        restrict(p);
                    } catch (java.nio.file.NoSuchFileException gone) {
                        // removed meanwhile (a temporary file): nothing to protect
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + root + " private to its owner", e);
        }
    }

    /** Deletes a folder with everything in it (nothing when it does not exist); links are deleted, not followed. */
    public static void deleteTree(Path dir) {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        // a file written into the tree while it is deleted (an atomic write renaming its temp file, a result written by
        // another route) makes a walk miss it or find it gone: tolerated, and the walk made again
        for (int round = 1; ; round++) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
                return;
            } catch (java.nio.file.NoSuchFileException gone) {
                if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    return;
                }
                if (round == 3) {
                    throw new UncheckedIOException("cannot delete " + dir, gone);
                }
            } catch (java.nio.file.DirectoryNotEmptyException grew) {
                if (round == 3) {
                    throw new UncheckedIOException("cannot delete " + dir + ": files keep appearing in it", grew);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + dir, e);
            }
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<?>[] attributes(Path path, Set<PosixFilePermission> permissions) {
        return posix(path) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)} : new FileAttribute<?>[0];
    }
}
