package nl.dsrhub.result;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import nl.dsrhub.connector.ProcessorFacts;
import nl.dsrhub.files.AtomicFiles;
import nl.dsrhub.model.DsrRequest;
import nl.dsrhub.model.RequestType;

/**
 * Writes the portability bundle of an export request (GDPR art. 15/20): a zip with
 * <ul>
 *   <li>{@code <connector>/...}: every file of each processor's {@code dataDir}, byte for byte as received,
 *       plus {@code <name>.csv} beside each JSON file that holds records (a list, a list in an envelope, one
 *       record: see {@link JsonTableCsv});</li>
 *   <li>{@code index.html}: a bilingual (NL/EN) summary with the art. 15 facts per processor and the
 *       subject's rights, including the right to complain to the Autoriteit Persoonsgegevens;</li>
 *   <li>{@code manifest.json} (last entry): request, processors with outcome, and every other entry
 *       with its size and SHA-256.</li>
 * </ul>
 * Everything is streamed (files of 100 MB+ are never held in memory) and the zip is written under a
 * temporary name and moved into place atomically: a crash never leaves a half bundle under the final name.
 */
public class BundleWriter implements ResultWriter {

    /** The bundle's file in the outbox folder. */
    public static final String FILE_NAME = "bundle.zip";
    public static final String INDEX = "index.html";
    public static final String MANIFEST = "manifest.json";
    static final String TEMPLATE = "bundle-index.html.mustache";

    private static final Pattern SAFE_CONNECTOR = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final int BUFFER = 64 * 1024;

    /** One zip entry as the manifest lists it. */
    record FileEntry(String path, long bytes, String sha256) {
    }

    @FunctionalInterface
    private interface EntryBody {
        void writeTo(OutputStream out) throws IOException;
    }

    @Override
    public RequestType type() {
        return RequestType.EXPORT;
    }

    @Override
    public List<Path> writeInto(DsrRequest r, List<ProcessorResult> results, Instant completedAt, Path dir) throws IOException {
        return List.of(write(r, results, completedAt, main(dir)));
    }

    @Override
    public Path main(Path dir) {
        return dir.resolve(FILE_NAME);
    }

    @Override
    public String title() {
        return "bundle";
    }

    /** The person's data: mailed encrypted, the passphrase apart. */
    @Override
    public boolean holdsPersonalData() {
        return true;
    }

    @Override
    public List<Path> attachments(Path dir) {
        return List.of(main(dir));
    }

    @Override
    public SubjectMails.Mail mail(boolean notAllDone) {
        return SubjectMails.bundle();
    }

    /**
     * Writes the bundle to {@code bundleZip} and returns that path.
     *
     * @throws IOException              when a processor's data folder or a file in it cannot be read; no
     *                                  bundle is left under {@code bundleZip} (an older one stays untouched)
     * @throws IllegalArgumentException for an erasure request, a request without id, or a connector name
     *                                  that is not a safe folder name, or the same connector twice
     */
    public Path write(DsrRequest r, List<ProcessorResult> results, Instant completedAt, Path bundleZip) throws IOException {
        Objects.requireNonNull(r, "request");
        Objects.requireNonNull(r.id(), "request id");
        Objects.requireNonNull(completedAt, "completedAt");
        if (r.type() != type()) {
            throw new IllegalArgumentException("a bundle is made for an " + type().wire() + " request, not " + r.type().wire());
        }
        Set<String> seen = new HashSet<>();
        for (ProcessorResult p : results) {
            if (p.connector() == null || !SAFE_CONNECTOR.matcher(p.connector()).matches()
                    || p.connector().equals(INDEX) || p.connector().equals(MANIFEST)) {
                throw new IllegalArgumentException("connector name unfit as a folder name: " + p.connector());
            }
            if (!seen.add(p.connector())) {
                throw new IllegalArgumentException("connector listed twice: " + p.connector());
            }
        }
        return AtomicFiles.write(bundleZip, out -> writeZip(r, results, completedAt, out));
    }

    private void writeZip(DsrRequest r, List<ProcessorResult> results, Instant completedAt, OutputStream out)
            throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        long time = completedAt.toEpochMilli();
        List<List<FileEntry>> filesPerProcessor = new ArrayList<>();
        for (ProcessorResult p : results) {
            List<FileEntry> files = new ArrayList<>();
            if (p.dataDir() != null) {
                copyDataDir(zip, time, p, files);
            }
            filesPerProcessor.add(files);
        }

        Map<String, Object> indexModel = indexModel(r, results, filesPerProcessor, completedAt);
        FileEntry index = entry(zip, INDEX, time, os -> {
            Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
            Templates.render(TEMPLATE, indexModel, w);
        });

