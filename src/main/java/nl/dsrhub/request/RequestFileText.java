package nl.dsrhub.request;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

/**
 * A request file's bytes as text: only UTF-8 is accepted, and binary data (control characters) is refused before
 * any parser sees it, with the place of the first bad byte.
 */
final class RequestFileText {

    /** The text, or the problem (phrased after "the file") that kept it from being read. */
    record Decoded(String text, String problem) {
        static Decoded problem(String problem) {
            return new Decoded(null, problem);
        }
    }

    private RequestFileText() {
    }

    /** The file's text, or why it is not UTF-8 text (a UTF-8 byte order mark is dropped). */
    static Decoded decode(byte[] content) {
        if (content.length >= 2 && ((content[0] == (byte) 0xFE && content[1] == (byte) 0xFF)
                || (content[0] == (byte) 0xFF && content[1] == (byte) 0xFE))) {
            return Decoded.problem("the file is UTF-16 encoded; save it as UTF-8 text");
        }
        String control = findControlCharacter(content);
        if (control != null) {
            return Decoded.problem("contains binary data (" + control + "); a request file must be UTF-8 text");
        }
        String text;
        try {
            text = decodeUtf8(content);
        } catch (MalformedInputException e) {
            return Decoded.problem("is not UTF-8 text: invalid byte sequence near byte " + firstInvalidUtf8(content)
                    + "; save the file as UTF-8");
        } catch (CharacterCodingException e) {
            return Decoded.problem("is not UTF-8 text; save the file as UTF-8");
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1); // a UTF-8 byte order mark is harmless
        }
        return new Decoded(text, null);
    }

    private static String decodeUtf8(byte[] content) throws CharacterCodingException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return decoder.decode(ByteBuffer.wrap(content)).toString();
    }

    private static int firstInvalidUtf8(byte[] content) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(content.length + 1);
        decoder.decode(in, out, true);
        return in.position();
    }

    /**
     * C0 control characters other than tab, LF and CR (and DEL) mean binary data. Checked on the bytes:
     * in UTF-8 these bytes never occur inside a multi-byte sequence.
     */
    private static String findControlCharacter(byte[] content) {
        int line = 1;
        int column = 1;
        for (byte b : content) {
            int c = b & 0xFF;
            if (c == '\n') {
                line++;
                column = 1;
                continue;
            }
            if ((c < 0x20 && c != '\t' && c != '\r') || c == 0x7F) {
                String what = c == 0 ? "a NUL byte" : String.format("control character 0x%02X", c);
                return what + " at line " + line + ", column " + column;
            }
            column++;
        }
        return null;
    }
}
