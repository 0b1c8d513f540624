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
import nl.dsrhub.connector.ConnectorDefinition;
import nl.dsrhub.model.DsrRequest;
import nl.dsrhub.model.Particulars.Changes;
import nl.dsrhub.text.SingleLine;

/**
 * The formal letters to a mail-only processor, Dutch then English. A letter names the controller (the shop,
 * {@link Controller}), says what is asked and on which basis, which depends on the recipient's role: a processor
 * assists the controller with the request (art. 28(3)(e) GDPR); a controller that received data from the shop is
 * notified of an erasure (art. 19) for its own art. 17 duty, or gets an access request forwarded for its own art. 15
 * duty. It carries only the identifiers the connector file declares (PostNL: the barcode alone), the processors'
 * deadline (the date the processor is asked to answer by, well before the subject's) and the correlation token.
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
    private final Controller controller;

    public Letters(String sender, Controller controller) {
        this.sender = sender;
        this.controller = controller;
    }

    /** @param answerBy the processors' deadline: the processor is asked to answer by the end of that day (Dutch time) */
    public Mail letter(Connector connector, DsrRequest request, Map<String, List<String>> identifiers, String token,
                       LocalDate answerBy) {
        Map<String, Object> scope = new LinkedHashMap<>(LetterTexts.of(isController(connector), request.type(), controller.name()));
        scope.put("controller", controllerScope());
        scope.put("identifiers", subjectLines(connector, request, identifiers));
        List<Line> corrections = corrections(connector, request);
        scope.put("corrections", corrections);
        scope.put("corrects", !corrections.isEmpty());
        scope.put("representative", representative(request));
        scope.put("answerBy", answerBy.toString());
        scope.put("token", token);
        scope.put("sender", sender);
        String what = request.type().words().letterSubject().nl() + " / " + request.type().words().letterSubject().en();
        return new Mail(what + " (AVG/GDPR) [" + token + "]", render("letter.txt.mustache", scope));
    }

    public Mail reminder(DsrRequest request, String token, LocalDate sentOn, LocalDate answerBy) {
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("sentOn", sentOn.toString());
        scope.put("token", token);
        scope.put("answerBy", answerBy.toString());
        scope.put("controller", controllerScope());
        scope.put("sender", sender);
        return new Mail("Herinnering / Reminder: AVG/GDPR [" + token + "]", render("reminder.txt.mustache", scope));
    }

    /**
     * To a processor asked by letter about a request the officer then refused (art. 12(4)): the request is withdrawn,
     * it should do nothing more, and say so if it already acted. Names nobody: the token says which request.
     */
    public Mail withdrawal(String token, LocalDate sentOn) {
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("sentOn", sentOn.toString());
        scope.put("token", token);
        scope.put("controller", controllerScope());
        scope.put("sender", sender);
        return new Mail("Ingetrokken / Withdrawn: AVG/GDPR [" + token + "]", render("withdrawal.txt.mustache", scope));
    }

    private Map<String, String> controllerScope() {
        return Map.of("name", controller.name(), "address", controller.address(), "privacyEmail", controller.privacyEmail());
    }

    /** A controller of its own data (PostNL, DHL for delivery data), rather than the shop's processor. */
    static boolean isController(Connector connector) {
        return "controller".equals(connector.facts().role());
    }

    /**
     * The lines the connector file declares for its letter, in its order, and nothing else: {@code email} and
     * {@code name} are the subject's; any other is an identifier's known values (its own ones labelled without the
     * connector's prefix, e.g. {@code barcode}). An identifier not known for this request is left out.
     */
    static List<Line> subjectLines(Connector connector, DsrRequest request, Map<String, List<String>> identifiers) {
        List<Line> lines = new ArrayList<>();
        String prefix = connector.name() + ".";
        ConnectorDefinition.Letter letter = connector.definition().letter();
        for (String id : letter == null ? List.<String>of() : letter.identifiers()) {
            switch (id) {
                case "email" -> lines.add(new Line("e-mail", request.subject().email()));
                case "name" -> {
                    if (request.subject().name() != null) {
                        lines.add(new Line("naam / name", request.subject().name()));
                    }
                }
                default -> {
                    List<String> values = identifiers.getOrDefault(id, List.of());
                    if (!values.isEmpty()) {
                        lines.add(new Line(id.startsWith(prefix) ? id.substring(prefix.length()) : id, String.join(", ", values)));
                    }
                }
            }
        }
        return lines;
    }

    /**
     * What a rectification's letter asks the processor to correct: the new values of the kinds of data it holds
     * ({@code letter.corrects}; all when the file does not say), name, e-mail address, phone and postal address, in that
     * order. Old values are not needed: the processor finds the person by the identifiers above. Empty for another type,
     * or when the request corrects nothing this processor holds (then no letter is sent: {@link MailEngine}).
     */
    static List<Line> corrections(Connector connector, DsrRequest request) {
        Changes c = request.particulars().changes();
        List<Line> lines = new ArrayList<>();
        if (c == null) {
            return lines;
        }
        ConnectorDefinition.Letter letter = connector.definition().letter();
        List<String> holds = letter == null || letter.corrects() == null ? Changes.KINDS : letter.corrects();
        for (String kind : Changes.KINDS) {
            if (holds.contains(kind) && c.changes(kind)) {
                lines.add(switch (kind) {
                    case "name" -> new Line("naam / name", c.fullName());
                    case "email" -> new Line("e-mail", c.email());
                    case "phone" -> new Line("telefoon / phone", c.phone());
                    default -> new Line("adres / address", c.address().line1() + ", " + c.address().postalCode() + " "
                            + c.address().city() + ", " + c.address().country());
                });
            }
        }
        return lines;
    }

    /**
     * On whose behalf a representative made the request: their name and capacity only (data minimisation: never their
     * address or how their authority was checked); {@code null} for a request the subject made.
     */
    static Map<String, String> representative(DsrRequest request) {
        if (!request.byRepresentative()) {
            return null;
        }
        nl.dsrhub.model.Retention.Words as = request.representative().capacityWords();
        String name = SingleLine.of(request.representative().name());
        return Map.of("nl", "Het verzoek is namens de betrokkene gedaan door " + name + ", " + as.nl() + ".",
                "en", "The request was made on behalf of the data subject by " + name + ", " + as.en() + ".");
    }

    private static String render(String template, Object scope) {
        StringWriter out = new StringWriter();
        FACTORY.compile(template).execute(out, scope);
        return out.toString();
    }
}
