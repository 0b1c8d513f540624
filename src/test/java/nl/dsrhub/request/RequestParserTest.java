package nl.dsrhub.request;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class RequestParserTest {

    private final RequestParser parser = new RequestParser();

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void fileLargerThanTheDefaultLimitIsRejectedBeforeParsing() {
        byte[] huge = new byte[(int) RequestParser.DEFAULT_MAX_BYTES + 1];
        Arrays.fill(huge, (byte) ' ');
        huge[0] = '{';
        huge[huge.length - 1] = '}';

        RequestParser.Result r = parser.parse("huge.json", huge);

        assertThat(r.ok()).isFalse();
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEmpty();
            assertThat(p.message()).contains("too large").contains("1048577 bytes").contains("1048576");
        });
    }

    @Test
    void enormousFileIsRejectedByTheValidatorWithoutEchoingItsContent() {
        StringBuilder sb = new StringBuilder("{\"type\":\"erasure\",\"subject\":{\"email\":\"kim.degraaf@example.nl\",\"name\":\"");
        while (sb.length() < 2 * RequestParser.DEFAULT_MAX_BYTES) {
            sb.append("Kim de Graaf ");
        }
        sb.append("\"}}");

        Validation v = TestRequests.validator().validate("enormous.json", utf8(sb.toString()));

        assertThat(v.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("too large").doesNotContain("Kim", "@");
        });
    }

    @Test
    void sizeLimitIsAConstructorArgument() {
        RequestParser small = new RequestParser(10);

        assertThat(small.parse("a.json", utf8("{\"reference\":\"x\"}")).problems())
                .singleElement().extracting(Problem::message).asString().contains("the limit is 10 bytes");
        assertThat(small.parse("a.json", utf8("{}")).ok()).isTrue();
    }

    @Test
    void nestingUpToTheLimitIsAcceptedAndOneDeeperIsNot() {
        RequestParser shallow = new RequestParser(RequestParser.DEFAULT_MAX_BYTES, 3);

        assertThat(shallow.parse("ok.json", utf8("{\"a\":{\"b\":{\"c\":1}}}")).ok()).isTrue();
        assertThat(shallow.parse("deep.json", utf8("{\"a\":{\"b\":{\"c\":{\"d\":1}}}}")).problems())
                .singleElement().extracting(Problem::message).asString().contains("nested too deeply: more than 3 levels");
        assertThat(shallow.parse("deep.yaml", utf8("a:\n  b:\n    c:\n      d: 1\n")).problems())
                .singleElement().extracting(Problem::message).asString().contains("nested too deeply");
    }

    @Test
    void extensionDecidesTheFormatCaseInsensitively() {
        assertThat(parser.parse("REQUEST.JSON", utf8("{\"a\": 1}")).document().get("a").asInt()).isEqualTo(1);
        assertThat(parser.parse("request.Yml", utf8("a: 1\n")).document().get("a").asInt()).isEqualTo(1);
        assertThat(parser.parse("request.YAML", utf8("a: 1\n")).ok()).isTrue();
        assertThat(parser.parse("request.json", utf8("a: 1\n")).ok()).isFalse(); // YAML in a .json file
        assertThat(parser.parse("request.xml", utf8("{}")).problems())
                .singleElement().extracting(Problem::message).asString().contains(".json, .yaml or .yml");
    }

    @Test
    void jsonSyntaxErrorGivesLineAndColumn() {
        RequestParser.Result r = parser.parse("bad.json", utf8("{\n  \"type\": \"erasure\",\n  \"subject\": }\n"));

        assertThat(r.problems()).singleElement().extracting(Problem::message).asString()
                .startsWith("is not valid JSON").contains("line 3, column 14");
    }

    @Test
    void yamlSyntaxErrorGivesLineAndColumn() {
        RequestParser.Result r = parser.parse("bad.yaml", utf8("type: erasure\nsubject: a: b\n"));

        assertThat(r.problems()).singleElement().extracting(Problem::message).asString()
                .startsWith("is not valid YAML").contains("line 2, column 11");
    }

    @Test
    void duplicateKeyIsReportedAtItsPointer() {
        assertThat(parser.parse("d.json", utf8("{\"subject\": {\"name\": \"A\", \"name\": \"B\"}}")).problems())
                .singleElement().extracting(Problem::pointer).isEqualTo("/subject/name");
        assertThat(parser.parse("d.yaml", utf8("subject:\n  name: A\n  name: B\n")).problems())
                .singleElement().extracting(Problem::pointer).isEqualTo("/subject/name");
    }

    @Test
    void yamlAnchorsAndAliasesAreRejected() {
        assertThat(parser.parse("a.yaml", utf8("a: &x {b: 1}\nc: *x\n")).problems())
                .singleElement().extracting(Problem::message).asString().contains("anchor or alias");
    }

    @Test
    void utf8ByteOrderMarkIsAccepted() {
        byte[] body = utf8("\uFEFF{\"a\": \"b\"}");

        assertThat(parser.parse("bom.json", body).ok()).isTrue();
    }

    @Test
    void invalidUtf8IsRejectedWithItsPosition() {
        byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '(', '"', '}'};

        assertThat(parser.parse("x.json", body).problems()).singleElement().extracting(Problem::message).asString()
                .contains("not UTF-8").contains("byte 6");
    }

    @Test
    void nullContentIsAnEmptyFile() {
        assertThat(parser.parse("x.json", null).problems()).singleElement()
                .extracting(Problem::message).isEqualTo("the file is empty");
    }

    @Test
    void randomBytesNeverMakeTheParserOrValidatorThrow() {
        Random random = new Random(20260301L);
        RequestValidator validator = TestRequests.validator();
        for (int i = 0; i < 300; i++) {
            byte[] junk = new byte[random.nextInt(200)];
            random.nextBytes(junk);
            String name = i % 2 == 0 ? "junk.json" : "junk.yaml";
            assertThatCode(() -> {
                Validation v = validator.validate(name, junk);
                assertThat(v.ok()).isFalse();
            }).doesNotThrowAnyException();
        }
    }

    @Test
    void mangledButTextualRequestsNeverMakeTheValidatorThrow() {
        String good = new String(TestRequests.resource("good/erasure.json"), StandardCharsets.UTF_8);
        RequestValidator validator = TestRequests.validator();
        Random random = new Random(7L);
        for (int i = 0; i < 300; i++) {
            StringBuilder sb = new StringBuilder(good);
            int cut = random.nextInt(sb.length());
            sb.delete(cut, Math.min(sb.length(), cut + 1 + random.nextInt(20)));
            String mangled = sb.toString();
            assertThatCode(() -> validator.validate("m.json", utf8(mangled))).doesNotThrowAnyException();
            assertThatCode(() -> validator.validate("m.yaml", utf8(mangled))).doesNotThrowAnyException();
        }
    }
}
