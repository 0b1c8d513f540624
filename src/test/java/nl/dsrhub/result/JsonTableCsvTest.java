package nl.dsrhub.result;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonTableCsvTest {

    @TempDir
    Path tmp;

    private Path json(String content) throws Exception {
        return Files.writeString(tmp.resolve("t.json"), content, UTF_8);
    }

    private String csv(Path json) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonTableCsv.write(json, JsonTableCsv.columns(json).orElseThrow(), out);
        return out.toString(UTF_8);
    }

    @Test
    void columnsAreTheUnionOfKeysInFirstSeenOrder() throws Exception {
        assertThat(JsonTableCsv.columns(json("[{\"b\":1,\"a\":2},{\"c\":3,\"a\":4},{}]")))
                .contains(List.of("b", "a", "c"));
    }

    @Test
    void everyTextCellThatStartsLikeAFormulaIsNeutralisedAndNumbersKeepTheirExactText() throws Exception {
        String csv = csv(json("""
                [ { "a": "=HYPERLINK(\\"http://evil.example.com\\")", "b": "+1", "c": "-2+3", "d": "@SUM(A1)",
                    "e": "\\tTAB", "f": "\\rCR", "amount": -12.5, "note": "a, b" } ]"""));

        assertThat(csv).isEqualTo("a,b,c,d,e,f,amount,note\r\n"
                + "\"'=HYPERLINK(\"\"http://evil.example.com\"\")\",'+1,'-2+3,'@SUM(A1),'\tTAB,\"'\rCR\",-12.5,\"a, b\"\r\n");
    }

    @Test
    void aColumnNameThatStartsLikeAFormulaIsNeutralisedToo() throws Exception {
        assertThat(csv(json("[{\"=cmd|' /C calc'!A0\": 1}]"))).startsWith("'=cmd|' /C calc'!A0\r\n");
    }

    @Test
    void scalarsAsTextNullAsEmptyNestedAsCompactJsonWithNumbersExact() throws Exception {
        String csv = csv(json("""
                [ { "n": 1.50, "t": true, "z": null, "s": "Ĳsselmeer", "o": { "a" : [ 1.0, "x" ] } } ]"""));

        assertThat(csv).isEqualTo("n,t,z,s,o\r\n1.50,true,,Ĳsselmeer,\"{\"\"a\"\":[1.0,\"\"x\"\"]}\"\r\n");
    }

    @Test
    void missingKeysGiveEmptyFields() throws Exception {
        assertThat(csv(json("[{\"a\":1},{\"b\":2}]"))).isEqualTo("a,b\r\n1,\r\n,2\r\n");
    }

    @Test
    void noTableForAnythingButANonEmptyArrayOfObjects() throws Exception {
        assertThat(JsonTableCsv.columns(json("{\"a\":1}"))).isEmpty();
        assertThat(JsonTableCsv.columns(json("[1,2]"))).isEmpty();
        assertThat(JsonTableCsv.columns(json("[{\"a\":1},2]"))).isEmpty();
        assertThat(JsonTableCsv.columns(json("[]"))).isEmpty();
        assertThat(JsonTableCsv.columns(json("[{\"a\":1}"))).isEmpty();
        assertThat(JsonTableCsv.columns(json("[{\"a\":1}] trailing"))).isEmpty();
    }
}
