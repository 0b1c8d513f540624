package nl.dsrhub.mail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import net.lingala.zip4j.model.ZipParameters;
import net.lingala.zip4j.model.enums.AesKeyStrength;
import net.lingala.zip4j.model.enums.EncryptionMethod;
import nl.dsrhub.files.AtomicFiles;

/**
 * A bundle mailed to the subject goes AES-256 encrypted in a zip; its passphrase reaches the subject another way. Used
 * for the complete bundle and for an interim one.
 */
final class BundleEncryption {

    private static final String WORDS = "abcdefghijkmnpqrstuvwxyz23456789";

    private BundleEncryption() {
    }

    /** 24 characters in four groups, without look-alikes (0/o, 1/l): read over the phone. */
    static String newPassphrase(SecureRandom random) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            if (i > 0 && i % 6 == 0) {
                sb.append('-');
            }
            sb.append(WORDS.charAt(random.nextInt(WORDS.length())));
        }
        return sb.toString();
    }

    /** Writes {@code passphrase.txt} for the officer: what it opens, the advice, and the passphrase on its last line. */
    static void writePassphrase(Path file, String encryptedName, String passphrase) throws IOException {
        AtomicFiles.write(file, out -> out.write(("Passphrase of " + encryptedName + " (give it to the subject by another way"
                + " than the mail with the bundle, e.g. by phone):\n" + passphrase + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** The passphrase of an earlier attempt's encrypted bundle: its file's last line. */
    static Optional<String> earlierPassphrase(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Files.readString(file).lines().map(String::strip).filter(l -> !l.isEmpty()).reduce((a, b) -> b);
    }

    /** Encrypts under a temporary name and moves it into place: the target is whole or absent. */
    static Path encrypt(Path bundle, Path target, String passphrase) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        ZipParameters p = new ZipParameters();
        p.setEncryptFiles(true);
        p.setEncryptionMethod(EncryptionMethod.AES);
        p.setAesKeyStrength(AesKeyStrength.KEY_STRENGTH_256);
        p.setFileNameInZip(bundle.getFileName().toString());
        // streamed into a file that is the owner's alone from its creation (zip4j's ZipFile would create it world-readable)
        try (java.io.OutputStream file = nl.dsrhub.files.PrivateFiles.newOutputStream(tmp);
             net.lingala.zip4j.io.outputstream.ZipOutputStream zip =
                     new net.lingala.zip4j.io.outputstream.ZipOutputStream(file, passphrase.toCharArray());
             java.io.InputStream in = Files.newInputStream(bundle)) {
            zip.putNextEntry(p);
            in.transferTo(zip);
            zip.closeEntry();
        }
        return Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
