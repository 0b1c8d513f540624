package nl.dsrhub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An uploaded file's name from the browser can never name a folder, a hidden file or a path elsewhere. */
class UploadsTest {

    @Test
    void onlyTheLastSegmentOfABrowsersPathIsKept() {
        assertThat(Uploads.safeName("C:\\Users\\officer\\export.csv", "file-1")).isEqualTo("export.csv");
        assertThat(Uploads.safeName("../../etc/passwd", "file-1")).isEqualTo("passwd");
    }

    @Test
    void oddCharactersAndLeadingDotsAreReplaced() {
        assertThat(Uploads.safeName("shop export (2026).csv", "file-1")).isEqualTo("shop_export__2026_.csv");
        assertThat(Uploads.safeName(".hidden", "file-1")).isEqualTo("hidden");
        assertThat(Uploads.safeName("${x};|.json", "file-1")).isEqualTo("__x___.json");
    }

    @Test
    void aNameWithNothingUsableFallsBackToTheFieldName() {
        assertThat(Uploads.safeName("..", "file-2")).isEqualTo("file-2");
        assertThat(Uploads.safeName("ëëë", "file-3")).isEqualTo("file-3");
    }

    @Test
    void aLongNameIsCutKeepingItsExtension() {
        String cut = Uploads.safeName("a".repeat(300) + ".json", "file-1");
        assertThat(cut).hasSize(100).endsWith(".json");
    }
}
