package nl.dsrhub.request;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SafeFileNameTest {

    @Test
    void directoriesAreStripped() {
        assertThat(RequestValidator.safeFileName("../../etc/passwd.json")).isEqualTo("passwd.json");
        assertThat(RequestValidator.safeFileName("/var/dsr/inbox/req-1.yaml")).isEqualTo("req-1.yaml");
        assertThat(RequestValidator.safeFileName("..\\..\\windows\\req.json")).isEqualTo("req.json");
    }

    @Test
    void controlAndInvisibleFormattingCharactersAreStripped() {
        assertThat(RequestValidator.safeFileName("req\n\u0000\u001b[31m.json")).isEqualTo("req[31m.json");
        assertThat(RequestValidator.safeFileName("invoice\u202Enosj.exe")).isEqualTo("invoicenosj.exe");
    }

    @Test
    void leadingDotsAndDriveColonsAreStripped() {
        assertThat(RequestValidator.safeFileName("..")).isEqualTo("unnamed");
        assertThat(RequestValidator.safeFileName(".hidden.json")).isEqualTo("hidden.json");
        assertThat(RequestValidator.safeFileName("C:req.json")).isEqualTo("Creq.json");
    }

    @Test
    void nothingLeftBecomesUnnamed() {
        assertThat(RequestValidator.safeFileName(null)).isEqualTo("unnamed");
        assertThat(RequestValidator.safeFileName("")).isEqualTo("unnamed");
        assertThat(RequestValidator.safeFileName("dir/")).isEqualTo("unnamed");
        assertThat(RequestValidator.safeFileName("\u0007\u0008")).isEqualTo("unnamed");
    }

    @Test
    void longNamesAreCutKeepingTheExtension() {
        String name = RequestValidator.safeFileName("a".repeat(500) + ".yaml");

        assertThat(name).hasSize(200).endsWith(".yaml");
    }

    @Test
    void ordinaryNamesAreUnchanged() {
        assertThat(RequestValidator.safeFileName("vergeetverzoek 2026-01 (Jan).json")).isEqualTo("vergeetverzoek 2026-01 (Jan).json");
    }
}
