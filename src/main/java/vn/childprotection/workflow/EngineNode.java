package vn.childprotection.workflow;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The engine of this node carries the node's name ({@code child-protection.node-id}): as the owner of the jobs its
 * executor locks ({@code ACT_RU_JOB.LOCK_OWNER_}, so that an operator sees which node holds what, and a node killed
 * while holding jobs is named), as the host of its job log and as the reporter of its metrics.
 */
@Component
class EngineNode extends AbstractProcessEnginePlugin {

    private final String nodeId;

    EngineNode(@Value("${child-protection.node-id}") String nodeId) {
        this.nodeId = nodeId;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHostname(nodeId);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getJobExecutor() != null) {
            configuration.getJobExecutor().setLockOwner(nodeId);
        }
    }
}
