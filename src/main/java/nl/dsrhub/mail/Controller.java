package nl.dsrhub.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import nl.dsrhub.text.SingleLine;

/**
 * The shop: the controller (GDPR art. 4(7)) for whom the hub answers, as every letter to a processor names it. One
 * place, the settings {@code dsr.controller.name}, {@code .address} and {@code .privacy-email}. Each is made one line:
 * a setting cannot add lines to a letter.
 */
public record Controller(String name, String address, String privacyEmail) {

    public Controller {
        name = SingleLine.of(name == null ? "" : name.strip());
        address = SingleLine.of(address == null ? "" : address.strip());
        privacyEmail = SingleLine.of(privacyEmail == null ? "" : privacyEmail.strip());
    }

    public static Controller from(Function<String, Optional<String>> settings) {
        return new Controller(settings.apply("dsr.controller.name").orElse(""),
                settings.apply("dsr.controller.address").orElse(""),
                settings.apply("dsr.controller.privacy-email").orElse(""));
    }

    /** The settings a letter cannot go without, by name: empty when the controller is named in full. */
    public List<String> missing() {
        List<String> out = new ArrayList<>();
        if (name.isEmpty()) {
            out.add("dsr.controller.name");
        }
        if (address.isEmpty()) {
            out.add("dsr.controller.address");
        }
        if (privacyEmail.isEmpty()) {
            out.add("dsr.controller.privacy-email");
        }
        return out;
    }
}
