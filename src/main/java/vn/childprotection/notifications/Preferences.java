package vn.childprotection.notifications;

import java.sql.Time;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What each person chose to receive: per topic, each channel on or off (everything on until they change it; urgent
 * work in the app cannot be turned off), and quiet hours in Vietnam time during which e-mail that is not urgent
 * waits until they end.
 */
@Component
class Preferences {

    /** Kinds of message as a person chooses them. */
    enum Topic {
        /** Immediate danger, the emergency steps, escalations. */
        URGENT,
        /** Other new work, gathered into one e-mail per person at most every interval. */
        NEW_WORK,
        /** A deadline near. */
        REMINDER,
        /** Something happened to a case of mine. */
        CASE_NEWS,
        /** The daily digest of my work; for supervisors the weekly summary of the province. */
        DIGEST;

        /** The channels a person may choose for this topic: text messages only for urgent work, digests only by mail. */
        public boolean offers(Channel channel) {
            return switch (channel) {
                case APP -> this != DIGEST;
                case EMAIL -> true;
                case SMS -> this == URGENT;
            };
        }
    }

    enum Channel { APP, EMAIL, SMS }

    /** Quiet hours: from {@code from} to {@code to}, across midnight when {@code to} is earlier. */
    record Quiet(LocalTime from, LocalTime to) {
    }

    /** One person's choices. */
    record Settings(Map<Topic, Map<Channel, Boolean>> choices, Quiet quiet) {

        boolean wants(Topic topic, Channel channel) {
            if (!topic.offers(channel)) {
                return false;
            }
            if (topic == Topic.URGENT && channel == Channel.APP) {
                return true;
            }
            return choices.getOrDefault(topic, Map.of()).getOrDefault(channel, true);
        }

        /**
         * When a mail of this topic sent at {@code now} may leave: {@code null} for at once (urgent, or outside quiet
         * hours), else the end of the quiet hours.
         */
        Instant mailNotBefore(Topic topic, Instant now, Clock clock) {
            if (topic == Topic.URGENT || quiet == null || quiet.from().equals(quiet.to())) {
                return null;
            }
            ZonedDateTime local = now.atZone(clock.getZone());
            LocalTime time = local.toLocalTime();
            boolean acrossMidnight = quiet.to().isBefore(quiet.from());
            boolean inside = acrossMidnight
                    ? !time.isBefore(quiet.from()) || time.isBefore(quiet.to())
                    : !time.isBefore(quiet.from()) && time.isBefore(quiet.to());
            if (!inside) {
                return null;
            }
            ZonedDateTime end = local.with(quiet.to()).withSecond(0).withNano(0);
            return (end.isAfter(local) ? end : end.plusDays(1)).toInstant();
        }
    }

    private final JdbcClient jdbc;

    Preferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Settings of(String username) {
        Map<Topic, Map<Channel, Boolean>> choices = new EnumMap<>(Topic.class);
        jdbc.sql("select topic, channel, enabled from notification_preference where username = ?").param(username)
                .query(rs -> {
                    choices.computeIfAbsent(Topic.valueOf(rs.getString(1)), t -> new EnumMap<>(Channel.class))
                            .put(Channel.valueOf(rs.getString(2)), rs.getBoolean(3));
                });
        Quiet quiet = jdbc.sql("select quiet_from, quiet_to from notification_quiet_hours where username = ?")
                .param(username)
                .query((rs, n) -> new Quiet(rs.getTime(1).toLocalTime(), rs.getTime(2).toLocalTime()))
                .optional().orElse(null);
        return new Settings(choices, quiet);
    }

    /** Stores a person's choices whole: every topic and channel offered, and quiet hours or none. */
    void save(String username, Map<Topic, Map<Channel, Boolean>> choices, Quiet quiet) {
        jdbc.sql("delete from notification_preference where username = ?").param(username).update();
        for (Topic topic : Topic.values()) {
            for (Channel channel : Channel.values()) {
                boolean on = choices.getOrDefault(topic, Map.of()).getOrDefault(channel, true);
                if (topic.offers(channel) && !on && !(topic == Topic.URGENT && channel == Channel.APP)) {
                    jdbc.sql("insert into notification_preference (username, topic, channel, enabled) values (?, ?, ?, false)")
                            .params(username, topic.name(), channel.name()).update();
                }
            }
        }
        jdbc.sql("delete from notification_quiet_hours where username = ?").param(username).update();
        if (quiet != null) {
            jdbc.sql("insert into notification_quiet_hours (username, quiet_from, quiet_to) values (?, ?, ?)")
                    .params(username, Time.valueOf(quiet.from()), Time.valueOf(quiet.to())).update();
        }
    }
}
