package nl.dsrhub.mail;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheFactory;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.dsrhub.connector.Connector;
import nl.dsrhub.request.DsrRequest;
import nl.dsrhub.request.RequestType;
import nl.dsrhub.text.SingleLine;

/**
 * The formal letters to a mail-only processor, Dutch then English: what is asked, about whom (only the
 * identifiers that processor needs: the e-mail address and name it knows the person by, and the ids
 * kept for it, such as a parcel barcode), the legal basis, the deadline, and the correlation token.
 */
public final class Letters {

    /** A rendered mail. */
    public record Mail(String subject, String text) {
    }

    /**
     * One line about the subject on the letter. Its label and value are made one line here, whatever they
     * hold: a request stored before the schema refused line breaks, or an identifier a processor provided,
     * must not add lines to the letter.
     */
    public record Line(String label, String value) {
        public Line {
            label = SingleLine.of(label);
            value = SingleLine.of(value);
        }
    }

    private static final MustacheFactory FACTORY = new DefaultMustacheFactory("templates/mail");

    private final String sender;

    public Letters(String sender) {
        this.sender = sender;
    }

    public Mail letter(Connector connector, DsrRequest request, Map<String, List<String>> identifiers, String token) {
        boolean erasure = request.type() == RequestType.ERASURE;
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("role", bi(connector.facts().role() != null && connector.facts().role().equals("controller")
                ? "(mede)verwerkingsverantwoordelijke voor bezorg- en betaalgegevens" : "verwerker",
                connector.facts().role() != null && connector.facts().role().equals("controller")
                        ? "a (joint) controller of delivery and payment data" : "a processor"));
        scope.put("ask", erasure
                ? bi("wissen van alle persoonsgegevens van de betrokkene (art. 17 AVG)",
                        "erasure of all personal data of the data subject (Art. 17 GDPR)")
                : bi("inzage in en een kopie van alle persoonsgegevens van de betrokkene (art. 15 en 20 AVG)",
                        "access to and a copy of all personal data of the data subject (Art. 15 and 20 GDPR)"));
        scope.put("basis", erasure
                ? bi("art. 17 en art. 28 lid 3 sub e AVG; meldplicht art. 19 AVG", "Art. 17 and Art. 28(3)(e) GDPR; notification Art. 19 GDPR")
                : bi("art. 15, 20 en art. 28 lid 3 sub e AVG", "Art. 15, 20 and Art. 28(3)(e) GDPR"));
        scope.put("how", erasure
                ? bi("Bevestig na het wissen per e-mail dat de gegevens zijn verwijderd, of dat u geen gegevens heeft; "
                        + "noem wat u op grond van een wettelijke plicht moet bewaren, met de rechtsgrond en tot wanneer.",
                        "After erasing, please confirm by e-mail that the data have been erased, or that you hold no data; "
                        + "name anything you must keep by law, with its legal basis and until when.")
                : bi("Stuur de gegevens als bijlage (bij voorkeur JSON of CSV), of laat weten dat u geen gegevens heeft.",
                        "Please send the data as attachments (JSON or CSV preferred), or tell us that you hold no data."));
        scope.put("identifiers", subjectLines(connector, request, identifiers));
        scope.put("deadline", deadline(request));
        scope.put("token", token);
        scope.put("sender", sender);
        String what = erasure ? "Verzoek tot wissen / Erasure request" : "Verzoek om inzage / Access request";
        return new Mail(what + " (AVG/GDPR) [" + token + "]", render("letter.txt.mustache", scope));
    }

    public Mail reminder(DsrRequest request, String token, LocalDate sentOn) {
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("sentOn", sentOn.toString());
        scope.put("token", token);
        scope.put("deadline", deadline(request));
        scope.put("sender", sender);
        return new Mail("Herinnering / Reminder: AVG/GDPR [" + token + "]", render("reminder.txt.mustache", scope));
    }

    /** E-mail and name, plus the ids kept for this processor ({@code <connector>.<id>}), nothing of others. */
    static List<Line> subjectLines(Connector connector, DsrRequest request, Map<String, List<String>> identifiers) {
        List<Line> lines = new ArrayList<>();
        if (request.subject().name() != null) {
            lines.add(new Line("naam / name", request.subject().name()));
        }
        lines.add(new Line("e-mail", request.subject().email()));
        String prefix = connector.name() + ".";
        List<String> needs = connector.definition().needs().anyOf();
        identifiers.forEach((name, values) -> {
            if (name.startsWith(prefix) || needs.contains(name)) {
                lines.add(new Line(name.startsWith(prefix) ? name.substring(prefix.length()) : name, String.join(", ", values)));
            }
        });
        return lines;
    }

    private static String deadline(DsrRequest request) {
        return request.deadline().toLocalDate().toString();
    }

    private static Map<String, String> bi(String nl, String en) {
        return Map.of("nl", nl, "en", en);
    }

    private static String render(String template, Object scope) {
        StringWriter out = new StringWriter();
        FACTORY.compile(template).execute(out, scope);
        return out.toString();
    }
}
