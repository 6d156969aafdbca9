package vn.childprotection.workflow.identity;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import vn.childprotection.directory.Directory;

/**
 * Lets the engine and the Camunda webapps see the directory's users and groups read-only:
 * one user store, nothing copied into the engine's ACT_ID tables.
 */
@Component
class DirectoryIdentityPlugin extends AbstractProcessEnginePlugin {

    private final Directory directory;
    private final PasswordEncoder passwordEncoder;

    DirectoryIdentityPlugin(Directory directory, PasswordEncoder passwordEncoder) {
        this.directory = directory;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setIdentityProviderSessionFactory(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return ReadOnlyIdentityProvider.class;
            }

            @Override
            public Session openSession() {
                return new DirectoryIdentityProvider(directory, passwordEncoder);
            }
        });
    }
}
