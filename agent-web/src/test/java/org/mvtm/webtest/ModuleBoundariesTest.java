package org.mvtm.webtest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The web tier uses other modules only through their api packages, and its own api stays free of Spring web. */
class ModuleBoundariesTest {
    // the module's own classes only (scanning the whole classpath for the package takes tens of seconds)
    private final JavaClasses web = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPath(java.nio.file.Path.of(System.getProperty("mvtm.project.dir", ".."), "agent-web", "target", "classes"));

    @Test
    void webTierUsesOnlyTheApiPackagesOfOtherModules() {
        noClasses().that().resideInAPackage("org.mvtm.web..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.mvtm.routing..", "org.mvtm.chatbot..", "org.mvtm.media..", "org.mvtm.recording..", "org.mvtm.sip..",
                        "org.mvtm.admin..", "org.mvtm.reporting..")
                .andShould().dependOnClassesThat().resideOutsideOfPackages("org.mvtm.routing.api..", "org.mvtm.chatbot.api..",
                        "org.mvtm.media.api..", "org.mvtm.recording.api..", "org.mvtm.admin.api..", "org.mvtm.reporting.api..", "org.mvtm.web..", "org.mvtm.core..", "java..",
                        "jakarta..", "org.springframework..", "org.slf4j..", "tools.jackson..")
                .because("only the api packages are public")
                .check(web);
    }

    @Test
    void webApiPackageDoesNotDependOnTheImplementation() {
        noClasses().that().resideInAPackage("org.mvtm.web.api..")
                .should().dependOnClassesThat().resideInAnyPackage("org.mvtm.web.security..", "org.mvtm.web.customer..",
                        "org.mvtm.web.agent..", "org.mvtm.web.supervisor..", "org.mvtm.web.compliance..", "org.mvtm.web.socket..",
                        "org.mvtm.web.call..", "org.mvtm.web.pages..", "org.mvtm.web.admin..")
                .check(web);
    }
}
