package nl.dsrhub.request;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static nl.dsrhub.request.TestRequests.resource;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every file in {@code requests/bad/} is a hostile or wrong request; {@code expected.properties} names,
 * per file, the JSON pointer and a fragment of the message it must be rejected with.
 */
class BadRequestCorpusTest {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+()-]+(?:@|\\(at\\))[A-Za-z0-9.-]+\\.[a-z]{2,}");
    private static final Pattern NAME = Pattern.compile("\"?name\"?\\s*:\\s*\"?([^\"\\n,}]+)");

    private final RequestValidator validator = TestRequests.validator();

    static Properties expected() throws IOException {
        Properties props = new Properties();
        try (Reader in = new InputStreamReader(BadRequestCorpusTest.class.getResourceAsStream("/requests/bad/expected.properties"),
                StandardCharsets.UTF_8)) {
            props.load(in);
        }
        return props;
    }

    static Stream<Arguments> badFiles() throws IOException {
        Properties props = expected();
        return new TreeSet<>(props.stringPropertyNames()).stream().map(file -> {
            String[] parts = props.getProperty(file).split("\\|", 2);
            return Arguments.of(file, parts[0].trim(), parts[1].trim());
        });
    }

    @ParameterizedTest(name = "{0} is rejected at \"{1}\": {2}")
    @MethodSource("badFiles")
    void badFileIsRejectedWithTheExpectedProblem(String file, String pointer, String fragment) {
        byte[] content = resource("bad/" + file);

        Validation v = validator.validate(file, content);

        assertThat(v.ok()).as("%s must be rejected", file).isFalse();
        assertThat(v.request()).isNull();
        assertThat(v.problems())
                .as("problems of %s", file)
                .anySatisfy(p -> {
                    assertThat(p.pointer()).isEqualTo(pointer);
                    assertThat(p.message()).contains(fragment);
                });
    }

    @ParameterizedTest(name = "{0} reveals no personal data")
    @MethodSource("badFiles")
    void problemsOfABadFileNeverEchoAddressesOrNames(String file, String pointer, String fragment) {
        byte[] content = resource("bad/" + file);
        Set<String> personal = personalData(content);

        Validation v = validator.validate(file, content);
        String report = ErrorReport.toJson(v, TestRequests.NOW);

        for (Problem p : v.problems()) {
            assertThat(p.message()).doesNotContain("@");
        }
        for (String value : personal) {
            assertThat(report).as("report of %s", file).doesNotContain(value);
        }
    }

    @ParameterizedTest(name = "{0}: every problem is one line")
    @MethodSource("badFiles")
    void everyProblemOfABadFileIsOneLineOfText(String file, String pointer, String fragment) {
        Validation v = validator.validate(file, resource("bad/" + file));

        // the officer reads them line by line in a mailed answer and on the command line
        assertThat(v.problems()).extracting(ErrorReport::describe).allSatisfy(line -> assertThat(line)
                .isEqualTo(nl.dsrhub.text.SingleLine.of(line)));
    }

    @Test
    void corpusHasAtLeastFortyCasesAndEveryFileIsListed() throws IOException, URISyntaxException {
        Path dir = Path.of(BadRequestCorpusTest.class.getResource("/requests/bad/expected.properties").toURI()).getParent();
        Set<String> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.map(f -> f.getFileName().toString()).filter(n -> !n.equals("expected.properties"))
                    .collect(Collectors.toSet());
        }

        assertThat(files).hasSizeGreaterThanOrEqualTo(40);
        assertThat(expected().stringPropertyNames()).containsExactlyInAnyOrderElementsOf(files);
    }

    /** E-mail addresses anywhere in the file and the values of name fields (JSON or YAML). */
    private static Set<String> personalData(byte[] content) {
        String text = new String(content, StandardCharsets.ISO_8859_1).replace("\u0000", "");
        Set<String> found = new HashSet<>();
        Matcher m = EMAIL.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        Matcher n = NAME.matcher(text);
        while (n.find()) {
            String name = n.group(1).trim();
            if (name.length() > 2) {
                found.add(name);
                found.addAll(Set.of(name.split("\\s+")).stream().filter(w -> w.length() > 3).toList());
            }
        }
        return found;
    }
}
