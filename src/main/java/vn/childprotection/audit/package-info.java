/**
 * The hash-chained audit trail of every access to a child's file.
 */
@ApplicationModule(displayName = "Audit", allowedDependencies = {})
package vn.childprotection.audit;

import org.springframework.modulith.ApplicationModule;
