package nl.dsrhub.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A secret kept in a file of the data dir (dashboard token, ledger key): made at first start with
 * 32 random bytes, readable and writable by the owner only, read as it is afterwards.
 */
public final class SecretFile {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretFile() {
    }

    public static String readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                PrivateFiles.folder(file.getParent());
                byte[] bytes = new byte[32];
                RANDOM.nextBytes(bytes);
                String secret = HexFormat.of().formatHex(bytes);
                try {
                    create(file, secret);
                } catch (FileAlreadyExistsException raced) {
                    // another process made it first: theirs is the secret
                }
            }
            String secret = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (secret.isEmpty()) {
                throw new IllegalStateException("the secret file " + file + " is empty: delete it to make a new one");
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secret file " + file, e);
        }
    }

    private static void create(Path file, String secret) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + "." + Long.toHexString(RANDOM.nextLong()));
        try {
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(tmp);
            }
            Files.writeString(tmp, secret + "\n", StandardCharsets.UTF_8);
            Files.createLink(file, tmp); // fails if the file exists: never overwrites a secret in use
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
