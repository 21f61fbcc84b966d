package org.mvtm.server;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Module boundaries: every module publishes {@code org.mvtm.<module>.api}; everything else in it is private to it.
 * Only the composition root ({@code server}) may see more, and contact-core depends on nothing of ours nor on Spring.
 */
class ModuleBoundariesTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // other modules' test jars on the test classpath (sip-edge's, media-bridge's) are tests too
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("org.mvtm");
    }

    static Stream<String> modules() {
        return Stream.of("routing", "media", "chatbot", "recording", "sip", "admin", "reporting", "web");
    }

    @ParameterizedTest(name = "only {0}'s api package is used by other modules")
    @MethodSource("modules")
    void otherModulesUseOnlyTheApiPackage(String module) {
        String root = "org.mvtm." + module;
        noClasses().that().resideOutsideOfPackages(root + "..", "org.mvtm.server..")
                .should().dependOnClassesThat(resideInAPackage(root + "..").and(not(resideInAPackage(root + ".api.."))))
                .because("modules talk through " + root + ".api and contact-core only")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void contactCoreDependsOnNoOtherModuleAndNoFramework() {
        noClasses().that().resideInAPackage("org.mvtm.core..")
                .should().dependOnClassesThat().resideInAnyPackage("org.mvtm.routing..", "org.mvtm.media..",
                        "org.mvtm.chatbot..", "org.mvtm.recording..", "org.mvtm.sip..", "org.mvtm.admin..", "org.mvtm.web..",
                        "org.mvtm.reporting..", "org.mvtm.server..", "org.springframework..")
                .check(classes);
    }

    @Test
    void onlyTheWebTierAndTheServerUseSpring() {
        noClasses().that().resideInAnyPackage("org.mvtm.routing..", "org.mvtm.media..", "org.mvtm.chatbot..",
                        "org.mvtm.recording..", "org.mvtm.sip..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .because("plain modules are wired by the composition root, not by a framework")
                .check(classes);
    }

    /** The system of record: JDBC, transactions and password hashes; interval reporting: JDBC. */
    static Stream<Arguments> springOnlyFor() {
        return Stream.of(
                Arguments.of("admin", List.of("jdbc", "dao", "transaction", "security.crypto")),
                Arguments.of("reporting", List.of("jdbc", "dao")));
    }

    @ParameterizedTest(name = "{0} uses Spring only for {1}")
    @MethodSource("springOnlyFor")
    void databaseModulesUseSpringOnlyForWhatTheyNeed(String module, List<String> allowed) {
        noClasses().that().resideInAPackage("org.mvtm." + module + "..")
                .should().dependOnClassesThat(resideInAPackage("org.springframework..")
                        .and(not(resideInAnyPackage(allowed.stream().map(p -> "org.springframework." + p + "..")
                                .toArray(String[]::new)))))
                .because("org.mvtm." + module + " is a plain module wired by the composition root")
                .check(classes);
    }

    @Test
    void nothingButTheServerDependsOnTheServer() {
        noClasses().that().resideOutsideOfPackage("org.mvtm.server..")
                .should().dependOnClassesThat().resideInAPackage("org.mvtm.server..")
                .check(classes);
    }
}
