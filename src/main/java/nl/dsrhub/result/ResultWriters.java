package nl.dsrhub.result;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import nl.dsrhub.model.RequestType;

/**
 * The result writer of each request type: those listed in {@code META-INF/services/nl.dsrhub.result.ResultWriter}, so
 * adding a type's writer is writing the class and listing it there.
 */
public final class ResultWriters {

    private static final ResultWriters INSTALLED = of(ServiceLoader.load(ResultWriter.class, ResultWriter.class.getClassLoader()));

    private final Map<RequestType, ResultWriter> byType;

    private ResultWriters(Map<RequestType, ResultWriter> byType) {
        this.byType = byType;
    }

    /** The writers this hub ships. */
    public static ResultWriters installed() {
        return INSTALLED;
    }

    /** @throws IllegalStateException when two writers declare the same type */
    static ResultWriters of(Iterable<ResultWriter> writers) {
        Map<RequestType, ResultWriter> byType = new EnumMap<>(RequestType.class);
        for (ResultWriter w : writers) {
            ResultWriter earlier = byType.put(w.type(), w);
            if (earlier != null) {
                throw new IllegalStateException("two result writers for request type " + w.type().wire() + ": "
                        + earlier.getClass().getName() + " and " + w.getClass().getName());
            }
        }
        return new ResultWriters(byType);
    }

    /** @throws IllegalStateException naming the type when no writer declares it */
    public ResultWriter of(RequestType type) {
        ResultWriter w = byType.get(type);
        if (w == null) {
            throw new IllegalStateException("no result writer for request type " + type.wire()
                    + ": list one in META-INF/services/" + ResultWriter.class.getName());
        }
        return w;
    }

    /** The types without a writer (none in a sound build). */
    public List<RequestType> missing() {
        List<RequestType> out = new ArrayList<>();
        for (RequestType t : RequestType.values()) {
            if (!byType.containsKey(t)) {
                out.add(t);
            }
        }
        return out;
    }
}
