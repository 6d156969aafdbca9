package vn.childprotection.notifications;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.childprotection.web.PageController;

/** For administrators: the e-mail that failed for good after its retries, with the error, and what still waits. */
@PageController
class OutboxPage {

    record Failed(String recipient, String subject, int attempts, String error, Instant createdAt) {
    }

    private final JdbcClient jdbc;

    OutboxPage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/admin/outbox")
    String outbox(Model model) {
        List<Failed> failed = jdbc.sql("""
                        select recipient, subject, attempts, last_error, created_at from outbox_message
                        where status = 'FAILED' order by created_at desc limit 200""")
                .query((rs, n) -> new Failed(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
        model.addAttribute("failed", failed);
        model.addAttribute("pending", jdbc.sql("select count(*) from outbox_message where status = 'PENDING'")
                .query(Long.class).single());
        return "notifications/outbox";
    }
}
