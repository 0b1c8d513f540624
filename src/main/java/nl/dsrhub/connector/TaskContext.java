package nl.dsrhub.connector;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.dsrhub.model.DsrRequest;

/**
 * What a connector engine gets to work on one task.
 *
 * @param identifiers everything known about the subject so far, by identifier name
 * @param dataDir     where an export keeps the processor's answers as received (emptied before each run)
 */
public record TaskContext(long taskId, DsrRequest request, Map<String, List<String>> identifiers, Path dataDir) {
}
