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
        JsonTableCsv.write(json, JsonTableCsv.table(json).orElseThrow(), out);
        return out.toString(UTF_8);
    }

    @Test
    void columnsAreTheUnionOfKeysInFirstSeenOrder() throws Exception {
        assertThat(JsonTableCsv.table(json("[{\"b\":1,\"a\":2},{\"c\":3,\"a\":4},{}]")).orElseThrow().columns())
                .isEqualTo(List.of("b", "a", "c"));
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
    void scalarsAsTextNullAsEmptyListsAsCompactJsonWithNumbersExact() throws Exception {
        String csv = csv(json("""
                [ { "n": 1.50, "t": true, "z": null, "s": "Ĳsselmeer", "o": { "a" : [ 1.0, "x" ] } } ]"""));

        assertThat(csv).isEqualTo("n,t,z,s,o.a\r\n1.50,true,,Ĳsselmeer,\"[1.0,\"\"x\"\"]\"\r\n");
    }

    @Test
    void missingKeysGiveEmptyFields() throws Exception {
        assertThat(csv(json("[{\"a\":1},{\"b\":2}]"))).isEqualTo("a,b\r\n1,\r\n,2\r\n");
    }

    @Test
    void noTableForAFileWithoutRecords() throws Exception {
        assertThat(JsonTableCsv.table(json("[1,2]"))).isEmpty();
        assertThat(JsonTableCsv.table(json("[{\"a\":1},2]"))).isEmpty();
        assertThat(JsonTableCsv.table(json("[]"))).isEmpty();
        assertThat(JsonTableCsv.table(json("{}"))).isEmpty();
        assertThat(JsonTableCsv.table(json("\"text\""))).isEmpty();
        assertThat(JsonTableCsv.table(json("{\"count\": 0, \"_embedded\": {\"payments\": []}, \"_links\": {}}"))).isEmpty();
        assertThat(JsonTableCsv.table(json("[{\"a\":1}"))).isEmpty();
        assertThat(JsonTableCsv.table(json("[{\"a\":1}] trailing"))).isEmpty();
    }

    @Test
    void aHalListIsOneRowPerEmbeddedItemWithoutItsLinks() throws Exception {
        String csv = csv(json("""
                { "count": 2, "_embedded": { "payments": [
                    { "id": "tr_1", "amount": { "value": "10.00", "currency": "EUR" }, "_links": { "self": { "href": "x" } } },
                    { "id": "tr_2", "amount": { "value": "-2.50", "currency": "EUR" }, "metadata": { "order_id": "1001" } } ] },
                  "_links": { "next": null } }"""));

        assertThat(csv).isEqualTo("id,amount.value,amount.currency,metadata.order_id\r\n"
                + "tr_1,10.00,EUR,\r\ntr_2,'-2.50,EUR,1001\r\n");
    }

    @Test
    void aMailchimpListIsOneRowPerItemOfItsOnlyList() throws Exception {
        String csv = csv(json("""
                { "activity": [ { "action": "open", "timestamp": "2025-01-02T10:00:00+00:00", "_links": [ { "rel": "self" } ] },
                                { "action": "click", "url": "https://shop.example.nl/" } ],
                  "email_id": "0a1b", "list_id": "5f2e8c1a9b", "total_items": 2, "_links": [ { "rel": "parent" } ] }"""));

        assertThat(csv).isEqualTo("action,timestamp,url\r\nopen,2025-01-02T10:00:00+00:00,\r\nclick,,https://shop.example.nl/\r\n");
    }

    @Test
    void aMailchimpMemberIsOneRowWithItsNestedFieldsAsColumnsAndItsListsAsJson() throws Exception {
        String csv = csv(json("""
                { "id": "f33f", "email_address": "jan@example.nl", "merge_fields": { "FNAME": "Jan", "LNAME": "Jansen" },
                  "location": { "latitude": 52.37, "country_code": "NL" }, "tags": [ { "id": 1, "name": "koffie" } ],
                  "interests": {}, "_links": [ { "rel": "self" } ] }"""));

        assertThat(csv).isEqualTo("id,email_address,merge_fields.FNAME,merge_fields.LNAME,location.latitude,location.country_code,tags\r\n"
                + "f33f,jan@example.nl,Jan,Jansen,52.37,NL,\"[{\"\"id\"\":1,\"\"name\"\":\"\"koffie\"\"}]\"\r\n");
    }

    @Test
    void anObjectThatOnlyWrapsOneRecordIsThatRecord() throws Exception {
        String csv = csv(json("""
                { "parcel": { "id": 184729301, "name": "Jan Jansen", "country": { "iso_2": "NL" } } }"""));

        assertThat(csv).isEqualTo("id,name,country.iso_2\r\n184729301,Jan Jansen,NL\r\n");
    }

    @Test
    void nestedObjectsInARowBecomeColumnsNamedByTheirPath() throws Exception {
        String csv = csv(json("""
                [ { "id": 1001, "billing": { "city": "Amsterdam", "address": { "street": "Voorbeeldstraat" } } },
                  { "id": 1007, "billing": { "city": "Utrecht" }, "shipping": { "city": "Gouda" } } ]"""));

        assertThat(csv).isEqualTo("id,billing.city,billing.address.street,shipping.city\r\n"
                + "1001,Amsterdam,Voorbeeldstraat,\r\n1007,Utrecht,,Gouda\r\n");
    }

    @Test
    void aNestedValueThatStartsLikeAFormulaIsNeutralised() throws Exception {
        String csv = csv(json("{ \"customer\": { \"note\": \"=HYPERLINK(\\\"http://evil.example.com\\\")\" }, \"id\": 7 }"));

        assertThat(csv).isEqualTo("customer.note,id\r\n\"'=HYPERLINK(\"\"http://evil.example.com\"\")\",7\r\n");
    }
}
