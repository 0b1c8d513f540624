package nl.dsrhub.result;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.dsrhub.model.Retention;
import nl.dsrhub.model.Retention.Kind;
import nl.dsrhub.model.Retention.Words;

/**
 * A recipient's retained items (kept, left unchanged, still processed) as a confirmation shows them: in {@code confirmation.json} one object per
 * item (what, the record and its date, the kind of basis and its text, until when, the scheduled erasure); in
 * {@code confirmation.html} one table per kind, so a statutory duty of ours, a recipient's own duty and data that
 * merely remain are never read as one another.
 */
final class RetentionView {

    private RetentionView() {
    }

    /** The items for {@code confirmation.json}. */
    static List<Object> json(List<Retention> items) {
        List<Object> out = new ArrayList<>();
        for (Retention r : items) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("what", words(r.what()));
            m.put("record", r.record());
            m.put("recordId", r.recordId());
            m.put("recordDate", Display.iso(r.recordDate()));
            m.put("basisKind", r.kind() == null ? null : r.kind().wire());
            // the legal basis only where there is one: data that merely remain get none, only the reason
            m.put("basis", r.law() == null ? null : r.law());
            m.put("reason", words(r.reason()));
            m.put("keptBy", r.keeper());
            m.put("term", words(r.term()));
            m.put("until", Display.iso(r.until()));
            m.put("scheduledErasure", r.erasure() == null ? null
                    : Map.of("on", Display.iso(r.erasure().on()), "by", r.erasure().by()));
            out.add(m);
        }
        return out;
    }

    /**
     * For the HTML template: {@code shopDuty}, {@code processorDuty}, {@code remains}, {@code asStated}, each null when
     * empty, else its {@code items} and {@code showErasure}: whether its table has the column of the scheduled erasure.
     *
     * @param everyErasure the column is shown for every record kept by law (an erasure's confirmation: that one is not
     *                     scheduled is said too); otherwise only when one of them is scheduled
     */
    static Map<String, Object> html(List<Retention> items, boolean everyErasure) {
        Map<String, Object> groups = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            List<Retention> ofKind = items.stream().filter(r -> r.kind() == kind).toList();
            boolean showErasure = everyErasure || ofKind.stream().anyMatch(r -> r.erasure() != null);
            groups.put(switch (kind) {
                case SHOP_LEGAL_DUTY -> "shopDuty";
                case PROCESSOR_LEGAL_DUTY -> "processorDuty";
                case NO_LEGAL_DUTY -> "remains";
                case AS_STATED -> "asStated";
            }, ofKind.isEmpty() ? null : Map.of("items", ofKind.stream().map(RetentionView::row).toList(), "showErasure", showErasure));
        }
        return groups;
    }

    private static Map<String, Object> row(Retention r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("whatNl", text(r.what(), true));
        m.put("whatEn", text(r.what(), false));
        m.put("recordId", r.recordId());
        m.put("dateNl", r.recordDate() == null ? "—" : Display.nlDate(r.recordDate()));
        m.put("dateEn", r.recordDate() == null ? "—" : Display.enDate(r.recordDate()));
        m.put("law", Display.orDash(r.law()));
        m.put("reasonNl", text(r.reason(), true));
        m.put("reasonEn", text(r.reason(), false));
        m.put("keeper", Display.orDash(r.keeper()));
        m.put("termNl", text(r.term(), true));
        m.put("termEn", text(r.term(), false));
        m.put("untilNl", r.until() == null ? "onbekend" : Display.nlDate(r.until()));
        m.put("untilEn", r.until() == null ? "unknown" : Display.enDate(r.until()));
        m.put("erasureNl", erasureNl(r));
        m.put("erasureEn", erasureEn(r));
        return m;
    }

    private static String erasureNl(Retention r) {
        if (r.erasure() == null) {
            return "niet gepland: de einddatum is niet bekend";
        }
        String on = Display.nlDate(r.erasure().on());
        return Retention.Erasure.BY_PROCESSOR_CALL.equals(r.erasure().by())
                ? on + ": wij laten de ontvanger het dan wissen"
                : on + ": onze privacycontactpersoon krijgt dan bericht om het te laten wissen";
    }

    private static String erasureEn(Retention r) {
        if (r.erasure() == null) {
            return "not scheduled: the end date is not known";
        }
        String on = Display.enDate(r.erasure().on());
        return Retention.Erasure.BY_PROCESSOR_CALL.equals(r.erasure().by())
                ? on + ": we then have the recipient erase it"
                : on + ": our privacy contact is then told to have it erased";
    }

    private static Map<String, String> words(Words w) {
        if (w == null) {
            return null;
        }
        Map<String, String> m = new LinkedHashMap<>();
        m.put("nl", w.nl());
        m.put("en", w.en());
        return m;
    }

    private static String text(Words w, boolean dutch) {
        return w == null ? "—" : Display.orDash(dutch ? w.nl() : w.en());
    }
}
