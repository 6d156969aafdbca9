/**
 * One file per step form of the case process, named after the step and its BPMN element (the README's table of
 * steps lists them with their Mẫu): its fields and limits, its rules across fields, what it stores and what it
 * decides. The police forms are in {@code police}.
 */
@ApplicationModule(displayName = "Steps of the law", allowedDependencies = {"cases", "process", "common"})
package vn.childprotection.steps;

import org.springframework.modulith.ApplicationModule;
