package nl.dsrhub;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.dsrhub.model.RequestType;
import nl.dsrhub.model.Retention.Words;
import nl.dsrhub.result.ResultWriter;
import nl.dsrhub.result.ResultWriters;
import org.junit.jupiter.api.Test;

/**
 * Adding a request type touches the request schema, the type ({@link RequestType}), its writer ({@link ResultWriter},
 * listed in META-INF/services) and the connector sections (schema and files), nothing else (README, "Adding a request
 * type"). Proved two ways: nothing outside the type's package and its writers decides by a type constant or by a type's
 * wire name, so no other class has a branch to add; and every type has what that list gives it.
 */
class RequestTypeIsOneThingTest {

    private static final JavaClasses MAIN_CODE = new ClassFileImporter()
            .importUrl(nl.dsrhub.cli.DsrHub.class.getProtectionDomain().getCodeSource().getLocation());

    private static final Set<String> CONSTANTS = Arrays.stream(RequestType.values()).map(Enum::name).collect(Collectors.toSet());

    /** Reading EXPORT or ERASURE (a comparison, a switch, an EnumMap key...): deciding by the type's name, not asking it. */
    private static final DescribedPredicate<JavaFieldAccess> A_TYPE_CONSTANT = new DescribedPredicate<>("a RequestType constant") {
        @Override
        public boolean test(JavaFieldAccess access) {
            return access.getTargetOwner().isEquivalentTo(RequestType.class) && CONSTANTS.contains(access.getName());
        }
    };

    /**
     * A line that decides by a type's wire name ({@code "erasure".equals(type)}, {@code case "export"}): a type compared
     * as text. Lines listed here use such a word for something else (none today: picocli names {@code ledger export}
     * in an annotation).
     */
    private static final List<String> NOT_A_TYPE = List.of();

    @Test
    void noProductionCodeOutsideTheTypeAndItsWritersReadsATypeConstant() {
        noClasses().that().resideOutsideOfPackages("nl.dsrhub.model..", "nl.dsrhub.demo..", "nl.dsrhub.bench..")
                .and().doNotImplement(ResultWriter.class)
                .should().accessFieldWhere(A_TYPE_CONSTANT)
                .orShould().callMethod(RequestType.class, "valueOf", String.class)
                .because("code that compares with EXPORT or ERASURE is a place a new type must be added: ask the type"
                        + " (RequestType's sections, keepsAnswers, done, words) or its ResultWriter instead")
                .check(MAIN_CODE);
    }

    @Test
    void noProductionCodeOutsideTheTypeComparesATypeByItsWireName() throws IOException {
        String names = String.join("|", RequestType.wireNames());
        Pattern comparison = Pattern.compile("\"(" + names + ")\"\\s*\\.equals|equals(IgnoreCase)?\\(\\s*\"(" + names
                + ")\"\\s*\\)|case\\s+\"(" + names + ")\"|[=!]=\\s*\"(" + names + ")\"");
        List<String> found = new ArrayList<>();
        Path root = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !root.relativize(f).startsWith(Path.of("nl/dsrhub/model"))).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    if (comparison.matcher(line).find() && !NOT_A_TYPE.contains(line)) {
                        found.add(root.relativize(file) + ":" + (i + 1) + ": " + line);
                    }
                }
            }
        }
        assertThat(found).as("comparisons with a request type's wire name outside nl.dsrhub.model").isEmpty();
    }

    @Test
    void everyTypeHasExactlyOneResultWriterThatDeclaresIt() {
        assertThat(ResultWriters.installed().missing()).isEmpty();
        for (RequestType type : RequestType.values()) {
            ResultWriter writer = ResultWriters.installed().of(type);
            assertThat(writer.type()).isEqualTo(type);
            assertThat(writer.title()).isNotBlank();
        }
    }

    @Test
    void theRequestSchemaAcceptsExactlyTheTypes() throws IOException {
        JsonNode types = schema("/schema/dsr-request.schema.json").at("/properties/type/enum");

        List<String> accepted = new ArrayList<>();
        types.forEach(t -> accepted.add(t.asText()));
        assertThat(accepted).containsExactlyInAnyOrderElementsOf(RequestType.wireNames());
    }

    @Test
    void theConnectorSchemaAcceptsEverySectionATypeRunsAsStepsUnderItsName() throws IOException {
        JsonNode properties = schema("/schema/connector.schema.json").path("properties");

        for (String section : RequestType.allSections()) {
            assertThat(properties.at("/" + section + "/items/$ref").asText()).as(section).isEqualTo("#/$defs/step");
        }
    }

    @Test
    void everyTypeNamesItselfToTheSubjectAndToProcessorsInBothLanguages() {
        for (RequestType type : RequestType.values()) {
            RequestType.RequestWords w = type.words();
            List<Words> all = List.of(w.request(), w.askedFor(), w.askedOfRecipient(), w.letterSubject(),
                    w.toProcessor().intro(), w.toProcessor().ask(), w.toProcessor().basis(), w.toProcessor().how(),
                    w.toController().intro(), w.toController().ask(), w.toController().basis(), w.toController().how());
            assertThat(all).as(type.wire()).allSatisfy(words -> {
                assertThat(words.nl()).isNotBlank();
                assertThat(words.en()).isNotBlank();
            });
            assertThat(RequestType.fromWire(type.wire())).isSameAs(type);
        }
    }

    private static JsonNode schema(String resource) throws IOException {
        try (InputStream in = RequestTypeIsOneThingTest.class.getResourceAsStream(resource)) {
            return new ObjectMapper().readTree(in);
        }
    }
}
