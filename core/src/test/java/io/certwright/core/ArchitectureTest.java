package io.certwright.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Keeps the model, PKI and controller core free of runtimes: they must not reach a Kubernetes client, the
 * local directory runtime, the command line, or files. The runtimes depend on them, never the other way.
 */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.certwright.api", "io.certwright.pki", "io.certwright.core");

    /**
     * Manifest readers in the api module that read YAML files from a directory.
     * NOTE: they break the rule that api does no file I/O; they belong in the local runtime or the CLI.
     * Until they move, they are the only classes exempt from the file rule.
     */
    private static final DescribedPredicate<JavaClass> MANIFEST_FILE_READERS = DescribedPredicate.describe(
            "manifest file readers", javaClass -> javaClass.getName().startsWith("io.certwright.api.Manifest"));

    @Test
    void modelAndCoreUseNoRuntime() {
        noClasses()
                .that().resideInAnyPackage("io.certwright.api..", "io.certwright.pki..", "io.certwright.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.certwright.local..",
                        "io.certwright.cli..",
                        "io.certwright.kubernetes..",
                        "io.fabric8.kubernetes.client..")
                .because("the runtimes depend on the core and reach it only through the Cluster port")
                .check(CLASSES);
    }

    @Test
    void coreAndPkiTouchNoFiles() {
        noClasses()
                .that().resideInAnyPackage("io.certwright.pki..", "io.certwright.core..")
                .should().dependOnClassesThat().resideInAnyPackage("java.nio.file..")
                .because("the runtimes own storage; the core reads and writes state only through the Cluster port")
                .check(CLASSES);
    }

    @Test
    void modelTouchesNoFiles() {
        noClasses()
                .that().resideInAnyPackage("io.certwright.api..")
                .and(DescribedPredicate.not(MANIFEST_FILE_READERS))
                .should().dependOnClassesThat().resideInAnyPackage("java.nio.file..")
                .because("the runtimes own storage; the model only maps objects to and from text")
                .check(CLASSES);
    }
}
