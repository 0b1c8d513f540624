package nl.dsrhub.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import nl.dsrhub.model.DsrRequest;
import nl.dsrhub.model.RequestType;
import nl.dsrhub.testing.Requests;
import org.junit.jupiter.api.Test;

/** The reason for an extension goes into the register, which outlives the person's data: one line, nothing of the person. */
class ExtensionReasonTest {

    private final DsrRequest request = Requests.of(RequestType.ERASURE, "sophie.devries@example.nl",
            Map.of("mollie.customerId", "cst_8wmqcHMN4U"));

    @Test
    void aReasonAboutTheWorkIsKeptOnOneLine() {
        assertThat(ExtensionReason.check("  two processors\r\nhave not answered\u2028yet ", request))
                .isEqualTo("two processors have not answered yet");
    }

    @Test
    void theSubjectsAddressIsRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() -> ExtensionReason.check("waiting for SOPHIE.DEVRIES@example.nl to reply", request))
                .hasMessageStartingWith("the reason holds the subject's e-mail address:")
                .hasMessageNotContaining("sophie");
    }

    @Test
    void anyEMailAddressIsRefused() {
        assertThatThrownBy(() -> ExtensionReason.check("her partner bram@example.com asked too", request))
                .hasMessageStartingWith("the reason holds an e-mail address:");
    }

    @Test
    void theSubjectsNameOrAPartOfItIsRefused() {
        // the request's subject is named "Test Persoon"
        assertThatThrownBy(() -> ExtensionReason.check("Persoon has three accounts", request))
                .hasMessageStartingWith("the reason holds the subject's name:");
        assertThatThrownBy(() -> ExtensionReason.check("the accounts of test persoon", request))
                .hasMessageStartingWith("the reason holds the subject's name:");
    }

    @Test
    void theRepresentativesNameIsRefused() {
        DsrRequest r = request;
        DsrRequest byParent = new DsrRequest(r.id(), r.type(), r.receivedAt(), r.deadline(), r.subject(), r.verification(),
                r.delivery(), r.processors(), r.reference(), r.source(), r.fingerprint(), new nl.dsrhub.model.Representative(
                "Petra Ouder", "petra.ouder@example.com", "parent", "officer@example.nl", r.receivedAt(), "birth certificate seen"));

        assertThatThrownBy(() -> ExtensionReason.check("waiting for Ouder to send the court order", byParent))
                .hasMessageStartingWith("the reason holds the representative's name:").hasMessageNotContaining("Ouder");
    }

    @Test
    void theSubjectsIdentifiersAreRefused() {
        assertThatThrownBy(() -> ExtensionReason.check("Mollie customer cst_8wmqcHMN4U has 40 payments", request))
                .hasMessageStartingWith("the reason holds the subject's identifier mollie.customerId:");
    }

    @Test
    void aReasonLongerThanTheRegisterKeepsIsRefused() {
        assertThatThrownBy(() -> ExtensionReason.check("x".repeat(ExtensionReason.MAX_LENGTH + 1), request))
                .hasMessage("the reason is 301 characters; the register keeps at most 300");
    }
}
