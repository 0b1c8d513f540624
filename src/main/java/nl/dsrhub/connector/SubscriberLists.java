package nl.dsrhub.connector;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.dsrhub.connector.ConnectorDefinition.Step;

/**
 * A connector's {@code subscribers} section: lookups run without a subject (like a check) that list the addresses
 * subscribed now, for the suppression register's re-subscription check (GDPR art. 21(3)). They are {@link Lookups}
 * like those of {@code find}, paged the same way and at the processor's pace, and must pick the addresses into
 * {@code subscriberEmails}: with {@code pickPairs} in a {@code forEach} over the lists, each address with its list.
 * Nothing is kept: the answers are read in memory and the addresses go to the caller.
 */
final class SubscriberLists {

    /** The section's name: no request type's, so the file rules and the placeholder check know it on their own. */
    static final String SECTION = "subscribers";
    /** The variable the section's steps pick the subscribed addresses into. */
    static final String EMAILS = "subscriberEmails";

    private SubscriberLists() {
    }

    /**
     * The addresses subscribed now, by list, as the connector's {@code subscribers} lookups find them; empty when it
     * has none. The steps' {@code ifSetting} is honoured.
     *
     * @throws TransientFailure when the processor could not be reached or answered 5xx/429
     * @throws PermanentFailure for any other error answer: the list is then incomplete, so nothing is returned
     */
    static List<Subscriber> read(Connector connector, ProcessorCalls.Means means) {
        Retained nothingKept = new Retained(connector, means.clock());
        RunValues values = new RunValues(connector, null, nothingKept);
        ProcessorCalls calls = new ProcessorCalls(means, connector, values, null);
        Lookups lookups = new Lookups(connector, values, calls, nothingKept, null, false);
        for (Step step : connector.definition().section(SECTION)) {
            if (step.ifSetting() == null || Boolean.parseBoolean(connector.settings().get(step.ifSetting()))) {
                lookups.run(step);
            }
        }
        List<Subscriber> out = new ArrayList<>();
        for (String value : values.values(EMAILS)) {
            // a pickPairs value: the list (the step's each), then the address; a pick value: the address alone
            String email = Tuple.part(value, "each[1]");
            out.add(email == null ? new Subscriber(null, value) : new Subscriber(Tuple.part(value, "each[0]"), email));
        }
        return out;
    }

    /** What the {@code subscribers} section must say beyond the rules of every step, each with its pointer. */
    static List<String> problems(ConnectorDefinition def) {
        List<Step> steps = def.section(SECTION);
        List<String> p = new ArrayList<>();
        if (steps.isEmpty()) {
            return p;
        }
        if (def.channel() != ConnectorDefinition.Channel.HTTP) {
            p.add("/" + SECTION + ": only an http connector can list its subscribers");
        }
        boolean picksEmails = false;
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            String here = "/" + SECTION + "/" + i;
            if (s.request() != null && !"GET".equals(String.valueOf(s.request().method()).toUpperCase(Locale.ROOT))) {
                p.add(here + "/request/method: the subscribers' lookups only read: GET");
            }
            if (s.only() != null || s.keep() != null || !s.records().isEmpty() || s.verify() != null || s.retainOn() != null
                    || s.says() != null) {
                p.add(here + ": a subscribers lookup runs for no request and keeps nothing: only, keep, records, verify,"
                        + " retainOn and says do not apply");
            }
            if (s.pickPairs().containsKey(EMAILS) && s.forEach() == null) {
                p.add(here + "/pickPairs/" + EMAILS + ": pairs each address with the step's ${each} (its list), so the"
                        + " step needs forEach");
            }
            picksEmails |= s.pick().containsKey(EMAILS) || s.pickPairs().containsKey(EMAILS);
        }
        if (!picksEmails) {
            p.add("/" + SECTION + ": a step must pick the subscribed addresses into " + EMAILS + " (pickPairs in a step"
                    + " with forEach over the lists, to name the list of each)");
        }
        return p;
    }
}
