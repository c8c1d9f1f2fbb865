package dev.streamlab;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The architecture guide's promises about the packages (docs/architecture.adoc), checked with ArchUnit on the compiled
 * classes: no package cycle, each package in one layer that uses only the layers below it (so the core knows no front
 * end), and picocli and JLine in the front ends alone. A new package fails here until it is given a layer.
 */
class PackageRulesTest {

    private static final String ROOT = "dev.streamlab";

    /** Each package in one layer, top to bottom. */
    static final Map<String, List<String>> LAYERS = new LinkedHashMap<>();

    static {
        LAYERS.put(Layer.COMMANDS, List.of("cli", "guides", "bench"));
        LAYERS.put(Layer.FRONT_ENDS, List.of("console", "web", "present", "terminal"));
        LAYERS.put(
                Layer.CORE,
                List.of(
                        "notebook",
                        "notebook.engine",
                        "classroom",
                        "lesson",
                        "grading",
                        "grading.check",
                        "grading.child",
                        "sql",
                        "learner",
                        "connect",
                        "streams",
                        "inspect",
                        "diagram",
                        "demodata",
                        "drill",
                        "doctor",
                        "image",
                        "kit"));
        LAYERS.put(Layer.CLUSTERS, List.of("cluster", "cluster.selection", "cluster.containers"));
        LAYERS.put(Layer.FOUNDATIONS, List.of("files", "catalog", "jvm", "tls"));
        LAYERS.put(Layer.IN_THE_BROKER, List.of("cluster.policy"));
        LAYERS.put(Layer.LEARNERS_JVM, List.of("grading.host"));
    }

    private static final class Layer {
        static final String COMMANDS = "Commands";
        static final String FRONT_ENDS = "Front ends";
        static final String CORE = "Core";
        static final String CLUSTERS = "Clusters";
        static final String FOUNDATIONS = "Foundations";
        /** Loaded by Kafka inside each broker: Kafka's API only. */
        static final String IN_THE_BROKER = "In the broker";
        /** The main class of the learner's JVM in a grading sandbox: the learner's to read and change, it knows no grader. */
        static final String LEARNERS_JVM = "The learner's JVM";
    }

    /** The shell's classes and the learner host's (its own module, the graded learner's JVM). */
    private static final JavaClasses STREAMLAB =
            new ClassFileImporter().importPaths(Path.of("target/classes"), Path.of("../learner-host/target/classes"));

    /** When there are several cycles ArchUnit may name only some of them: break those, then run again. */
    @Test
    void noPackageDependsOnItselfThroughOthers() {
        packageCycles(ROOT).check(STREAMLAB);
    }

    @Test
    void noTopLevelPackageWithItsSubpackagesDependsOnItselfThroughOthers() {
        topLevelCycles(ROOT).check(STREAMLAB);
    }

    @Test
    void eachPackageIsInALayerAndUsesOnlyTheLayersBelow() {
        layers(ROOT, false).check(STREAMLAB);
    }

    @Test
    void onlyFrontEndsUsePicocliOrJLine() {
        terminalLibraries(ROOT).check(STREAMLAB);
    }

    /** The rules must be able to fail: each one refuses the small offences planted in {@code packagerules.fixture}. */
    @Test
    void theRulesCatchEachOffence() {
        String root = ROOT + ".packagerules.fixture";
        JavaClasses fixture =
                new ClassFileImporter().importPath(Path.of("target/test-classes/dev/streamlab/packagerules/fixture"));

        assertThat(violations(packageCycles(root), fixture))
                .contains("fixture.cluster.Broker", "fixture.learner.Helper");
        assertThat(violations(layers(root, true), fixture))
                .contains("fixture.notebook.Runner", "fixture.cli.Command")
                .contains("fixture.cluster.Broker", "fixture.learner.Helper")
                .contains("fixture.shiny.Gadget");
        assertThat(violations(terminalLibraries(root), fixture))
                .contains("fixture.lesson.Parser", "org.jline")
                .doesNotContain("fixture.cli.Command");
    }

    private static String violations(ArchRule rule, JavaClasses classes) {
        EvaluationResult result = rule.evaluate(classes);
        assertThat(result.hasViolation())
                .as("%s has a violation", rule.getDescription())
                .isTrue();
        return String.join("\n", result.getFailureReport().getDetails());
    }

    private static ArchRule packageCycles(String root) {
        return slices().matching(root + ".(**)")
                .should()
                .beFreeOfCycles()
                .because("a package that depends on itself through others cannot be understood, tested or moved alone");
    }

    private static ArchRule topLevelCycles(String root) {
        return slices().matching(root + ".(*)..")
                .should()
                .beFreeOfCycles()
                .because("a package and its subpackages are one part of streamlab");
    }

    private static ArchRule layers(String root, boolean optional) {
        var layers = layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(optional);
        for (var layer : LAYERS.entrySet()) {
            layers = layers.layer(layer.getKey()).definedBy(packages(root, layer.getValue()));
        }
        return layers.whereLayer(Layer.COMMANDS)
                .mayNotBeAccessedByAnyLayer()
                .whereLayer(Layer.FRONT_ENDS)
                .mayOnlyBeAccessedByLayers(Layer.COMMANDS)
                .whereLayer(Layer.CORE)
                .mayOnlyBeAccessedByLayers(Layer.COMMANDS, Layer.FRONT_ENDS)
                .whereLayer(Layer.CLUSTERS)
                .mayOnlyBeAccessedByLayers(Layer.COMMANDS, Layer.FRONT_ENDS, Layer.CORE)
                .whereLayer(Layer.FOUNDATIONS)
                .mayNotAccessAnyLayer()
                .whereLayer(Layer.IN_THE_BROKER)
                .mayNotAccessAnyLayer()
                .whereLayer(Layer.LEARNERS_JVM)
                .mayNotAccessAnyLayer()
                .ensureAllClassesAreContainedInArchitecture()
                .because("the core returns data and the front ends render it (docs/architecture.adoc); a new package"
                        + " goes into PackageRulesTest.LAYERS and the guide's package list");
    }

    private static ArchRule terminalLibraries(String root) {
        List<String> frontEnds = new java.util.ArrayList<>(LAYERS.get(Layer.COMMANDS));
        frontEnds.addAll(LAYERS.get(Layer.FRONT_ENDS));
        return ArchRuleDefinition.noClasses()
                .that()
                .resideOutsideOfPackages(packages(root, frontEnds))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("picocli..", "org.jline..")
                .because("only a front end knows there is a terminal");
    }

    private static String[] packages(String root, List<String> names) {
        return names.stream().map(name -> root + "." + name).toArray(String[]::new);
    }
}
