package nl.dsrhub.result;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import nl.dsrhub.connector.ProcessorFacts;
import nl.dsrhub.model.DsrRequest;
import nl.dsrhub.model.Retention;

/** Small formatting helpers shared by the writers: ISO dates for JSON, readable NL/EN dates and words for HTML. */
final class Display {

    static final Locale NL = Locale.forLanguageTag("nl-NL");
    static final Locale EN = Locale.forLanguageTag("en-GB");
    /** Dates are shown to the subject in Dutch time. */
    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private static final DateTimeFormatter NL_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", NL);
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", EN);
    private static final ProcessorFacts.Text NOT_STATED = new ProcessorFacts.Text("niet opgegeven", "not stated");

    private Display() {
    }

    static String iso(OffsetDateTime t) {
        return t == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
    }

    static String iso(Instant t) {
        return t == null ? null : DateTimeFormatter.ISO_INSTANT.format(t);
    }

    static String iso(LocalDate d) {
        return d == null ? null : DateTimeFormatter.ISO_LOCAL_DATE.format(d);
    }

    /** The due date: the answer is due by the end of that day in Dutch time (see {@code Deadlines}). */
    static LocalDate deadline(DsrRequest r) {
        return r.dueDate();
    }

    static String nlDate(OffsetDateTime t) {
        return t == null ? "—" : NL_DATE.format(t.atZoneSameInstant(ZONE));
    }

    static String enDate(OffsetDateTime t) {
        return t == null ? "—" : EN_DATE.format(t.atZoneSameInstant(ZONE));
    }

    static String nlDate(Instant t) {
        return t == null ? "—" : NL_DATE.format(t.atZone(ZONE));
    }

    static String enDate(Instant t) {
        return t == null ? "—" : EN_DATE.format(t.atZone(ZONE));
    }

    static String nlDate(LocalDate d) {
        return d == null ? "niet opgegeven" : NL_DATE.format(d);
    }

    static String enDate(LocalDate d) {
        return d == null ? "not stated" : EN_DATE.format(d);
    }

    /** The recipients without a final outcome, by the names the subject knows them by: for an answer so far. */
    static String openNames(java.util.List<ProcessorResult> results) {
        return String.join(", ", results.stream().filter(p -> !p.isFinal()).map(p -> orDash(facts(p).legalName())).toList());
    }

    /** "Nederland (NL)" / "Netherlands (NL)" from an ISO country code; the code itself when unknown. */
    static String country(String code, Locale in) {
        if (code == null || code.isBlank()) {
            return in == NL ? "niet opgegeven" : "not stated";
        }
        String c = code.trim().toUpperCase(Locale.ROOT);
        String name = new Locale("", c).getDisplayCountry(in);
        return name.isBlank() || name.equals(c) ? c : name + " (" + c + ")";
    }

    static String roleNl(String role) {
        if (role == null) {
            return "niet opgegeven";
        }
        return switch (role.trim().toLowerCase(Locale.ROOT)) {
            case "processor" -> "verwerker (verwerkt gegevens in onze opdracht)";
            case "controller" -> "zelfstandig verwerkingsverantwoordelijke";
            default -> role;
        };
    }

    static String roleEn(String role) {
        if (role == null) {
            return "not stated";
        }
        return switch (role.trim().toLowerCase(Locale.ROOT)) {
            case "processor" -> "processor (processes data on our behalf)";
            case "controller" -> "independent controller";
            default -> role;
        };
    }

    static ProcessorFacts.Text text(ProcessorFacts.Text t) {
        if (t == null) {
            return NOT_STATED;
        }
        return new ProcessorFacts.Text(blank(t.nl()) ? NOT_STATED.nl() : t.nl(), blank(t.en()) ? NOT_STATED.en() : t.en());
    }

    /**
     * Whether a recipient's data leave the EEA (art. 15(2)): in the EEA, no; outside it, the country and the safeguard
     * its connector file states; no country stated, not stated.
     */
    static ProcessorFacts.Text transfer(ProcessorFacts f) {
        if (blank(f.country())) {
            return NOT_STATED;
        }
        if (!f.outsideEea()) {
            return new ProcessorFacts.Text("Nee: de gegevens blijven in de Europese Economische Ruimte.",
                    "No: the data stay in the European Economic Area.");
        }
        ProcessorFacts.Text safeguard = text(f.transferSafeguard());
        return new ProcessorFacts.Text("Ja. Land: " + country(f.country(), NL) + ". Waarborg: " + safeguard.nl(),
                "Yes. Country: " + country(f.country(), EN) + ". Safeguard: " + safeguard.en());
    }

    static ProcessorFacts facts(ProcessorResult p) {
        if (p.facts() != null) {
            return p.facts();
        }
        return ProcessorFacts.minimal(p.title() != null ? p.title() : p.connector());
    }

    /** A text in both languages for JSON: {@code {"nl": ..., "en": ...}}, or null when there is nothing to say. */
    static java.util.Map<String, String> words(Retention.Words w) {
        if (w == null || blank(w.nl())) {
            return null;
        }
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("nl", w.nl());
        m.put("en", w.en());
        return m;
    }

    static String orDash(String s) {
        return blank(s) ? "—" : s;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** "532 bytes", "12.3 kB", "104.9 MB" (SI units, locale-neutral). */
    static String size(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double v = bytes;
        int u = -1;
        do {
            v /= 1000;
            u++;
        } while (v >= 1000 && u < units.length - 1);
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    /** The request's id, reference and dates in both languages: the head of every page the subject gets. */
    static java.util.Map<String, Object> requestHeader(nl.dsrhub.model.DsrRequest r, java.time.Instant completedAt) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("requestId", r.id());
        m.put("reference", r.reference());
        m.put("receivedNl", Display.nlDate(r.receivedAt()));
        m.put("receivedEn", Display.enDate(r.receivedAt()));
        m.put("deadlineNl", Display.nlDate(Display.deadline(r)));
        m.put("deadlineEn", Display.enDate(Display.deadline(r)));
        m.put("completedNl", Display.nlDate(completedAt));
        m.put("completedEn", Display.enDate(completedAt));
        m.put("behalf", behalf(r));
        return m;
    }

    /**
     * For a request a representative made: on whose behalf, in which capacity, Dutch and English; {@code null} otherwise.
     * Names no one: the page goes to the representative and is kept in the outbox.
     */
    static nl.dsrhub.model.Retention.Words behalf(nl.dsrhub.model.DsrRequest r) {
        if (!r.byRepresentative()) {
            return null;
        }
        nl.dsrhub.model.Retention.Words as = r.representative().capacityWords();
        return new nl.dsrhub.model.Retention.Words("Dit verzoek is namens de betrokkene gedaan door een vertegenwoordiger: " + as.nl() + ".",
                "This request was made on behalf of the data subject by a representative: " + as.en() + ".");
    }
}
