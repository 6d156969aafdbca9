package vn.childprotection;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ChildProtectionApplication {

    public static void main(String[] args) {
        SpringApplication.run(ChildProtectionApplication.class, args);
    }
}
