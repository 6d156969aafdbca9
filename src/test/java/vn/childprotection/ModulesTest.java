package vn.childprotection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.DiagramOptions;
import org.springframework.modulith.docs.Documenter.Options;

/**
 * The feature packages are modules (Spring Modulith): no cycles between them, nobody reaches into another's
 * sub-packages, each depends only on the modules its package-info.java allows. Every build redraws the module
 * diagram in docs/modules/, which the README links.
 */
class ModulesTest {

    private static final Path FOLDER = Path.of("docs", "modules");
    private static final ApplicationModules MODULES = ApplicationModules.of(ChildProtectionApplication.class);

    @Test
    void modulesHaveNoCyclesAndUseOnlyWhatOthersExpose() {
        MODULES.verify();
    }

    @Test
    void theModuleDiagramIsWrittenIntoTheDocs() throws IOException {
        DiagramOptions uml = DiagramOptions.defaults().withStyle(DiagramOptions.DiagramStyle.UML);
        new Documenter(MODULES, Options.defaults().withOutputFolder(FOLDER.toString()))
                .writeModulesAsPlantUml(uml)
                .writeModuleCanvases();
        // GitHub draws Mermaid, not PlantUML: the same modules and dependencies once more, as the README shows them
        StringBuilder md = new StringBuilder("""
                # Modules

                Written by `ModulesTest` on every build from the code (Spring Modulith); do not edit. Each module is a
                package under `vn.childprotection`; an arrow is a dependency, allowed by the module's
                `package-info.java` and verified. `components.puml` (PlantUML) and the `module-*.adoc` pages (the beans,
                the events and the types each module offers) say the same in more detail.

                ```mermaid
                flowchart LR
                """);
        MODULES.stream().sorted(Comparator.comparing(ApplicationModule::getName)).forEach(module -> {
            md.append("  ").append(module.getName()).append("[\"").append(module.getDisplayName()).append("\"]\n");
            module.getDirectDependencies(MODULES).uniqueModules()
                    .map(ApplicationModule::getName).sorted()
                    .forEach(target -> md.append("  ").append(module.getName()).append(" --> ").append(target).append('\n'));
        });
        md.append("```\n");
        Files.writeString(FOLDER.resolve("README.md"), md);
        assertThat(FOLDER.resolve("components.puml")).exists();
    }
}
