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
import org.junit.jupiter.api.Test;
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

    /** Letters only Vietnamese writes with (vowels with diacritics, đ): a name with none is most likely English. */
    private static final java.util.regex.Pattern VIETNAMESE =
            java.util.regex.Pattern.compile("[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]",
                    java.util.regex.Pattern.CASE_INSENSITIVE);

    @ParameterizedTest
    @MethodSource("bpmnModels")
    void everyElementIsNamedInVietnameseForOfficials(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        var named = model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.FlowNode.class).stream()
                .filter(n -> !(n instanceof org.camunda.bpm.model.bpmn.instance.Gateway g) || g.getOutgoing().size() > 1
                        || n.getName() != null)
                .toList();
        assertThat(named.stream().filter(n -> n.getName() == null || n.getName().isBlank()).map(FlowElement::getId))
                .as("unnamed elements of %s", file).isEmpty();
        assertThat(named.stream().filter(n -> !VIETNAMESE.matcher(n.getName()).find()
                        && !n.getName().matches("(Không|Có|Song song|Đ.*)"))
                .map(n -> n.getId() + ": " + n.getName()))
                .as("names of %s not in Vietnamese", file).isEmpty();
        assertThat(model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Lane.class))
                .as("lanes per role in %s", file).isNotEmpty()
                .allSatisfy(lane -> assertThat(lane.getName()).matches(name -> VIETNAMESE.matcher(name).find()));
    }

    @ParameterizedTest
    @MethodSource("dmnModels")
    void everyDecisionAndItsColumnsAreNamedInVietnamese(Path file) {
        DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
        for (Decision decision : model.getModelElementsByType(Decision.class)) {
            assertThat(decision.getName()).as(decision.getId()).matches(name -> VIETNAMESE.matcher(name).find());
        }
        for (var input : model.getModelElementsByType(org.camunda.bpm.model.dmn.instance.Input.class)) {
            assertThat(input.getLabel()).as(input.getId()).matches(label -> VIETNAMESE.matcher(label).find());
        }
        for (var output : model.getModelElementsByType(org.camunda.bpm.model.dmn.instance.Output.class)) {
            assertThat(output.getLabel()).as(output.getId()).matches(label -> VIETNAMESE.matcher(label).find());
        }
    }

    @Test
    void theCaseDiagramHasALaneForEachRoleFitsAReadableWidthAndNoTwoFlowsRunOverEachOther() {
        BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("processes/child-protection-case.bpmn").toFile());
        assertThat(model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Lane.class))
                .extracting(org.camunda.bpm.model.bpmn.instance.Lane::getName)
                .containsExactly("Tiếp nhận tin báo", "Công an", "Chủ tịch UBND cấp xã", "Cán bộ bảo vệ trẻ em cấp xã",
                        "Sở Y tế tỉnh");
        var shapes = model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape.class);
        double left = shapes.stream().mapToDouble(sh -> sh.getBounds().getX()).min().orElseThrow();
        double right = shapes.stream().mapToDouble(sh -> sh.getBounds().getX() + sh.getBounds().getWidth()).max()
                .orElseThrow();
        assertThat(right - left).as("width of the case diagram").isLessThanOrEqualTo(2400);

        List<double[]> segments = new java.util.ArrayList<>();
        List<String> owners = new java.util.ArrayList<>();
        for (var edge : model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge.class)) {
            var points = List.copyOf(edge.getWaypoints());
            for (int i = 1; i < points.size(); i++) {
                segments.add(new double[] {points.get(i - 1).getX(), points.get(i - 1).getY(), points.get(i).getX(),
                        points.get(i).getY()});
                owners.add(edge.getBpmnElement().getId());
            }
        }
        for (int i = 0; i < segments.size(); i++) {
            for (int j = i + 1; j < segments.size(); j++) {
                if (!owners.get(i).equals(owners.get(j))) {
                    assertThat(overlap(segments.get(i), segments.get(j)))
                            .as("%s and %s run over each other", owners.get(i), owners.get(j)).isLessThan(2.0);
                }
            }
        }
    }

    /** How long two axis-parallel segments run along the same line (0 when they only cross or touch). */
    private static double overlap(double[] a, double[] b) {
        boolean aVertical = a[0] == a[2];
        boolean bVertical = b[0] == b[2];
        if (aVertical && bVertical && Math.abs(a[0] - b[0]) < 1) {
            return Math.min(Math.max(a[1], a[3]), Math.max(b[1], b[3])) - Math.max(Math.min(a[1], a[3]), Math.min(b[1], b[3]));
        }
        boolean aHorizontal = a[1] == a[3];
        boolean bHorizontal = b[1] == b[3];
        if (aHorizontal && bHorizontal && Math.abs(a[1] - b[1]) < 1) {
            return Math.min(Math.max(a[0], a[2]), Math.max(b[0], b[2])) - Math.max(Math.min(a[0], a[2]), Math.min(b[0], b[2]));
        }
        return 0;
    }

    @Test
    void everyDeadlineEscalatesThroughTheOneEscalationProcess() {
        for (String file : List.of("processes/child-protection-case.bpmn", "processes/police-referral.bpmn",
                "processes/follow-up-visit.bpmn")) {
            BpmnModelInstance model = Bpmn.readModelFromFile(Path.of(file).toFile());
            var timers = model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.BoundaryEvent.class).stream()
                    .filter(b -> b.getId().endsWith("Overdue")).toList();
            assertThat(timers).as("deadline timers in %s", file).isNotEmpty();
            for (var timer : timers) {
                var target = timer.getOutgoing().iterator().next().getTarget();
                assertThat(target).as("%s leads to the escalation process", timer.getId())
                        .isInstanceOf(org.camunda.bpm.model.bpmn.instance.CallActivity.class);
                assertThat(((org.camunda.bpm.model.bpmn.instance.CallActivity) target).getCalledElement())
                        .isEqualTo(ProcessIds.ESCALATION_PROCESS);
            }
            assertThat(model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.UserTask.class))
                    .as("no escalation task copied into %s", file)
                    .noneMatch(t -> t.getId().startsWith("Task_Escalate"));
        }
    }
}
