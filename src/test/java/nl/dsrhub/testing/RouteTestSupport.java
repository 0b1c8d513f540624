package nl.dsrhub.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.AdviceWithRouteBuilder;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.apache.camel.util.function.ThrowingConsumer;
import org.junit.jupiter.api.io.TempDir;

/**
 * Camel's test kit for the hub's YAML routes, a few route files at a time: each test gets a fresh
 * {@link CamelContext} with the named files of {@code routes/} (as the hub loads them, from the class path), the
 * settings of {@code application.properties} with the test's own data dir and {@link #settings()} over them, and
 * the stand-ins the test class binds for the hub's beans. The context starts only when the test has advised
 * the routes ({@link #adviceAndStart}) or asks for it ({@link #start()}).
 */
public abstract class RouteTestSupport extends CamelTestSupport {

    /** What the routes' {@code {{dsr.data-dir}}} is: inbox/ and error/ live here. */
    @TempDir
    protected Path dataDir;

    /** The route files under test, by their name in {@code routes/}. */
    protected abstract List<String> routeFiles();

    /** Settings over {@code application.properties}, e.g. small delays. */
    protected Map<String, String> settings() {
        return Map.of();
    }

    @Override
    public void configureTest(TestExecutionConfiguration test) {
        super.configureTest(test);
        // the test replaces endpoints first, then starts the context itself
        test.withUseAdviceWith(true);
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        // the routes' placeholders resolve as in the hub: its own settings file, this test's values over it
        context.getPropertiesComponent().setLocation("classpath:application.properties");
        Properties over = new Properties();
        over.setProperty("dsr.data-dir", dataDir.toString());
        over.putAll(settings());
        context.getPropertiesComponent().setOverrideProperties(over);
        return context;
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() throws Exception {
        Resource[] files = new Resource[routeFiles().size()];
        for (int i = 0; i < files.length; i++) {
            files[i] = ResourceHelper.resolveMandatoryResource(context, "classpath:routes/" + routeFiles().get(i));
        }
        return PluginHelper.getRoutesLoader(context).findRoutesBuilders(files).toArray(RoutesBuilder[]::new);
    }

    /** Advises one route (mocks in place of the queues it sends to, a direct {@code from}) and starts the context. */
    protected void adviceAndStart(String routeId, ThrowingConsumer<AdviceWithRouteBuilder, Exception> advice) throws Exception {
        AdviceWith.adviceWith(context, routeId, advice);
        start();
    }

    protected void start() {
        context.start();
    }
}
