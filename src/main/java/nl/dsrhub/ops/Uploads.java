package nl.dsrhub.ops;

import jakarta.activation.DataHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.camel.Exchange;
import org.apache.camel.attachment.AttachmentMessage;

/**
 * The files an officer uploads with a settlement (a processor's export that came by another way). The
 * embedded server has already written each upload to a temporary file in the data dir (and deletes it when
 * the request ends); here they are copied under safe names into a folder of their own, to be handed to the
 * settlement and removed afterwards.
 */
final class Uploads {

    /** The dashboard's settle form: three file fields, one file each (platform-http keeps one attachment per field name). */
    static final List<String> FIELDS = fields(3);
    /** An API settlement ({@code settle --file ...} beside a running hub): up to twenty files. */
    static final List<String> API_FIELDS = fields(20);

    static List<String> fields(int n) {
        return java.util.stream.IntStream.rangeClosed(1, n).mapToObj(i -> "file-" + i).toList();
    }

    private Uploads() {
    }

    /** Copies the uploaded files of the dashboard's form (empty fields skipped) into {@code into} under safe, distinct names. */
    static List<Path> keep(Exchange exchange, Path into) {
        return keep(exchange, into, FIELDS);
    }

    /** Copies the uploaded files of the given fields (empty ones skipped) into {@code into} under safe, distinct names. */
    static List<Path> keep(Exchange exchange, Path into, List<String> fields) {
        AttachmentMessage message = exchange.getMessage(AttachmentMessage.class);
        Map<String, DataHandler> attachments = message != null && message.hasAttachments()
                ? new TreeMap<>(message.getAttachments()) : Map.of();
        List<Path> kept = new ArrayList<>();
        Set<String> names = new HashSet<>();
        try {
            for (Map.Entry<String, DataHandler> a : attachments.entrySet()) {
                String original = a.getValue().getName();
                if (!fields.contains(a.getKey()) || original == null || original.isBlank()) {
                    continue;     // a file field left empty, or a field this form does not have
                }
                String name = safeName(original, a.getKey());
                while (!names.add(name)) {
                    name = "1-" + name;
                }
                nl.dsrhub.files.PrivateFiles.folder(into);
                Path target = into.resolve(name);
                try (InputStream in = a.getValue().getInputStream()) {
                    nl.dsrhub.files.PrivateFiles.copy(in, target);
                }
                kept.add(target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read an uploaded file", e);
        }
        return kept;
    }

    /**
     * The last segment of the browser's file name, with anything but letters, digits, '.', '-' and '_'
     * replaced: an upload can never name a folder, a hidden file or a path outside its own.
     */
    static String safeName(String original, String fallback) {
        String base = original.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        String safe = base.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^[.]+", "");
        if (safe.length() > 100) {
            int dot = safe.lastIndexOf('.');
            String ext = dot > 0 && safe.length() - dot <= 10 ? safe.substring(dot) : "";
            safe = safe.substring(0, 100 - ext.length()) + ext;
        }
        return safe.isEmpty() || safe.chars().allMatch(c -> c == '_') ? fallback : safe;
    }

    /** Removes the copies once the settlement has kept its own. */
    static void remove(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (var walk = Files.walk(folder)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the uploaded copies", e);
        }
    }
}