        Map<String, Object> manifest = manifest(r, results, filesPerProcessor, index, completedAt);
        entry(zip, MANIFEST, time, os -> Json.write(manifest, os));
        zip.finish();
    }

    private void copyDataDir(ZipOutputStream zip, long time, ProcessorResult p, List<FileEntry> files) throws IOException {
        Path dir = p.dataDir();
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString(), null,
                    "data folder of connector " + p.connector() + " is missing");
        }
        List<String> relative;
        try (Stream<Path> walk = Files.walk(dir)) {
            relative = walk.filter(Files::isRegularFile)
                    .map(f -> dir.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/"))
                    .sorted()
                    .toList();
        }
        Set<String> taken = new HashSet<>(relative);
        for (String rel : relative) {
            Path file = dir.resolve(rel);
            files.add(entry(zip, p.connector() + "/" + rel, time, os -> copy(file, os)));
            if (rel.toLowerCase(Locale.ROOT).endsWith(".json")) {
                Optional<JsonTableCsv.Table> table = JsonTableCsv.table(file);
                if (table.isPresent()) {
                    String csv = rel.substring(0, rel.length() - ".json".length()) + ".csv";
                    if (!taken.add(csv)) {
                        csv = rel + ".csv";
                        taken.add(csv);
                    }
                    files.add(entry(zip, p.connector() + "/" + csv, time,
                            os -> JsonTableCsv.write(file, table.get(), os)));
                }
            }
        }
    }

    private static void copy(Path file, OutputStream out) throws IOException {
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
            }
        }
    }

    private static FileEntry entry(ZipOutputStream zip, String name, long time, EntryBody body) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(time);
        zip.putNextEntry(e);
        HashingOutputStream hashing = new HashingOutputStream(zip);
        body.writeTo(hashing);
        hashing.flush();
        zip.closeEntry();
        return new FileEntry(name, hashing.count(), hashing.sha256Hex());
    }

    private static Map<String, Object> manifest(DsrRequest r, List<ProcessorResult> results,
            List<List<FileEntry>> files, FileEntry index, Instant completedAt) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requestId", r.id());
        m.put("type", r.type().wire());
        m.put("reference", r.reference());
        m.put("receivedAt", Display.iso(r.receivedAt()));
        m.put("deadline", Display.iso(Display.deadline(r)));
        m.put("completedAt", Display.iso(completedAt));
        // an interim answer (art. 12(3)): not every processor has answered; a complete bundle follows
        m.put("complete", results.stream().allMatch(ProcessorResult::isFinal));
        m.put("awaiting", results.stream().filter(p -> !p.isFinal()).map(ProcessorResult::connector).toList());
        List<Object> processors = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            ProcessorResult p = results.get(i);
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("connector", p.connector());
            pm.put("title", p.title());
            pm.put("legalName", Display.facts(p).legalName());
            pm.put("outcome", p.outcomeName());
            // for the subject: what happened there in plain words; detail: the same for the officer, technical
            pm.put("summary", Display.words(p.summary()));
            pm.put("detail", p.detail());
            pm.put("files", files.get(i).stream().map(BundleWriter::fileJson).toList());
            processors.add(pm);
        }
        m.put("processors", processors);
        m.put("files", List.of(fileJson(index)));
        return m;
    }

    private static Map<String, Object> fileJson(FileEntry f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", f.path());
        m.put("bytes", f.bytes());
        m.put("sha256", f.sha256());
        return m;
    }

    private static Map<String, Object> indexModel(DsrRequest r, List<ProcessorResult> results,
            List<List<FileEntry>> files, Instant completedAt) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.putAll(Display.requestHeader(r, completedAt));
        m.put("allFinal", results.stream().allMatch(ProcessorResult::isFinal));
        m.put("openNames", Display.openNames(results));
        List<Object> processors = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            ProcessorResult p = results.get(i);
            ProcessorFacts f = Display.facts(p);
            OutcomeText o = OutcomeText.of(r.type(), p.outcome());
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("connector", p.connector());
            pm.put("title", Display.orDash(p.title()));
            pm.put("legalName", Display.orDash(f.legalName()));
            pm.put("countryNl", Display.country(f.country(), Display.NL));
            pm.put("countryEn", Display.country(f.country(), Display.EN));
            pm.put("roleNl", Display.roleNl(f.role()));
            pm.put("roleEn", Display.roleEn(f.role()));
            pm.put("purposes", Display.text(f.purposes()));
            pm.put("categories", Display.text(f.dataCategories()));
            pm.put("retention", Display.text(f.retention()));
            pm.put("source", Display.text(f.source()));
            pm.put("privacyContact", f.privacyContact());
            pm.put("outcome", o);
            pm.put("summary", p.summary().nl().isEmpty() ? null : p.summary());
            // art. 15(1)(h) and 15(2): automated decisions or profiling, and a transfer outside the EEA with its safeguard
            pm.put("automatedDecisions", Display.text(f.automatedDecisions()));
            pm.put("transfer", Display.transfer(f));
            pm.put("fields", f.fields());
            pm.put("hasFields", !f.fields().isEmpty());
            List<Object> fl = new ArrayList<>();
            for (FileEntry e : files.get(i)) {
                fl.add(Map.of("path", e.path(), "href", href(e.path()), "size", Display.size(e.bytes())));
            }
            pm.put("files", fl);
            pm.put("hasFiles", !fl.isEmpty());
            processors.add(pm);
        }
        m.put("processors", processors);
        return m;
    }

    /** A relative link to a zip entry: every path segment percent-encoded (UTF-8), slashes kept. */
    static String href(String path) {
        StringBuilder sb = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return sb.toString();
    }
}
