/**
 * Running as one of several identical nodes on one database: each node's name, a database outage answered as
 * {@code 503} with {@code Retry-After}, and the metrics operators scrape ({@code /actuator/prometheus}).
 */
@ApplicationModule(displayName = "Operations", allowedDependencies = {"common"})
package vn.childprotection.operations;

import org.springframework.modulith.ApplicationModule;
