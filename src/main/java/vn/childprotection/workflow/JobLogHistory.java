package vn.childprotection.workflow;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevelAudit;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The engine's history level, {@value AuditWithJobLog#NAME}: Camunda's {@code audit} (processes, activities, tasks,
 * variables) and its job log ({@code ACT_HI_JOB_LOG}), where each timer and asynchronous job is recorded when it is
 * created, when it fails, succeeds or is deleted, with the node that did it ({@code HOSTNAME_}, the node's name, see
 * {@link EngineNode}). An operator then sees which node fired which deadline and why a job failed; Cockpit shows it
 * under each process. Camunda's {@code full} level would add this and much more (every variable change, every
 * operation log entry); {@code audit} has no job log at all.
 *
 * <p>The engine stores the id of its level in {@code ACT_GE_PROPERTY} and refuses to start when the configured level
 * differs. A database created at {@code audit} (id 2) is therefore moved to this level, once, before the engine checks
 * it, under the start-up lock (the engine beans wait for it, see {@link EngineStartsAlone}). The move only adds
 * history from then on; going back to {@code audit} means setting the property back to 2 by hand.
 */
@Component
class JobLogHistory extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(JobLogHistory.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryLevel> custom = new ArrayList<>();
        if (configuration.getCustomHistoryLevels() != null) {
            custom.addAll(configuration.getCustomHistoryLevels());
        }
        custom.add(new AuditWithJobLog());
        configuration.setCustomHistoryLevels(custom);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (AuditWithJobLog.NAME.equals(configuration.getHistory())) {
            moveFromAudit(configuration.getDataSource());
        }
    }

    /** A database the engine created at {@code audit} now records at this level; an empty one is left alone. */
    static void moveFromAudit(DataSource dataSource) {
        int moved;
        try {
            moved = JdbcClient.create(dataSource).sql("""
                            update ACT_GE_PROPERTY set VALUE_ = ?, REV_ = REV_ + 1
                            where NAME_ = 'historyLevel' and VALUE_ = ?""")
                    .params(Integer.toString(AuditWithJobLog.ID), Integer.toString(HistoryLevel.HISTORY_LEVEL_AUDIT.getId()))
                    .update();
        } catch (BadSqlGrammarException noEngineTablesYet) {
            return;
        }
        if (moved > 0) {
            LOG.info("Engine history level moved from audit to {}: the job log is kept from now on", AuditWithJobLog.NAME);
        }
    }

    /** Camunda's audit level and the job log's four events. */
    static final class AuditWithJobLog extends HistoryLevelAudit {

        static final String NAME = "audit-with-job-log";

        /** Not one of Camunda's (0 to 3): stored in ACT_GE_PROPERTY, so it must never change. */
        static final int ID = 12;

        @Override
        public int getId() {
            return ID;
        }

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
            return super.isHistoryEventProduced(eventType, entity)
                    || eventType == HistoryEventTypes.JOB_CREATE
                    || eventType == HistoryEventTypes.JOB_FAIL
                    || eventType == HistoryEventTypes.JOB_SUCCESS
                    || eventType == HistoryEventTypes.JOB_DELETE;
        }
    }
}
