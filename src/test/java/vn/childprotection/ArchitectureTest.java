package vn.childprotection;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.stereotype.Controller;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

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

    /**
     * Public only where another package needs it. The exceptions are reached by name, not by import: beans the
     * process models call ({@code ${followUps.schedule(execution)}}) and templates call ({@code @draftKeys}), the
     * engine webapp's authentication provider (instantiated by class name), the application's main class, and
     * the models' element ids that tests in other packages name, and the deadlines bean the models call (a
     * {@code @Bean}).
     */
    @ArchTest
    static final ArchRule publicOnlyWhereAnotherPackageUsesIt = classes()
            .that().arePublic().and().areTopLevelClasses()
            .should(new ArchCondition<JavaClass>("be used from another package, or be reached by name") {
                @Override
                public void check(JavaClass type, ConditionEvents events) {
                    boolean usedElsewhere = type.getDirectDependenciesToSelf().stream()
                            .anyMatch(d -> !d.getOriginClass().getPackageName().equals(type.getPackageName()));
                    if (!usedElsewhere && !reachedByName(type)) {
                        events.add(SimpleConditionEvent.violated(type, type.getName()
                                + " is public but no other package uses it: make it package-private"));
                    }
                }
            })
            .as("public types are used outside their package");

    private static final Set<String> REACHED_BY_NAME = Set.of("vn.childprotection.ChildProtectionApplication",
            "vn.childprotection.workflow.ProcessIds", "vn.childprotection.workflow.Deadlines",
            "vn.childprotection.workflow.identity.SpringSecurityAuthenticationProvider");

    /** Named in the application's wiring, or a bean whose name a process model or a page calls. */
    private static boolean reachedByName(JavaClass type) {
        if (REACHED_BY_NAME.contains(type.getName())) {
            return true;
        }
        return type.tryGetAnnotationOfType(org.springframework.stereotype.Component.class)
                .map(org.springframework.stereotype.Component::value)
                .filter(name -> !name.isBlank())
                .filter(name -> calledByName(Path.of("processes"), "${" + name + ".")
                        || calledByName(Path.of("src/main/resources/templates"), "@" + name + "."))
                .isPresent();
    }

    private static boolean calledByName(Path folder, String call) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).anyMatch(f -> {
                try {
                    return Files.readString(f).contains(call);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
