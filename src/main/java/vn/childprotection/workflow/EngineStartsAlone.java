package vn.childprotection.workflow;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine is built (its schema created or checked, the models deployed) only once this node holds the start-up
 * lock ({@code startupLock}, in persistence): two nodes started together on an empty database no longer both
 * create the schema, which failed the second one.
 */
@Configuration
class EngineStartsAlone {

    @Bean
    static BeanFactoryPostProcessor engineAfterStartupLock() {
        return factory -> {
            for (Class<?> type : List.of(ProcessEngine.class, ProcessEngineConfiguration.class)) {
                for (String name : factory.getBeanNamesForType(type, true, false)) {
                    dependOnLock(factory, name);
                }
            }
        };
    }

    private static void dependOnLock(ConfigurableListableBeanFactory factory, String name) {
        String definition = name.startsWith("&") ? name.substring(1) : name;
        if (!factory.containsBeanDefinition(definition)) {
            return;
        }
        BeanDefinition bean = factory.getBeanDefinition(definition);
        Set<String> dependsOn = new LinkedHashSet<>();
        if (bean.getDependsOn() != null) {
            dependsOn.addAll(List.of(bean.getDependsOn()));
        }
        dependsOn.add("startupLock");
        bean.setDependsOn(dependsOn.toArray(String[]::new));
    }
}
