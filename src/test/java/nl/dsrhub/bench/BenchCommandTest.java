package nl.dsrhub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.dsrhub.cli.DsrHub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench --quick} works end to end: all three runs finish (two of them in child JVMs), the table is
 * printed, and the JSON holds the four results. Deliberately no assertion on the figures themselves:
 * timings belong in the benchmark, not in the build.
 */
class BenchCommandTest {

    @TempDir
    Path dir;

    @Test
    void quickBenchReportsTheFourResultsAsTableAndJson() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path json = dir.resolve("result.json");

        int code = new DsrHub(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .execute(new String[] {"bench", "--quick", "--requests", "10", "--orders", "500", "--out", json.toString(),
                        "--keep", dir.resolve("work").toString()});

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String table = out.toString(StandardCharsets.UTF_8);
        assertThat(table).contains("1. fan-out", "2. bulk", "3. export", "4. hub CPU per task", "JSON: ");

        JsonNode r = new ObjectMapper().readTree(Files.readString(json));
        JsonNode fanOut = r.path("fanOut");
        assertThat(fanOut.path("connectors")).hasSize(10);
        assertThat(fanOut.path("parallelRatio").asDouble()).isPositive();
        assertThat(fanOut.path("sequentialRatio").asDouble()).isPositive();

        JsonNode bulk = r.path("bulk");
        assertThat(bulk.path("processors").size()).isEqualTo(7);
        assertThat(bulk.path("processors").path("moneybird").path("calls").asLong()).isPositive();
        assertThat(bulk.path("binding").asText()).isNotEmpty();
        assertThat(bulk.has("429s")).isTrue();
        assertThat(bulk.path("ratio").asDouble()).isPositive();

        JsonNode export = r.path("export");
        assertThat(export.path("completed").asBoolean()).isTrue();
        assertThat(export.path("peakHeapMB").asDouble()).isPositive();
        assertThat(export.path("bundleBytes").asLong()).isPositive();
        assertThat(Path.of(export.path("bundle").asText())).exists();

        JsonNode overhead = r.path("overhead");
        assertThat(overhead.path("cpuMsPerTask").asDouble()).isPositive();
        assertThat(overhead.path("bulkTasks").asLong()).isEqualTo(10 * 7);
        assertThat(overhead.path("startupMs").asLong()).isPositive();
    }

    @Test
    void badOptionIsNamed() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new DsrHub(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8))
                .execute(new String[] {"bench", "--requests", "many"});
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--requests");
    }

    @Test
    void scaledConnectorWindowsAreDividedByTheScale() {
        assertThat(BenchConnectors.scaleWindows("requests: { count: 150, per: 5m }", 60))
                .isEqualTo("requests: { count: 150, per: 5.000s }");
        assertThat(BenchConnectors.scaleWindows("writes: { count: 100, per: 1m }", 300))
                .isEqualTo("writes: { count: 100, per: 0.200s }");
    }
}
