package vn.childprotection.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** danger-triage.dmn, table by table. */
@Deployment(resources = "processes/danger-triage.dmn")
class DangerTriageDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    private DecisionService decisions;

    @BeforeEach
    void setUp() {
        decisions = engine.getProcessEngine().getDecisionService();
    }

    @ParameterizedTest(name = "immediate danger {0}, {1} danger, caregiver abuser {2} -> emergency {3}")
    @CsvSource({"true, LOW, false, true", "false, HIGH, false, true", "false, LOW, true, true", "true, HIGH, true, true",
            "false, MEDIUM, false, false", "false, LOW, false, false"})
    void emergency(boolean immediateDanger, String dangerLevel, boolean caregiverAbuser, boolean emergency) {
        var result = decisions.evaluateDecisionTableByKey("Emergency")
                .variables(Map.of("immediateDanger", immediateDanger, "dangerLevel", dangerLevel,
                        "caregiverAbuser", caregiverAbuser))
                .evaluate().getSingleResult();
        assertThat((Boolean) result.getEntry("emergency")).isEqualTo(emergency);
    }

    @ParameterizedTest(name = "immediate danger {0}, caregiver abuser {1} -> chair decides on separation {2}")
    @CsvSource({"true, false, true", "false, true, true", "false, false, false"})
    void chairDecidesOnSeparationOnlyWhereItMayBeNeeded(boolean immediateDanger, boolean caregiverAbuser, boolean chair) {
        var result = decisions.evaluateDecisionTableByKey("SeparationDecision")
                .variables(Map.of("immediateDanger", immediateDanger, "caregiverAbuser", caregiverAbuser))
                .evaluate().getSingleResult();
        assertThat((Boolean) result.getEntry("chairDecisionNeeded")).isEqualTo(chair);
    }

    @ParameterizedTest(name = "sexual {0}, trafficking {1}, crime {2} -> police {3}")
    @CsvSource({"true, false, false, true", "false, true, false, true", "false, false, true, true",
            "false, false, false, false"})
    void policeReferral(boolean sexualAbuse, boolean trafficking, boolean crimeSuspected, boolean police) {
        var result = decisions.evaluateDecisionTableByKey("PoliceReferral")
                .variables(Map.of("sexualAbuse", sexualAbuse, "trafficking", trafficking, "crimeSuspected", crimeSuspected))
                .evaluate().getSingleResult();
        assertThat((Boolean) result.getEntry("policeReferral")).isEqualTo(police);
    }

    @ParameterizedTest(name = "{0} danger, immediate {1}, age {2} -> emergency {3}, priority {4}")
    @CsvSource(nullValues = "null", value = {
            "LOW, true, 9, true, 90",
            "HIGH, false, 9, true, 90",
            "MEDIUM, false, 4, false, 70",
            "MEDIUM, false, 9, false, 60",
            "MEDIUM, false, null, false, 60",
            "LOW, false, 3, false, 40"})
    void triage(String dangerLevel, boolean immediateDanger, Integer childAge, boolean emergency, int priority) {
        Map<String, Object> facts = new HashMap<>(Map.of("dangerLevel", dangerLevel, "immediateDanger", immediateDanger,
                "caregiverAbuser", false, "sexualAbuse", true, "trafficking", false, "crimeSuspected", false));
        facts.put("childAge", childAge);

        DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(ProcessIds.TRIAGE_DECISION)
                .variables(facts).evaluate().getSingleResult();

        assertThat((Boolean) result.getEntry("emergency")).isEqualTo(emergency);
        assertThat((Boolean) result.getEntry("policeReferral")).as("sexual abuse goes to the police").isTrue();
        assertThat(((Number) result.getEntry("priority")).intValue()).isEqualTo(priority);
    }
}
