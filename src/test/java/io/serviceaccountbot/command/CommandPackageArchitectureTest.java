package io.serviceaccountbot.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The command language is plain Java, so it can be read and tested as a conversation, without a server. */
class CommandPackageArchitectureTest {

    private final JavaClasses commandLanguage = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.serviceaccountbot.command");

    @Test
    void knowsNothingOfSpringHttpOrJson() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..", "jakarta..", "javax.servlet..", "tools.jackson..", "com.fasterxml..")
                .because("the command language is plain Java; wiring and transport belong to other modules")
                .check(commandLanguage);
    }
}
