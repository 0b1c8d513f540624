package nl.dsrhub.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nl.dsrhub.files.PrivateFiles;

/**
 * The answers a task keeps in its data folder, for the bundle: each as received, or as selected when a selection
 * removed other people's records. Personal data: written private (PrivateFiles), removed with the request's purge.
 */
final class AnswerFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final boolean export;
    private final String connector;
    private final List<Path> kept = new ArrayList<>();

    /** @param export an export keeps answers for the bundle; an erasure keeps none */
    AnswerFiles(Path dir, boolean export, String connector) {
        this.dir = dir;
        this.export = export;
        this.connector = connector;
    }

    /**
     * Every run starts from a folder without answers: an export's earlier files, and any copy an erasure (or an
     * earlier version's erasure, which kept its lookups) or a stopped run left behind. Folders (the officer's
     * {@code settled-by-hand/} files) stay.
     */
    void reset() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new TransientFailure(connector + ": cannot clear its data folder", null);
        }
    }

    /**
     * Keeps a step's answer under {@code name} (made safe for a file name), with the page number when paged.
     *
     * @param page 0 when the step is not paged
     */
    void keep(String stepId, String name, int page, Answer answer, JsonNode selected, JsonNode received) {
        String base = safeFileName(name);
        Path file = dir.resolve(page > 0 ? String.format("%s-p%04d.json", base, page) : base + ".json");
        try {
            // as received (moved into place, not written again), unless a selection removed other people's
            // records from a search result
            if (selected == received) {
                answer.body().moveTo(file);
            } else {
                try (OutputStream out = PrivateFiles.newOutputStream(file)) {
                    JSON.writerWithDefaultPrettyPrinter().writeValue(out, selected);
                }
            }
            kept.add(file);
        } catch (IOException e) {
            throw new TransientFailure(connector + ": cannot keep answer of step " + stepId + ": "
                    + e.getClass().getSimpleName(), null);
        }
    }

    int count() {
        return kept.size();
    }

    static String safeFileName(String s) {
        String cleaned = s.replaceAll("[^A-Za-z0-9._-]", "_");
        return cleaned.isEmpty() || cleaned.startsWith(".") ? "_" + cleaned : cleaned;
    }
}
