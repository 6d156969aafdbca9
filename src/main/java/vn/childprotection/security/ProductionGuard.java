package vn.childprotection.security;

import java.util.Arrays;
import java.util.List;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import jakarta.annotation.PostConstruct;

/** Refuses to start with demo data in production: demo users have a published password. */
@Component
class ProductionGuard {

    private final Environment environment;

    public ProductionGuard(Environment environment) {
        this.environment = environment;
    }

    @PostConstruct
    void check() {
        List<String> active = Arrays.asList(environment.getActiveProfiles());
        if (active.contains("prod") && active.contains("demo")) {
            throw new IllegalStateException("The demo profile must not be active together with prod");
        }
    }
}
