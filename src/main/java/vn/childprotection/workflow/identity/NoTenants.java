package vn.childprotection.workflow.identity;

import java.util.List;

import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.TenantQueryImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;

/** The engine's tenant query: the application has no tenants, so it finds none. */
final class NoTenants extends TenantQueryImpl {

    NoTenants() {
    }

    NoTenants(CommandExecutor executor) {
        super(executor);
    }

    @Override
    public long executeCount(CommandContext commandContext) {
        return 0;
    }

    @Override
    public List<Tenant> executeList(CommandContext commandContext, Page page) {
        return List.of();
    }
}
