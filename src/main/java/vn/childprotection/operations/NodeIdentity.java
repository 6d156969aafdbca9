package vn.childprotection.operations;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Every node of a cluster names itself: {@code child-protection.node-id} (environment {@code CHILD_PROTECTION_NODE_ID}),
 * or else the machine's host name. Settled before anything starts, so that the engine's lock owner and job log, the
 * log lines and {@code /actuator/info} all read the same name.
 */
class NodeIdentity implements EnvironmentPostProcessor {

    static final String PROPERTY = "child-protection.node-id";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty(PROPERTY, "").strip();
        String id = configured.isEmpty() ? usable(hostName()) : configured;
        if (!id.matches("[A-Za-z0-9._-]{1,64}")) {
            // it goes into the engine's LOCK_OWNER_ (255) and HOSTNAME_ columns and into every log line
            throw new IllegalStateException(PROPERTY + " must be 1-64 letters, digits, '.', '_' or '-': " + id);
        }
        environment.getPropertySources().addFirst(new MapPropertySource("nodeIdentity", Map.of(PROPERTY, id)));
    }

    /** A host name as a node id: what the id may not hold becomes '-', at most 64 characters. */
    static String usable(String hostName) {
        String id = hostName.replaceAll("[^A-Za-z0-9._-]", "-");
        return id.isEmpty() ? "node" : id.substring(0, Math.min(64, id.length()));
    }

    static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "node";
        }
    }
}
