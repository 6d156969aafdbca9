/**
 * Notifications: who is told what, in the app (the bell) and by e-mail through an outbox that loses nothing.
 * Written in the transaction of the change that causes them (a task created by the engine); sent by a
 * dispatcher with retries. No child's name, description or other case content leaves in a message.
 */
@ApplicationModule(displayName = "Notifications", allowedDependencies = {"process", "directory", "security", "web", "common"})
package vn.childprotection.notifications;

import org.springframework.modulith.ApplicationModule;
