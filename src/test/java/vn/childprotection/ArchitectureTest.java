package vn.childprotection;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The engine stays at the edge: moving to Operaton must be a package rename inside {@code workflow}. */
@AnalyzeClasses(packages = "vn.childprotection", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule camundaOnlyInWorkflow = noClasses()
            .that().resideOutsideOfPackage("vn.childprotection.workflow..")
            .should().dependOnClassesThat().resideInAPackage("org.camunda..")
            .as("no org.camunda import outside the workflow package");

    @ArchTest
    static final ArchRule controllersDoNotCallTheEngine = noClasses()
            .that().haveSimpleNameEndingWith("Controller")
            .should().dependOnClassesThat().resideInAPackage("vn.childprotection.workflow..")
            .as("no controller calls the workflow directly");
}
