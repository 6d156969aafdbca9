package vn.childprotection.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every model in {@code processes/} opens in Camunda Modeler as drawn: each element has its shape or edge,
 * and each process and decision says how long the engine keeps its history.
 */
class ProcessModelsTest {

    static List<Path> models(String extension) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            return files.filter(f -> f.toString().endsWith(extension)).sorted().toList();
        }
    }

    static List<Path> bpmnModels() throws IOException {
        return models(".bpmn");
    }

    static List<Path> dmnModels() throws IOException {
        return models(".dmn");
    }

    @ParameterizedTest
    @MethodSource("bpmnModels")
    void everyBpmnElementIsDrawnAndEveryProcessKeepsHistoryForAStatedTime(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        var processes = model.getModelElementsByType(Process.class);
        assertThat(processes).as("processes in %s", file).isNotEmpty();
        for (Process process : processes) {
            assertThat(process.isExecutable()).as("%s is executable", process.getId()).isTrue();
            assertThat(process.getCamundaHistoryTimeToLiveString()).as("historyTimeToLive of %s", process.getId())
                    .isNotBlank();
        }
        var elements = model.getModelElementsByType(FlowElement.class);
        assertThat(elements).as("elements of %s", file).isNotEmpty();
        assertThat(elements.stream().filter(e -> ((BaseElement) e).getDiagramElement() == null)
                .map(FlowElement::getId))
                .as("elements of %s without a shape or edge in the diagram", file).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("dmnModels")
    void everyDecisionKeepsHistoryForAStatedTime(Path file) {
        DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
        var decisions = model.getModelElementsByType(Decision.class);
        assertThat(decisions).as("decisions in %s", file).isNotEmpty();
        for (Decision decision : decisions) {
            assertThat(decision.getCamundaHistoryTimeToLiveString()).as("historyTimeToLive of %s", decision.getId())
                    .isNotBlank();
        }
    }
}
