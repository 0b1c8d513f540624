package nl.dsrhub;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * How the packages may depend on each other, checked on the compiled main code (production, demo and bench; tests
 * are not analysed). The layering, lowest first: each package, and the packages it may import:
 * <pre>
 *   model, config, text, files   nothing of the project (the leaves; model: the shared value types); all may use them
 *   store                        the leaves
 *   web                          the leaves
 *   ledger                       store and the leaves
 *   connector                    store and the leaves
 *   plan                         connector, store and the leaves
 *   result                       plan, connector, store and the leaves
 *   request                      result, store and the leaves
 *   mail                         request, result, plan, connector, store and the leaves
 *   ops                          mail, request, result, plan, connector, ledger, web, store and the leaves
 *   retention                    ops, connector, store and the leaves
 *   hub                          all of the above (the wiring: Hub, Services and the Camel configuration classes *Beans)
 *   cli                          hub and all of the above; demo and bench only through PluggedCommand
 *   demo, bench                  anything (not production code; bench uses the demo's simulators)
 * </pre>
 * A lower package that needs to call up gets an interface of its own that the upper one implements
 * (e.g. {@code connector.ConnectorEngine}, {@code cli.PluggedCommand}).
 *
 * <p>Plain JUnit tests rather than {@code @ArchTest} fields: Surefire 3.5.3 does not run those (TNG/ArchUnit#1442).
 */
class ArchitectureTest {

    /** The compiled main code (target/classes: production, demo and bench), found from a class it holds. */
    private static final JavaClasses MAIN_CODE = new ClassFileImporter()
            .importUrl(nl.dsrhub.cli.DsrHub.class.getProtectionDomain().getCodeSource().getLocation());

    private static final String[] LEAVES = {"model", "config", "text", "files"};

    private static final ArchRule NO_PACKAGE_CYCLES = slices().matching("nl.dsrhub.(*)..").should().beFreeOfCycles()
            .because("a cycle means neither package can change alone: move the type both need into model, or give the"
                    + " lower package an interface that the upper one implements");

    private static final ArchRule PRODUCTION_NEVER_USES_DEMO_OR_BENCH = noClasses()
            .that().resideOutsideOfPackages("nl.dsrhub.demo..", "nl.dsrhub.bench..")
            .should().dependOnClassesThat().resideInAnyPackage("nl.dsrhub.demo..", "nl.dsrhub.bench..")
            .because("the demo and the benchmark are not production code (src/demo/java): reach them through"
                    + " nl.dsrhub.cli.PluggedCommand and META-INF/services, or move what production needs out of them");

    private static final ArchRule MODEL_IMPORTS_NOTHING_OF_THE_PROJECT = classes()
            .that().resideInAPackage("nl.dsrhub.model..")
            .should().onlyDependOnClassesThat(resideOutsideOfPackage("nl.dsrhub..").or(resideInAPackage("nl.dsrhub.model..")))
            .because("model holds the value types every package shares: keep behaviour that needs stores, connectors or"
                    + " mail in the package that owns it, and pass model only values");

    private static final ArchRule THE_LAYERING = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .ensureAllClassesAreContainedInArchitecture()
            .layer("model").definedBy("nl.dsrhub.model..")
            .layer("config").definedBy("nl.dsrhub.config..")
            .layer("text").definedBy("nl.dsrhub.text..")
            .layer("files").definedBy("nl.dsrhub.files..")
            .layer("store").definedBy("nl.dsrhub.store..")
            .layer("web").definedBy("nl.dsrhub.web..")
            .layer("ledger").definedBy("nl.dsrhub.ledger..")
            .layer("connector").definedBy("nl.dsrhub.connector..")
            .layer("plan").definedBy("nl.dsrhub.plan..")
            .layer("result").definedBy("nl.dsrhub.result..")
            .layer("request").definedBy("nl.dsrhub.request..")
            .layer("mail").definedBy("nl.dsrhub.mail..")
            .layer("ops").definedBy("nl.dsrhub.ops..")
            .layer("retention").definedBy("nl.dsrhub.retention..")
            .layer("hub").definedBy("nl.dsrhub.hub..")
            .layer("cli").definedBy("nl.dsrhub.cli..")
            .layer("demo").definedBy("nl.dsrhub.demo..")
            .layer("bench").definedBy("nl.dsrhub.bench..")
            .whereLayer("model").mayNotAccessAnyLayer()
            .whereLayer("config").mayNotAccessAnyLayer()
            .whereLayer("text").mayNotAccessAnyLayer()
            .whereLayer("files").mayNotAccessAnyLayer()
            .whereLayer("store").mayOnlyAccessLayers(LEAVES)
            .whereLayer("web").mayOnlyAccessLayers(LEAVES)
            .whereLayer("ledger").mayOnlyAccessLayers(with("store"))
            .whereLayer("connector").mayOnlyAccessLayers(with("store"))
            .whereLayer("plan").mayOnlyAccessLayers(with("connector", "store"))
            .whereLayer("result").mayOnlyAccessLayers(with("plan", "connector", "store"))
            .whereLayer("request").mayOnlyAccessLayers(with("result", "store"))
            .whereLayer("mail").mayOnlyAccessLayers(with("request", "result", "plan", "connector", "store"))
            .whereLayer("ops").mayOnlyAccessLayers(
                    with("mail", "request", "result", "plan", "connector", "ledger", "web", "store"))
            .whereLayer("retention").mayOnlyAccessLayers(with("ops", "connector", "store"))
            .whereLayer("hub").mayOnlyAccessLayers(with("retention", "ops", "mail", "request", "result", "plan",
                    "connector", "ledger", "web", "store"))
            .whereLayer("cli").mayOnlyAccessLayers(with("hub", "retention", "ops", "mail", "request", "result", "plan",
                    "connector", "ledger", "web", "store"))
            .because("each package builds on the ones below it (see ArchitectureTest's comment and the README's"
                    + " 'How it is built'): move the type or the call to the lower package, or give the lower package an"
                    + " interface the upper one implements; a new package gets its line in the layering");

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        NO_PACKAGE_CYCLES.check(MAIN_CODE);
    }

    @Test
    void productionCodeNeverUsesTheDemoOrTheBenchmark() {
        PRODUCTION_NEVER_USES_DEMO_OR_BENCH.check(MAIN_CODE);
    }

    @Test
    void theModelPackageImportsNothingOfTheProject() {
        MODEL_IMPORTS_NOTHING_OF_THE_PROJECT.check(MAIN_CODE);
    }

    @Test
    void eachPackageUsesOnlyThePackagesBelowIt() {
        THE_LAYERING.check(MAIN_CODE);
    }

    /** The given layers and the leaves. */
    private static String[] with(String... layers) {
        String[] all = java.util.Arrays.copyOf(layers, layers.length + LEAVES.length);
        System.arraycopy(LEAVES, 0, all, layers.length, LEAVES.length);
        return all;
    }
}
