package vn.childprotection.cases;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.childprotection.audit.AuditTrail;
import vn.childprotection.common.ConflictException;
import vn.childprotection.common.InvalidInputException;
import vn.childprotection.common.Messages;
import vn.childprotection.common.NotFoundException;
import vn.childprotection.directory.People;
import vn.childprotection.directory.ServiceProviders;
import vn.childprotection.directory.ServiceProviders.ServiceKind;
import vn.childprotection.security.StaffPrincipal;

/**
 * Step 9 of the law, carrying out the plan (Mẫu 04): each item names the service, the provider from the directory,
 * what is to be done, who is responsible and by when, and is followed up from asked to accepted, then delivered or
 * not delivered (with why). Each item is a line of the case's timeline with its due day, so an item past its day
 * reads overdue there; the inbox lists them too. The need-to-know is the contact notes': never the police or intake.
 */
@Service
public class PlanItems {

    /** Where an item stands: asked of the provider, accepted by it, then delivered or not (the last two final). */
    public enum ItemStatus {
        ASKED, ACCEPTED, DELIVERED, NOT_DELIVERED;

        boolean isFinal() {
            return this == DELIVERED || this == NOT_DELIVERED;
        }
    }

    /** POST /api/cases/{caseId}/plan-items. */
    record NewItem(
            @NotNull(message = "{validation.required}") ServiceKind service,
            UUID providerId,
            @NotBlank(message = "{validation.required}") @Size(max = 2000, message = "{validation.tooLong}") String action,
            @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}") String responsible,
            @NotNull(message = "{validation.required}") LocalDate dueOn) {
    }

    /** POST /api/cases/{caseId}/plan-items/{itemId}/status: {@code outcome} says why an item was not delivered. */
    record StatusChange(
            @NotNull(message = "{validation.required}") ItemStatus status,
            @Size(max = 2000, message = "{validation.tooLong}") String outcome) {
    }

    /** An item as the case file, the decision pages and GET /api/cases/{caseId}/plan-items show it. */
    public record Item(UUID id, ServiceKind service, UUID providerId, String providerName, String providerContact,
                       String action, String responsible, LocalDate dueOn, ItemStatus status, String outcome,
                       boolean overdue, String addedBy, Instant addedAt, String updatedBy, Instant updatedAt) {
    }

    /** An item past its day, not delivered yet, as the inbox lists it. */
    public record OverdueItem(UUID caseId, String caseNumber, String childName, UUID itemId, ServiceKind service,
                              String action, String responsible, LocalDate dueOn) {
    }

    private final Jurisdiction jurisdiction;
    private final JdbcClient jdbc;
    private final ServiceProviders providers;
    private final People people;
    private final Clock clock;
    private final AuditTrail audit;
    private final Messages messages;

    PlanItems(Jurisdiction jurisdiction, JdbcClient jdbc, ServiceProviders providers, People people, Clock clock,
              AuditTrail audit, Messages messages) {
        this.jurisdiction = jurisdiction;
        this.jdbc = jdbc;
        this.providers = providers;
        this.people = people;
        this.clock = clock;
        this.audit = audit;
        this.messages = messages;
    }

    @Transactional
    public UUID add(UUID caseId, NewItem item, StaffPrincipal user) {
        Jurisdiction.Access access = jurisdiction.staffAccess(caseId, user, true);
        if (access.file().status() != CaseStatus.OPEN) {
            throw new ConflictException(messages.text("case.closed"));
        }
        if (item.dueOn().isBefore(LocalDate.now(clock))) {
            throw new InvalidInputException("dueOn", messages.text("validation.past"));
        }
        if (item.providerId() != null
                && providers.servingById(access.file().communeCode(), item.providerId()).isEmpty()) {
            throw new InvalidInputException("providerId", messages.text("planItem.providerElsewhere"));
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into plan_item (id, case_id, service, provider_id, action, responsible, due_on, status,
                                               added_by, added_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, caseId, item.service().name(), item.providerId(), item.action().strip(),
                        item.responsible().strip(), Date.valueOf(item.dueOn()), ItemStatus.ASKED.name(),
                        user.getUsername(), Timestamp.from(now))
                .update();
        // a line of the timeline with the item's day as its deadline (the end of that day, Vietnam time)
        Instant due = item.dueOn().plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        jdbc.sql("""
                        insert into case_event (id, case_id, task_id, type, detail, occurred_at, due_at, actor)
                        values (?, ?, ?, 'PLAN_ITEM', ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), caseId, id.toString(), shortDetail(item.service(), item.action()),
                        Timestamp.from(now), Timestamp.from(due), user.getUsername())
                .update();
        audit.record("PLAN_ITEM_ADDED", caseId, id.toString());
        return id;
    }

    @Transactional
    public void change(UUID caseId, UUID itemId, StatusChange change, StaffPrincipal user) {
        jurisdiction.staffAccess(caseId, user, true);
        ItemStatus current = jdbc.sql("select status from plan_item where id = ? and case_id = ?")
                .params(itemId, caseId).query(String.class).optional().map(ItemStatus::valueOf)
                .orElseThrow(() -> new NotFoundException("plan item " + itemId));
        if (current.isFinal()) {
            throw new ConflictException(messages.text("planItem.final"));
        }
        String outcome = change.outcome() == null || change.outcome().isBlank() ? null : change.outcome().strip();
        if (change.status() == ItemStatus.NOT_DELIVERED && outcome == null) {
            throw new InvalidInputException("outcome", messages.text("planItem.whyNot"));
        }
        Instant now = clock.instant();
        jdbc.sql("update plan_item set status = ?, outcome = ?, updated_by = ?, updated_at = ? where id = ?")
                .params(change.status().name(), outcome, user.getUsername(), Timestamp.from(now), itemId)
                .update();
        if (change.status().isFinal()) {
            jdbc.sql("update case_event set done_at = ?, outcome = ? where task_id = ? and type = 'PLAN_ITEM'")
                    .params(Timestamp.from(now), change.status() == ItemStatus.DELIVERED ? "DONE" : "NOT_DONE",
                            itemId.toString())
                    .update();
        }
        audit.record("PLAN_ITEM_" + change.status().name(), caseId, itemId.toString());
    }

    /** The case's items by due day; audited. */
    @Transactional
    public List<Item> of(UUID caseId, StaffPrincipal user) {
        jurisdiction.staffAccess(caseId, user, false);
        List<Item> items = forCase(caseId);
        audit.record("READ_PLAN_ITEMS", caseId, null);
        return items;
    }

    /** For the case page and the decision pages: the items when this user has the need-to-know, else nothing. */
    @Transactional(readOnly = true)
    public List<Item> onCasePage(UUID caseId, StaffPrincipal user) {
        return jurisdiction.needToKnow(caseId, user) ? forCase(caseId) : List.of();
    }

    /** The items past their day and not delivered, in the cases this user works whole (commune staff, supervisors). */
    @Transactional(readOnly = true)
    public List<OverdueItem> overdueFor(StaffPrincipal user) {
        Map<String, Object> params = new HashMap<>();
        Jurisdiction.ListGate gate = jurisdiction.visibleCases(user, params);
        params.put("today", Date.valueOf(LocalDate.now(clock)));
        return jdbc.sql("""
                        select c.id, c.case_number, c.child_full_name, i.id, i.service, i.action, i.responsible, i.due_on
                        from plan_item i join case_file c on c.id = i.case_id
                        where i.status in ('ASKED', 'ACCEPTED') and i.due_on < :today and c.status = 'OPEN'
                        and (""" + gate.full() + ") order by i.due_on, c.case_number limit 100")
                .params(params)
                .query((rs, n) -> new OverdueItem(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getObject(4, UUID.class), ServiceKind.valueOf(rs.getString(5)), rs.getString(6),
                        rs.getString(7), rs.getDate(8).toLocalDate()))
                .list();
    }

    List<Item> forCase(UUID caseId) {
        Function<String, String> names = people.names();
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("""
                        select i.id, i.service, i.provider_id, p.name, p.contact, i.action, i.responsible, i.due_on,
                               i.status, i.outcome, i.added_by, i.added_at, i.updated_by, i.updated_at
                        from plan_item i left join service_provider p on p.id = i.provider_id
                        where i.case_id = ? order by i.due_on, i.added_at""")
                .param(caseId)
                .query((rs, n) -> item(rs, names, today))
                .list();
    }

    private static Item item(ResultSet rs, Function<String, String> names, LocalDate today) throws SQLException {
        LocalDate due = rs.getDate(8).toLocalDate();
        ItemStatus status = ItemStatus.valueOf(rs.getString(9));
        Timestamp updated = rs.getTimestamp(14);
        return new Item(rs.getObject(1, UUID.class), ServiceKind.valueOf(rs.getString(2)), rs.getObject(3, UUID.class),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), due, status, rs.getString(10),
                !status.isFinal() && due.isBefore(today), names.apply(rs.getString(11)),
                rs.getTimestamp(12).toInstant(), rs.getString(13) == null ? null : names.apply(rs.getString(13)),
                updated == null ? null : updated.toInstant());
    }

    /** The timeline's words for an item: its service and the start of what is to be done. */
    private String shortDetail(ServiceKind service, String action) {
        String text = messages.text("enum.ServiceKind." + service.name()) + ": " + action.strip();
        return text.length() > 200 ? text.substring(0, 199) + "…" : text;
    }
}
