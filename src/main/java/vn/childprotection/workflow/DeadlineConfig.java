package vn.childprotection.workflow;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.childprotection.directory.Holidays;

@Configuration
class DeadlineConfig {

    @Bean
    Deadlines deadlines(DeadlineProperties properties, Holidays holidays) {
        return new Deadlines(properties, holidays::calendar);
    }
}
