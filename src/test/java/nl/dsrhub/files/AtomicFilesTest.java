package nl.dsrhub.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void twoWritersOfOneFileAtOnceBothSucceedAndLeaveOneWholeVersion() throws Exception {
        Path target = dir.resolve("refusal-letter.html");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Path>> writes = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String version = ("version " + i + "\n").repeat(2_000);
                Callable<Path> write = () -> AtomicFiles.write(target, out -> out.write(version.getBytes(StandardCharsets.UTF_8)));
                writes.add(pool.submit(write));
            }
            for (Future<Path> w : writes) {
                assertThat(w.get()).isEqualTo(target);
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> lines = Files.readAllLines(target);
        assertThat(lines).hasSize(2_000).containsOnly(lines.get(0));
        try (var left = Files.list(dir)) {
            assertThat(left).containsExactly(target);
        }
    }

    @Test
    void aWriteThatFailsLeavesTheTargetAsItWasAndNoTempFile() throws Exception {
        Path target = dir.resolve("confirmation.json");
        AtomicFiles.write(target, out -> out.write("{}".getBytes(StandardCharsets.UTF_8)));
        try {
            AtomicFiles.write(target, out -> {
                out.write("{\"half".getBytes(StandardCharsets.UTF_8));
                throw new java.io.IOException("disk full");
            });
        } catch (java.io.IOException expected) {
            assertThat(expected).hasMessage("disk full");
        }
        assertThat(target).hasContent("{}");
        try (var left = Files.list(dir)) {
            assertThat(left).containsExactly(target);
        }
    }
}
