/**
 * Police referrals, forwarding to the investigation agency, investigation outcomes; the police forms.
 */
@ApplicationModule(displayName = "Police", allowedDependencies = {"security", "directory", "process", "common", "cases", "audit"})
package vn.childprotection.police;

import org.springframework.modulith.ApplicationModule;
