package nl.dsrhub.request;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import java.io.IOException;

/** Rejects YAML anchors and aliases: request files need neither, and they are the stuff of alias bombs. */
final class NoAliasYamlParser extends JsonParserDelegate {

    static final String ALIAS_MESSAGE = "anchors and aliases are not allowed in a request file";
    static final String ALIAS_NOTE = "a YAML anchor or alias (& or *)";

    NoAliasYamlParser(JsonParser delegate) {
        super(delegate);
    }

    @Override
    public JsonToken nextToken() throws IOException {
        return check(super.nextToken());
    }

    @Override
    public JsonToken nextValue() throws IOException {
        return check(super.nextValue());
    }

    // the delegate's nextXxx shortcuts would bypass nextToken(): route them all through it
    @Override
    public String nextFieldName() throws IOException {
        return nextToken() == JsonToken.FIELD_NAME ? currentName() : null;
    }

    @Override
    public boolean nextFieldName(com.fasterxml.jackson.core.SerializableString str) throws IOException {
        return nextToken() == JsonToken.FIELD_NAME && str.getValue().equals(currentName());
    }

    @Override
    public String nextTextValue() throws IOException {
        return nextToken() == JsonToken.VALUE_STRING ? getText() : null;
    }

    @Override
    public int nextIntValue(int defaultValue) throws IOException {
        return nextToken() == JsonToken.VALUE_NUMBER_INT ? getIntValue() : defaultValue;
    }

    @Override
    public long nextLongValue(long defaultValue) throws IOException {
        return nextToken() == JsonToken.VALUE_NUMBER_INT ? getLongValue() : defaultValue;
    }

    @Override
    public Boolean nextBooleanValue() throws IOException {
        JsonToken t = nextToken();
        return t == JsonToken.VALUE_TRUE ? Boolean.TRUE : t == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
    }

    private JsonToken check(JsonToken token) throws JsonParseException {
        if (delegate instanceof YAMLParser y && (y.isCurrentAlias() || y.getCurrentAnchor() != null)) {
            throw new JsonParseException(this, ALIAS_MESSAGE);
        }
        return token;
    }
}
