package io.serviceaccountbot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(ServiceAccountBotApplication.class);

    @Test
    void modulesOnlyDependOnEachOthersPublicApi() {
        modules.verify();
    }

    /**
     * The simulated tenant is compiled with the bot but packaged only into the sandbox jar, so nothing else may
     * reference it: the production jar would fail where it does (PackagedJarsIT checks the jar itself).
     */
    @Test
    void nothingButTheSandboxReferencesTheSimulatedTenant() {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.serviceaccountbot.sandbox..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.serviceaccountbot.sandbox..")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.serviceaccountbot"));
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
