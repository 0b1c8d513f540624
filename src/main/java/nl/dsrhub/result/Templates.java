package nl.dsrhub.result;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheFactory;
import java.io.IOException;
import java.io.Writer;

/** The mustache templates under {@code templates/} on the classpath; {@code {{x}}} values are HTML-escaped. */
final class Templates {

    private static final MustacheFactory FACTORY = new DefaultMustacheFactory("templates");

    private Templates() {
    }

    static void render(String name, Object scope, Writer out) throws IOException {
        FACTORY.compile(name).execute(out, scope);
        out.flush();
    }
}
