package vn.childprotection.workflow;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.management.Metrics;
import org.camunda.bpm.engine.impl.metrics.Meter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The job executor of this node as counters ({@code childprotection.engine.job.*}): acquisition attempts, jobs
 * acquired, jobs not acquired because another node locked them first, jobs executed, failed and rejected (the
 * executor's queue full). Read from the engine's own metrics: what this node has reported to
 * {@code ACT_RU_METER_LOG} (under its node name, {@link EngineNode}) plus what it has counted since.
 */
@Component
class EngineMetrics implements MeterBinder {

    private static final Map<String, String> COUNTERS = Map.of(
            Metrics.JOB_ACQUISITION_ATTEMPT, "Job acquisition attempts",
            Metrics.JOB_ACQUIRED_SUCCESS, "Jobs acquired and locked",
            Metrics.JOB_ACQUIRED_FAILURE, "Jobs another node locked first",
            Metrics.JOB_SUCCESSFUL, "Jobs executed",
            Metrics.JOB_FAILED, "Jobs that failed",
            Metrics.JOB_EXECUTION_REJECTED, "Jobs the executor's queue refused");

    private final ProcessEngine engine;
    private final String nodeId;

    EngineMetrics(ProcessEngine engine, @Value("${child-protection.node-id}") String nodeId) {
        this.engine = engine;
        this.nodeId = nodeId;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        COUNTERS.forEach((name, description) -> FunctionCounter.builder(
                        "childprotection.engine." + name.replace('-', '.'), this, self -> self.total(name))
                .description(description).register(registry));
    }

    private double total(String name) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        Meter unreported = configuration.getMetricsRegistry().getDbMeterByName(name);
        long reported = configuration.isDbMetricsReporterActivate()
                ? engine.getManagementService().createMetricsQuery().name(name).reporter(nodeId).sum() : 0;
        return reported + (unreported == null ? 0 : unreported.get());
    }
}
