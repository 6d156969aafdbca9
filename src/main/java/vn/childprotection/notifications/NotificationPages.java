package vn.childprotection.notifications;

import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import vn.childprotection.common.Messages;
import vn.childprotection.security.StaffPrincipal;
import vn.childprotection.web.PageController;

/** The list under the bell; opening a notification marks it read and leads to its task. */
@PageController
class NotificationPages {

    private final Notifications notifications;
    private final Messages messages;

    NotificationPages(Notifications notifications, Messages messages) {
        this.notifications = notifications;
        this.messages = messages;
    }

    @GetMapping("/notifications")
    String list(@AuthenticationPrincipal StaffPrincipal user, Model model) {
        model.addAttribute("lines", notifications.of(user.getUsername(), NotificationController.LIMIT).stream()
                .map(n -> NotificationController.line(n, messages)).toList());
        return "notifications/list";
    }

    @GetMapping("/notifications/{id}")
    String open(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal user) {
        String link = notifications.read(id, user.getUsername());
        // only ever a page of this application
        return "redirect:" + (link.startsWith("/") && !link.startsWith("//") ? link : "/notifications");
    }
}
