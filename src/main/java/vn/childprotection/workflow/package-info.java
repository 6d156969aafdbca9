/**
 * The engine is an outer ring: the only package that knows Camunda, process variable names, {@code Date} and
 * BPMN ids. It implements the {@code process} port; nothing imports it. Its types are package-private but for
 * the beans the models call by name ({@code deadlines}, {@code emergencies}, {@code escalations},
 * {@code investigations}, {@code policeReferrals}, {@code reminders}, {@code separations}: the engine's expression
 * language reaches public classes only), the webapp's authentication provider, which Camunda creates by its
 * name, and {@link vn.childprotection.workflow.ProcessIds}, which tests in other packages name.
 */
@ApplicationModule(displayName = "Workflow (Camunda 7)", allowedDependencies = {"process", "directory", "audit"})
package vn.childprotection.workflow;

import org.springframework.modulith.ApplicationModule;
