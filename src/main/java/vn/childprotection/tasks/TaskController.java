package vn.childprotection.tasks;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

import vn.childprotection.common.Messages;
import vn.childprotection.process.DeadlineState;
import vn.childprotection.process.OpenTask;
import vn.childprotection.process.TaskType;
import vn.childprotection.security.StaffPrincipal;
import vn.childprotection.web.ApiProblems;
import vn.childprotection.web.Paging;

@RestController
@RequestMapping("/api/tasks")
class TaskController {

    /** A task as the inbox shows it; {@code name} in the caller's language. */
    record InboxTask(String taskId, UUID caseId, String caseNumber, TaskType type, String name,
                            String assignee, Instant createdAt, Instant dueAt, boolean overdue, int priority) {
    }

    private final WorkTaskService tasks;
    private final Messages messages;
    private final ApiProblems problems;
    private final Clock clock;

    private final Paging paging;

    public TaskController(WorkTaskService tasks, Messages messages, ApiProblems problems, Clock clock,
                          Paging paging) {
        this.paging = paging;
        this.tasks = tasks;
        this.messages = messages;
        this.problems = problems;
        this.clock = clock;
    }

    @GetMapping
    public List<InboxTask> inbox(@AuthenticationPrincipal StaffPrincipal user,
                                 @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "50") int size) {
        paging.check(page, size);
        return tasks.inbox(user, page, size).stream().map(this::view).toList();
    }

    @PostMapping("/{taskId}/claim")
    public InboxTask claim(@PathVariable String taskId, @AuthenticationPrincipal StaffPrincipal user) {
        return view(tasks.claim(taskId, user));
    }

    @PostMapping("/{taskId}/unclaim")
    public InboxTask unclaim(@PathVariable String taskId, @AuthenticationPrincipal StaffPrincipal user) {
        return view(tasks.unclaim(taskId, user));
    }

    @PostMapping("/{taskId}/complete")
    public ResponseEntity<Void> complete(@PathVariable String taskId, @RequestBody(required = false) JsonNode body,
                                         @AuthenticationPrincipal StaffPrincipal user) {
        tasks.complete(taskId, body, user);
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(UnreadableFormException.class)
    ProblemDetail unreadableForm(UnreadableFormException e) {
        return problems.unreadable(e.getCause());
    }

    private InboxTask view(OpenTask t) {
        return new InboxTask(t.taskId(), t.caseId(), t.caseNumber(), t.type(), messages.text(t.titleKey()),
                t.assignee(), t.createdAt(), t.dueAt(), DeadlineState.of(t.dueAt(), null, clock).missed(), t.priority());
    }

}
