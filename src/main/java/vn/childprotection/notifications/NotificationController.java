package vn.childprotection.notifications;

import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.childprotection.common.Messages;
import vn.childprotection.security.StaffPrincipal;

/** GET /api/notifications and POST /api/notifications/{id}/read (API.md): the caller's own, newest first. */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

    /** The most a list shows: enough for a week of urgent work. */
    static final int LIMIT = 100;

    private final Notifications notifications;
    private final Messages messages;

    NotificationController(Notifications notifications, Messages messages) {
        this.notifications = notifications;
        this.messages = messages;
    }

    @GetMapping
    List<Notifications.Line> list(@AuthenticationPrincipal StaffPrincipal user) {
        return notifications.of(user.getUsername(), LIMIT).stream().map(n -> line(n, messages)).toList();
    }

    @PostMapping("/{id}/read")
    ResponseEntity<Void> read(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal user) {
        notifications.read(id, user.getUsername());
        return ResponseEntity.noContent().build();
    }

    /** A notification as its reader sees it: the title in their language. */
    static Notifications.Line line(Notifications.Stored n, Messages messages) {
        return new Notifications.Line(n.id(), n.kind().name(),
                messages.text("notification." + n.kind(), messages.text(n.stepKey()), n.caseNumber()),
                n.link(), n.createdAt(), n.read());
    }
}
