package nl.dsrhub.connector;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TupleTest {

    @Test
    void partsOfANestedPairAreReadByIndex() {
        String order = Tuple.of(Tuple.of("store-1", "cust-9"), "order-7");

        assertThat(Tuple.part(order, "each[0]")).isEqualTo("store-1");
        assertThat(Tuple.part(order, "each[1]")).isEqualTo("cust-9");
        assertThat(Tuple.part(order, "each[2]")).isEqualTo("order-7");
    }

    @Test
    void aMissingPartIsUnknownSoTheTemplateFailsLoudly() {
        assertThat(Tuple.part(Tuple.of("a", "b"), "each[5]")).isNull();
        assertThat(Tuple.part("plain", "each[x]")).isNull();
        assertThat(Tuple.part(null, "each[0]")).isNull();
    }

    @Test
    void idsWithSlashesOrSpacesStayWhole() {
        assertThat(Tuple.part(Tuple.of("a/b", "c d"), "each[1]")).isEqualTo("c d");
    }
}
