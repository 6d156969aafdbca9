package vn.childprotection;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.springframework.stereotype.Controller;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import vn.childprotection.process.CaseWorkflow;

/**
 * The engine stays at the edge: moving to Operaton must be a package rename inside {@code workflow}, which
 * nothing imports. Module boundaries as a whole are verified by {@link ModulesTest}.
 */
@AnalyzeClasses(packages = "vn.childprotection", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule camundaOnlyInWorkflow = noClasses()
            .that().resideOutsideOfPackage("vn.childprotection.workflow..")
            .should().dependOnClassesThat().resideInAPackage("org.camunda..")
            .as("no org.camunda import outside the workflow package");

    @ArchTest
    static final ArchRule nothingImportsWorkflow = noClasses()
            .that().resideOutsideOfPackage("vn.childprotection.workflow..")
            .should().dependOnClassesThat().resideInAPackage("vn.childprotection.workflow..")
            .as("features reach the engine only through the process port; nothing imports workflow");

    /** API and page controllers alike ({@code @RestController}, {@code @Controller}, {@code @PageController}). */
    @ArchTest
    static final ArchRule controllersDoNotDriveTheProcess = noClasses()
            .that().areMetaAnnotatedWith(Controller.class)
            .should().dependOnClassesThat().areAssignableTo(CaseWorkflow.class)
            .orShould().dependOnClassesThat().resideInAnyPackage("vn.childprotection.workflow..", "org.camunda..")
            .as("no controller drives the process directly; services do");
}
