package vn.childprotection.notifications;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The outbox's dispatcher runs on Spring's scheduler. */
@Configuration
@EnableScheduling
class NotificationConfig {
}
