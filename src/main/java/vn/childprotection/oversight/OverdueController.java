package vn.childprotection.oversight;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.childprotection.common.Messages;
import vn.childprotection.directory.Role;
import vn.childprotection.directory.RoleGrant;
import vn.childprotection.process.OpenTask;
import vn.childprotection.security.StaffPrincipal;
import vn.childprotection.tasks.TaskInbox;
import vn.childprotection.web.Paging;

/** For supervisors: open work in their province that is past its legal deadline. */
@RestController
class OverdueController {

    /** One overdue task; {@code name} in the caller's language, {@code overdueBy} as an ISO-8601 duration. */
    record OverdueTask(String taskId, UUID caseId, String caseNumber, String communeCode, String type,
                              String name, String candidateGroup, String assignee, Instant dueAt, Duration overdueBy) {
    }

    private final TaskInbox inbox;
    private final Messages messages;
    private final Clock clock;

    private final Paging paging;

    public OverdueController(TaskInbox inbox, Messages messages, Clock clock, Paging paging) {
        this.paging = paging;
        this.inbox = inbox;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/api/oversight/overdue")
    @Transactional(readOnly = true)
    public List<OverdueTask> overdue(@AuthenticationPrincipal StaffPrincipal user,
                                     @RequestParam(defaultValue = "0") int page,
                                     @RequestParam(defaultValue = "50") int size) {
        paging.check(page, size);
        List<String> provinces = user.user().grants().stream()
                .filter(g -> g.role() == Role.SUPERVISOR).map(RoleGrant::provinceCode).toList();
        Instant now = clock.instant();
        return inbox.overdue(provinces, now, page, size).stream().map(t -> view(t, now)).toList();
    }

    private OverdueTask view(OpenTask t, Instant now) {
        return new OverdueTask(t.taskId(), t.caseId(), t.caseNumber(), t.communeCode(), t.type().name(),
                messages.text("task.type." + t.type().name()), t.candidateGroup(), t.assignee(), t.dueAt(),
                Duration.between(t.dueAt(), now).withNanos(0));
    }

}
