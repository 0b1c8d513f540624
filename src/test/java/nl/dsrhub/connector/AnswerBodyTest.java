package nl.dsrhub.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A processor's answer is read to at most its limit, into a private file of the task, and removed unless kept. */
class AnswerBodyTest {

    private static final AnswerLimits ONE_KIB = new AnswerLimits("shop", 1024, Duration.ofSeconds(30));

    @TempDir
    Path folder;

    @Test
    void answerWithinTheLimitIsWrittenToAPrivateFileInTheTasksFolder() throws IOException {
        try (CallWatch watch = CallWatch.start(Duration.ofSeconds(30));
             AnswerBody body = AnswerBody.read(text("{\"id\": 1}"), ONE_KIB, watch, folder, "shop step orders")) {

            assertThat(body.size()).isEqualTo(9);
            assertThat(new String(body.open().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"id\": 1}");
            try (var files = Files.list(folder)) {
                assertThat(files.toList()).singleElement().satisfies(f -> {
                    assertThat(f.getFileName().toString()).startsWith(AnswerBody.PREFIX);
                    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
                });
            }
        }
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void answerExactlyAtTheLimitIsRead() {
        try (CallWatch watch = CallWatch.start(Duration.ofSeconds(30));
             AnswerBody body = AnswerBody.read(new ByteArrayInputStream(new byte[1024]), ONE_KIB, watch, folder, "w")) {
            assertThat(body.size()).isEqualTo(1024);
        }
    }

    @Test
    void endlessAnswerIsCutOffJustPastTheLimitAndNothingIsLeftOnDisk() {
        Endless endless = new Endless();

        try (CallWatch watch = CallWatch.start(Duration.ofSeconds(30))) {
            assertThatThrownBy(() -> AnswerBody.read(endless, ONE_KIB, watch, folder, "shop step orders"))
                    .isInstanceOf(PermanentFailure.class)
                    .hasMessage("shop step orders: answer larger than 1024 bytes, the limit (dsr.connector.shop.max-answer-bytes"
                            + " or dsr.connectors.max-answer-bytes): the call was cut off");
        }
        assertThat(endless.read).isLessThanOrEqualTo(1024 + 64 * 1024);
        assertThat(endless.closed).isTrue();
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void answerBrokenOffMidwayIsATransientFailureAndLeavesNothing() {
        InputStream broken = new InputStream() {
            private int n;

            @Override
            public int read() throws IOException {
                if (n++ > 100) {
                    throw new java.net.SocketException("Connection reset");
                }
                return 'x';
            }
        };
        try (CallWatch watch = CallWatch.start(Duration.ofSeconds(30))) {
            assertThatThrownBy(() -> AnswerBody.read(broken, ONE_KIB, watch, folder, "shop step orders"))
                    .isInstanceOf(TransientFailure.class)
                    .hasMessage("shop step orders: answer not read (SocketException)");
        }
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void withoutATaskTheAnswerIsKeptInMemoryUnderTheSameLimit() {
        try (CallWatch watch = CallWatch.start(Duration.ofSeconds(30))) {
            try (AnswerBody body = AnswerBody.read(text("{}"), ONE_KIB, watch, null, "shop step check")) {
                assertThat(body.size()).isEqualTo(2);
            }
            assertThatThrownBy(() -> AnswerBody.read(new Endless(), ONE_KIB, watch, null, "shop step check"))
                    .isInstanceOf(PermanentFailure.class);
        }
    }

    @Test
    void keptAnswerIsMovedIntoPlaceAndStaysWhenClosed() throws IOException {
        Path kept = folder.resolve("orders.json");
        try (CallWatch watch = CallWatch.start(Duration.ofSeconds(30));
             AnswerBody body = AnswerBody.read(text("[1, 2]"), ONE_KIB, watch, folder, "w")) {
            body.moveTo(kept);
        }
        assertThat(kept).hasContent("[1, 2]");
        try (var files = Files.list(folder)) {
            assertThat(files.toList()).containsExactly(kept);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kept))).isEqualTo("rw-------");
    }

    @Test
    void noBodyIsAnEmptyAnswer() {
        try (CallWatch watch = CallWatch.start(Duration.ofSeconds(30))) {
            assertThat(AnswerBody.read(null, ONE_KIB, watch, folder, "w").size()).isZero();
        }
        assertThat(folder).isEmptyDirectory();
    }

    private static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    /** An answer that never ends: counts what was read, and whether it was closed. */
    private static final class Endless extends InputStream {
        long read;
        boolean closed;

        @Override
        public int read() {
            read++;
            return 'x';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            java.util.Arrays.fill(b, off, off + len, (byte) 'x');
            read += len;
            return len;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
