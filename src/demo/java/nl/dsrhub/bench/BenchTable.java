package nl.dsrhub.bench;

import com.fasterxml.jackson.databind.JsonNode;

/** The bench report as a plain-text table: one line per result, with its target. */
final class BenchTable {

    private BenchTable() {
    }

    static String render(JsonNode r) {
        JsonNode f = r.path("fanOut");
        JsonNode b = r.path("bulk");
        JsonNode e = r.path("export");
        JsonNode o = r.path("overhead");
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("machine: %d cores, Java %s, %s%n", r.path("machine").path("cores").asInt(),
                r.path("machine").path("java").asText(), r.path("machine").path("os").asText()));
        sb.append(String.format("%-44s %-34s %s%n", "result", "measured", "target"));
        if (f.isMissingNode()) {
            row(sb, "1. fan-out", "not run (--only)", "");
        } else {
            row(sb, "1. fan-out, 10 connectors, L=" + f.path("latencyMs").asInt() + " ms: wall/L",
                    f.path("parallelRatio").asText() + " (" + f.path("parallelMs").asText() + " ms)",
                    "<= 1.3 " + met(f));
            if (f.has("firstRequestMs")) {
                row(sb, "   first request of a fresh hub (cold JVM)",
                        f.path("firstRequestRatio").asText() + " (" + f.path("firstRequestMs").asText() + " ms)", "");
            }
            row(sb, "   same 10 one after another: wall/L",
                    f.path("sequentialRatio").asText() + " (" + f.path("sequentialMs").asText() + " ms)", "");
        }
        if (b.isMissingNode()) {
            row(sb, "2. bulk", "not run (--only)", "");
        } else {
            row(sb, "2. bulk, " + r.path("options").path("requests").asInt() + " erasures, time /"
                            + Bench.fmt(b.path("scale").asDouble()) + ": wall/bound",
                    b.path("ratio").asText() + " (" + b.path("wallSeconds").asText() + " s / "
                            + b.path("lowerBoundSeconds").asText() + " s, " + b.path("binding").asText() + " binds)",
                    "<= 1.15 " + met(b));
            row(sb, "   429 answers received", b.path("429s").asText(), "0");
        }
        if (e.isMissingNode()) {
            row(sb, "3. export", "not run (--only)", "");
        } else {
            row(sb, "3. export, " + e.path("orders").asInt() + " orders, -Xmx" + e.path("maxHeap").asText(),
                    "completed in " + e.path("wallSeconds").asText() + " s", "completes");
            row(sb, "   peak heap used / after GC",
                    e.path("peakHeapMB").asText() + " MB / " + e.path("peakHeapAfterGcMB").asText() + " MB", "");
            row(sb, "   throughput / JSON received / bundle",
                    e.path("mbPerSecond").asText() + " MB/s / " + e.path("jsonReceivedMB").asText() + " MB / "
                            + e.path("bundleMB").asText() + " MB", "");
        }
        if (o.has("cpuMsPerTask")) {
            row(sb, "4. hub CPU per task (bulk run)", o.path("cpuMsPerTask").asText() + " ms ("
                    + o.path("bulkTasks").asText() + " tasks)", "");
        } else {
            row(sb, "4. hub CPU per task", "not run (needs the bulk run)", "");
        }
        if (o.has("startupMs")) {
            row(sb, "   start-up: JVM launch -> /observe/health 200", o.path("startupMs").asText() + " ms (routes up at "
                    + o.path("startupToRoutesUpMs").asText() + " ms)", "");
        } else {
            row(sb, "   start-up to healthy", "not run (needs the bulk or export run)", "");
        }
        return sb.toString();
    }

    private static String met(JsonNode n) {
        return n.path("met").asBoolean() ? "met" : "NOT met";
    }

    private static void row(StringBuilder sb, String a, String b, String c) {
        sb.append(String.format("%-44s %-34s %s%n", a, b, c));
    }
}
