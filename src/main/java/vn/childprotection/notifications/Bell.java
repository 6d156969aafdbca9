package vn.childprotection.notifications;

import org.springframework.stereotype.Component;

/** The header's bell: how many of a person's notifications are unread ({@code @bell.unread(...)} in templates). */
@Component("bell")
public class Bell {

    private final Notifications notifications;

    Bell(Notifications notifications) {
        this.notifications = notifications;
    }

    public long unread(String username) {
        return notifications.unread(username);
    }
}
