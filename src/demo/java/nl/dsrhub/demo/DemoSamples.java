package nl.dsrhub.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** The sample requests of the demo, in JSON and in YAML, as a privacy officer writes them, and their drop in the inbox. */
final class DemoSamples {

    private DemoSamples() {
    }

    /** Writes each sample beside the inbox first and then moves it in, as an officer's tool should. */
    static Map<String, String> drop(Path inbox, java.util.List<String> processors) throws IllegalStateException {
        String now = timestamp(OffsetDateTime.now(ZoneId.of("Europe/Amsterdam")));
        Map<String, String> samples = new LinkedHashMap<>();
        String list = "[" + String.join(", ", processors) + "]";
        samples.put("export-jan.json", sample("export", DemoPeople.JAN, now, "DEMO-1")
                .replace("\"processors\": \"all\"", "\"processors\": " + processors.stream().map(p -> "\"" + p + "\"").toList()));
        samples.put("erasure-anna.yaml", sampleYaml("erasure", DemoPeople.ANNA, now, "DEMO-2")
                .replace("processors: all", "processors: " + list));
        samples.put("rectification-marjan.json", rectification(DemoPeople.MARJAN, now, "DEMO-5", processors));
        samples.put("objection-eva.yaml", marketingObjection(DemoPeople.EVA, now, "DEMO-6", list));
        try {
            for (Map.Entry<String, String> e : samples.entrySet()) {
                Path tmp = inbox.resolve("." + e.getKey() + ".tmp");
                Files.writeString(tmp, e.getValue());
                Files.move(tmp, inbox.resolve(e.getKey()), StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the sample requests: " + e.getMessage(), e);
        }
        return samples;
    }

    /** RFC 3339 to the second. Not toString(): it drops ":00" seconds, which the request schema rejects. */
    static String timestamp(OffsetDateTime t) {
        return java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    static String sample(String type, DemoPeople.Person p, String at, String reference) {
        return """
                {
                  "type": "%s",
                  "receivedAt": "%s",
                  "subject": { "email": "%s", "name": "%s" },
                  "verification": { "method": "known-email", "verifiedBy": "privacy@shop.example.nl", "verifiedAt": "%s" },
                  "delivery": { "email": "%s" },
                  "processors": "all",
                  "reference": "%s"
                }
                """.formatted(type, at, p.email(), p.name(), at, p.email(), reference);
    }

    /**
     * A rectification of a new address and a new e-mail address: the stronger verification a new address needs (a
     * log-in to the account, and a code mailed to the new address and returned), and only what changes.
     */
    static String rectification(DemoPeople.Person p, String at, String reference, java.util.List<String> processors) {
        return """
                {
                  "type": "rectification",
                  "receivedAt": "%s",
                  "subject": { "email": "%s", "name": "%s" },
                  "verification": { "method": "account-login", "verifiedBy": "privacy@shop.example.nl", "verifiedAt": "%s" },
                  "changes": {
                    "email": "marjan.koster@example.com",
                    "newEmailVerifiedAt": "%s",
                    "address": { "street": "Verhuisstraat", "houseNumber": "8", "postalCode": "2512 CD", "city": "Den Haag",
                      "country": "NL" }
                  },
                  "processors": %s,
                  "reference": "%s"
                }
                """.formatted(at, p.email(), p.name(), at, at, processors.stream().map(n -> "\"" + n + "\"").toList(), reference);
    }

    /** An objection to direct marketing (art. 21(2)): absolute, so it needs no grounds. */
    static String marketingObjection(DemoPeople.Person p, String at, String reference, String processors) {
        return sampleYaml("objection", p, at, reference)
                .replace("processors: all", "objection: { kind: direct-marketing }\nprocessors: " + processors);
    }

    static String sampleYaml(String type, DemoPeople.Person p, String at, String reference) {
        return """
                # a request as a privacy officer writes it: YAML works as well as JSON
                type: %s
                receivedAt: "%s"
                subject:
                  email: %s
                  name: %s
                verification:
                  method: account-login
                  verifiedBy: privacy@shop.example.nl
                  verifiedAt: "%s"
                processors: all
                reference: %s
                """.formatted(type, at, p.email(), p.name(), at, reference);
    }
}
