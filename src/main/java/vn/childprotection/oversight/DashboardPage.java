package vn.childprotection.oversight;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.childprotection.cases.CaseFileService;
import vn.childprotection.common.Messages;
import vn.childprotection.directory.Commune;
import vn.childprotection.directory.Directory;
import vn.childprotection.directory.Role;
import vn.childprotection.directory.RoleGrant;
import vn.childprotection.process.TaskType;
import vn.childprotection.security.StaffPrincipal;
import vn.childprotection.tasks.TaskInbox;
import vn.childprotection.web.PageController;

/** The supervisor's dashboard: open cases and overdue work by commune and by step, what falls due soon, escalations. */
@PageController
class DashboardPage {

    /** One bar of a chart: its label, its count and its length as a share of the longest bar (0–100). */
    record Bar(String label, long count, int percent) {
    }

    static final Duration SOON = Duration.ofHours(24);
    static final int LIST_LIMIT = 50;

    private final CaseFileService cases;
    private final TaskInbox inbox;
    private final Directory directory;
    private final Messages messages;
    private final Clock clock;

    DashboardPage(CaseFileService cases, TaskInbox inbox, Directory directory, Messages messages, Clock clock) {
        this.cases = cases;
        this.inbox = inbox;
        this.directory = directory;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/oversight")
    String dashboard(@AuthenticationPrincipal StaffPrincipal user, Model model) {
        Instant now = clock.instant();
        List<String> provinces = user.user().grants().stream()
                .filter(g -> g.role() == Role.SUPERVISOR).map(RoleGrant::provinceCode).toList();
        Map<String, Commune> communes = directory.communes().stream()
                .filter(c -> provinces.contains(c.provinceCode()))
                .collect(Collectors.toMap(Commune::code, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));

        Map<String, Long> open = cases.openCasesByCommune(communes.keySet());
        List<TaskInbox.OverdueCount> overdue = inbox.overdueCounts(provinces, now);
        Map<String, Long> overdueByCommune = overdue.stream().collect(Collectors.groupingBy(
                TaskInbox.OverdueCount::communeCode, Collectors.summingLong(TaskInbox.OverdueCount::count)));
        Map<TaskType, Long> overdueByStep = overdue.stream().collect(Collectors.groupingBy(
                TaskInbox.OverdueCount::type, Collectors.summingLong(TaskInbox.OverdueCount::count)));

        model.addAttribute("communes", communes.values());
        model.addAttribute("openTotal", open.values().stream().mapToLong(Long::longValue).sum());
        model.addAttribute("overdueTotal", overdue.stream().mapToLong(TaskInbox.OverdueCount::count).sum());
        model.addAttribute("openByCommune", bars(communes.values().stream()
                .map(c -> Map.entry(c.name(), open.getOrDefault(c.code(), 0L))).toList()));
        model.addAttribute("overdueByCommune", bars(communes.values().stream()
                .map(c -> Map.entry(c.name(), overdueByCommune.getOrDefault(c.code(), 0L))).toList()));
        model.addAttribute("overdueByStep", bars(overdueByStep.entrySet().stream()
                .sorted(Map.Entry.<TaskType, Long>comparingByValue().reversed())
                .map(e -> Map.entry(messages.text("task.type." + e.getKey().name()), e.getValue())).toList()));
        model.addAttribute("overdueTasks", inbox.overdue(provinces, now, 0, LIST_LIMIT));
        model.addAttribute("dueSoon", inbox.dueSoon(provinces, now, now.plus(SOON), LIST_LIMIT));
        model.addAttribute("escalations", inbox.openOfType(provinces, TaskType.ESCALATION, LIST_LIMIT));
        model.addAttribute("myGroups", user.groups());
        model.addAttribute("communeNames", communes.values().stream()
                .collect(Collectors.toMap(Commune::code, Commune::name)));
        model.addAttribute("now", now);
        return "oversight/dashboard";
    }

    private static List<Bar> bars(List<Map.Entry<String, Long>> values) {
        long max = values.stream().mapToLong(Map.Entry::getValue).max().orElse(0);
        return values.stream()
                .map(e -> new Bar(e.getKey(), e.getValue(), max == 0 ? 0 : (int) Math.round(100.0 * e.getValue() / max)))
                .sorted(Comparator.comparing(Bar::count).reversed())
                .toList();
    }

}
