package nl.dsrhub.request;

import java.util.List;
import java.util.Optional;
import nl.dsrhub.model.DsrRequest;
import nl.dsrhub.store.RequestStore;
import nl.dsrhub.store.RestrictionRegister;
import nl.dsrhub.store.RestrictionRegister.Restriction;

/**
 * What a lifting request must name beyond its schema, checked against the restriction register when it is taken in: a
 * restriction in force of the same subject (the register knows the subject only by pseudonym, so the address is
 * compared that way), not already being lifted by another request. Each problem names {@code /lift/restrictionRequestId}
 * and the request ids involved, never the person.
 */
public final class LiftCheck {

    static final String FIELD = "/lift/restrictionRequestId";

    private final RestrictionRegister restrictions;
    private final RequestStore requests;

    public LiftCheck(RestrictionRegister restrictions, RequestStore requests) {
        this.restrictions = restrictions;
        this.requests = requests;
    }

    /** The problems of a valid request; none for a request that lifts nothing. */
    public List<Problem> problems(DsrRequest request) {
        if (request.particulars().lift() == null) {
            return List.of();
        }
        String named = request.particulars().lift().restrictionRequestId();
        Optional<Restriction> restriction = restrictions.find(named);
        if (restriction.isEmpty()) {
            return problem("names no restriction: request " + named + " recorded none in the restriction register (a"
                    + " restriction is recorded when the hub takes its restriction request on; `status` lists the requests)");
        }
        if (!restriction.get().inForce()) {
            return problem("names a restriction that was lifted already, by request " + restriction.get().liftRequestId());
        }
        boolean sameSubject = restrictions.inForce(request.subject().email()).stream()
                .anyMatch(r -> r.requestId().equals(named));
        if (!sameSubject) {
            return problem("names a restriction of another person: a lifting names a restriction in force of its own"
                    + " subject.email (request " + named + " restricts someone else)");
        }
        return liftingUnderWay(request, named).map(other -> problem("names a restriction whose lifting is under way"
                + " already, by request " + other + ": one lifting at a time")).orElse(List.of());
    }

    /** An open lifting of the same restriction, other than this very request dropped again. */
    private Optional<String> liftingUnderWay(DsrRequest request, String named) {
        return requests.open().stream().map(r -> requests.find(r.id()).orElse(null))
                .filter(other -> other != null && !other.fingerprint().equals(request.fingerprint())
                        && other.particulars().lift() != null
                        && named.equals(other.particulars().lift().restrictionRequestId()))
                .map(DsrRequest::id).findFirst();
    }

    private static List<Problem> problem(String message) {
        return List.of(new Problem(FIELD, message));
    }
}
