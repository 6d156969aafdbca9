package vn.childprotection.cases;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.childprotection.common.CaseNews;

/**
 * An item of the plan whose day passed without being delivered (asked or accepted still) is news for the
 * commune's workers, told once per item ({@code plan_item.overdue_told_at}; two nodes never both), while the case
 * is open. The inbox and the timeline show such items too; this reaches those who are not looking.
 */
@Component
class OverduePlanItems {

    private static final Logger log = LoggerFactory.getLogger(OverduePlanItems.class);

    private record Overdue(UUID itemId, UUID caseId, String caseNumber, String communeCode) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;

    OverduePlanItems(JdbcClient jdbc, Clock clock, TransactionTemplate tx, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.tx = tx;
        this.events = events;
    }

    @Scheduled(initialDelayString = "${child-protection.notifications.remind-every:PT1M}",
            fixedDelayString = "${child-protection.notifications.remind-every:PT1M}")
    void check() {
        try {
            tellOverdue(clock.instant());
        } catch (RuntimeException e) {
            log.warn("Overdue plan items not told: {}", e.toString());
        }
    }

    /** Tells of every item overdue by then and not told yet, each in its own transaction; returns how many. */
    int tellOverdue(Instant now) {
        LocalDate today = now.atZone(clock.getZone()).toLocalDate();
        List<Overdue> overdue = jdbc.sql("""
                        select i.id, c.id, c.case_number, c.commune_code from plan_item i join case_file c on c.id = i.case_id
                        where i.status in ('ASKED', 'ACCEPTED') and i.due_on < ? and i.overdue_told_at is null
                          and c.status = 'OPEN' order by i.due_on limit 500""")
                .param(Date.valueOf(today))
                .query((rs, n) -> new Overdue(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4)))
                .list();
        int told = 0;
        for (Overdue item : overdue) {
            Boolean done = tx.execute(status -> {
                if (jdbc.sql("update plan_item set overdue_told_at = ? where id = ? and overdue_told_at is null")
                        .params(Timestamp.from(now), item.itemId()).update() != 1) {
                    return false;
                }
                events.publishEvent(new CaseNews(CaseNews.What.PLAN_ITEM_OVERDUE, item.caseId(), item.caseNumber(),
                        item.communeCode(), null));
                return true;
            });
            told += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        return told;
    }
}
