/**
 * Filter chains, sign-in throttling, the second factor.
 */
@ApplicationModule(displayName = "Security", allowedDependencies = {"web", "common", "persistence", "directory"})
package vn.childprotection.security;

import org.springframework.modulith.ApplicationModule;
