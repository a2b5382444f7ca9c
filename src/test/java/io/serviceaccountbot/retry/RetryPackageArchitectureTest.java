package io.serviceaccountbot.retry;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Every HTTP client of the bot may wait through this package, so it leans on nothing but the JDK. */
class RetryPackageArchitectureTest {

    private final JavaClasses retry = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.serviceaccountbot.retry");

    @Test
    void dependsOnTheJdkOnly() {
        classes()
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("io.serviceaccountbot.retry..", "java..")
                .because("retry is plain Java that any module may use; it knows no Spring and no other module")
                .check(retry);
    }
}
