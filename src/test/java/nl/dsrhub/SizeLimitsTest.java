package nl.dsrhub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The size limits of issue 13: a class a newcomer can read in one sitting, a method that fits on a screen. Checked on
 * the sources (production, demo and bench; tests are not bound), by a scan rather than a parser: comments, strings and
 * text blocks are blanked first, then each block whose header reads like a method or constructor declaration is
 * measured from its name's line to its closing brace.
 */
class SizeLimitsTest {

    static final int MAX_CLASS_LINES = 320;
    static final int MAX_METHOD_LINES = 60;

    private static final List<Path> SOURCE_ROOTS = List.of(Path.of("src/main/java"), Path.of("src/demo/java"));

    @Test
    void noClassIsLongerThanTheLimit() {
        List<String> tooLong = new ArrayList<>();
        for (Path file : javaFiles()) {
            int lines = read(file).split("\n", -1).length - 1;
            if (lines > MAX_CLASS_LINES) {
                tooLong.add(file + ": " + lines + " lines");
            }
        }
        assertThat(tooLong).as("classes over " + MAX_CLASS_LINES + " lines; split each by concept (its resources,"
                + " phases or readers as small named classes), not by cutting at the limit").isEmpty();
    }

    @Test
    void noMethodIsLongerThanTheLimit() {
        List<String> tooLong = new ArrayList<>();
        for (Path file : javaFiles()) {
            for (Method method : methodsOf(read(file))) {
                if (method.lines() > MAX_METHOD_LINES) {
                    tooLong.add(file + ":" + method.firstLine() + " " + method.name() + "(): " + method.lines() + " lines");
                }
            }
        }
        assertThat(tooLong).as("methods over " + MAX_METHOD_LINES + " lines; give each step of the method a named"
                + " method (or a small class) of its own").isEmpty();
    }

    @Test
    void theScanMeasuresAMethodFromItsNameToItsClosingBrace() {
        String source = """
                class Sample {
                    /** a comment with { a brace */
                    @Override
                    public String toString() {
                        String s = "}";
                        if (s.isEmpty()) {
                            return "{";
                        }
                        Runnable r = () -> { };
                        return s;
                    }
                    Sample(int a,
                           int b) {
                    }
                }
                """;
        List<Method> methods = methodsOf(source);
        assertThat(methods).extracting(Method::name).containsExactly("toString", "Sample");
        assertThat(methods).extracting(Method::lines).containsExactly(8, 3);
    }

    /** A method or constructor found by the scan: its name, the line its name is on (1-based) and its length. */
    record Method(String name, int firstLine, int lines) {
    }

    private static final Pattern DECLARATION = Pattern.compile(
            "(?s)(\\w+)\\s*\\([^()]*(?:\\([^()]*\\)[^()]*)*\\)\\s*(?:throws\\s+[\\w.,\\s]+)?$");

    /** Words that can precede a parenthesis and a brace without declaring a method. */
    private static final Set<String> NOT_A_METHOD = Set.of("if", "for", "while", "switch", "catch", "synchronized",
            "try", "return", "new", "else", "do", "finally", "throw", "case", "yield");

    static List<Method> methodsOf(String source) {
        String code = blankCommentsAndStrings(source);
        List<Method> methods = new ArrayList<>();
        List<int[]> open = new ArrayList<>(); // per open brace: start offset of a method's name, or -1
        int headerStart = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '{') {
                open.add(new int[] {methodNameAt(code, headerStart, i)});
                headerStart = i + 1;
            } else if (c == '}') {
                int nameAt = open.isEmpty() ? -1 : open.remove(open.size() - 1)[0];
                if (nameAt >= 0) {
                    int first = lineOf(code, nameAt);
                    methods.add(new Method(nameAt(code, nameAt), first, lineOf(code, i) - first + 1));
                }
                headerStart = i + 1;
            } else if (c == ';') {
                headerStart = i + 1;
            }
        }
        methods.sort((a, b) -> Integer.compare(a.firstLine(), b.firstLine()));
        return methods;
    }

    /** Where the declared method's name starts when the text before a brace declares one, else -1. */
    private static int methodNameAt(String code, int from, int brace) {
        String header = code.substring(from, brace).replaceAll("@[\\w.]+(\\s*\\([^()]*\\))?", " ");
        if (header.contains("=") || header.contains("->") || header.contains("new ")) {
            return -1;
        }
        Matcher m = DECLARATION.matcher(header.stripTrailing());
        if (!m.find() || NOT_A_METHOD.contains(m.group(1))) {
            return -1;
        }
        String before = header.substring(0, m.start(1)).strip();
        if (before.endsWith(".") || before.matches("(?s).*\\b(class|interface|enum|record)\\b.*") || before.matches("(?s).*\\b(if|while|for|switch|catch|return|else)\\s*$")) {
            return -1;
        }
        // the header was stripped of annotations, so find the name's offset in the source itself
        return nameOffset(code, from, brace, m.group(1));
    }

    /** The offset of the last "name(" between from and the brace. */
    private static int nameOffset(String code, int from, int brace, String name) {
        Matcher m = Pattern.compile("\\b" + Pattern.quote(name) + "\\s*\\(").matcher(code);
        int found = -1;
        m.region(from, brace);
        while (m.find()) {
            found = m.start();
        }
        return found;
    }

    private static String nameAt(String code, int at) {
        int end = at;
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
            end++;
        }
        return code.substring(at, end);
    }

    private static int lineOf(String code, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (code.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The source with comments, string and char literals and text blocks replaced by spaces (line breaks kept). */
    static String blankCommentsAndStrings(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            int end;
            if (source.startsWith("//", i)) {
                end = source.indexOf('\n', i);
                end = end < 0 ? source.length() : end;
            } else if (source.startsWith("/*", i)) {
                end = source.indexOf("*/", i + 2);
                end = end < 0 ? source.length() : end + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                end = closing(source, i + 3, "\"\"\"");
            } else if (source.charAt(i) == '"') {
                end = closing(source, i + 1, "\"");
            } else if (source.charAt(i) == '\'') {
                end = closing(source, i + 1, "'");
            } else {
                out.append(source.charAt(i++));
                continue;
            }
            for (int k = i; k < end; k++) {
                out.append(source.charAt(k) == '\n' ? '\n' : ' ');
            }
            i = end;
        }
        return out.toString();
    }

    /** The offset just after the closing quote, skipping escaped characters. */
    private static int closing(String source, int from, String quote) {
        int i = from;
        while (i < source.length()) {
            if (source.charAt(i) == '\\') {
                i += 2;
            } else if (source.startsWith(quote, i)) {
                return i + quote.length();
            } else {
                i++;
            }
        }
        return source.length();
    }

    private static List<Path> javaFiles() {
        List<Path> files = new ArrayList<>();
        for (Path root : SOURCE_ROOTS) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
