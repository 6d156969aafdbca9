package vn.childprotection.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import vn.childprotection.ApiTestBase;

class TaskApiTest extends ApiTestBase {

    /** A second worker of commune A, so that two people can reach for the same task. */
    static final String SECOND_WORKER = "worker.a2";

    @Autowired
    PasswordEncoder passwordEncoder;

    @BeforeEach
    void secondWorkerOfCommuneA() {
        if (jdbc.sql("select count(*) from staff_user where username = ?").param(SECOND_WORKER).query(Long.class).single() == 0) {
            jdbc.sql("insert into staff_user (username, display_name, password_hash, enabled, demo) values (?, ?, ?, true, true)")
                    .params(SECOND_WORKER, "Ngô Thị Lan", passwordEncoder.encode(PASSWORD)).update();
            jdbc.sql("insert into staff_role (username, role, commune_code) values (?, 'WORKER', ?)")
                    .params(SECOND_WORKER, COMMUNE_A).update();
        }
    }

    @Test
    void workerOfAnotherCommuneNeitherSeesNorClaimsTheTask() {
        String caseId = openCase(COMMUNE_A);
        String taskId = taskOf(caseId, "INITIAL_ASSESSMENT");

        assertThat(inboxTaskIds("worker.a")).contains(taskId);
        assertThat(inboxTaskIds("worker.b")).doesNotContain(taskId);
        assertThat(inboxTaskIds("worker.c")).doesNotContain(taskId);
        assertThat(post("worker.b", "/api/tasks/" + taskId + "/claim", null).status()).isEqualTo(404);
        assertThat(get("worker.b", "/api/cases/" + caseId).status()).isEqualTo(404);
    }

    @Test
    void twoUsersClaimingAtOnceExactlyOneWins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String taskId = taskOf(openCase(COMMUNE_A), "INITIAL_ASSESSMENT");
                CountDownLatch start = new CountDownLatch(1);
                List<CompletableFuture<Reply>> claims = new ArrayList<>();
                for (String user : List.of("worker.a", SECOND_WORKER)) {
                    claims.add(CompletableFuture.supplyAsync(() -> {
                        await(start);
                        return post(user, "/api/tasks/" + taskId + "/claim", null);
                    }, pool));
                }
                start.countDown();
                Reply first = claims.get(0).get();
                Reply second = claims.get(1).get();

                assertThat(List.of(first.status(), second.status())).containsExactlyInAnyOrder(200, 409);
                Reply loser = first.status() == 409 ? first : second;
                assertThat(loser.body().get("detail").asText()).isNotBlank();
                String winner = first.status() == 200 ? "worker.a" : SECOND_WORKER;
                assertThat(jdbc.sql("select assignee from task_inbox where task_id = ?").param(taskId)
                        .query(String.class).single()).isEqualTo(winner);
                assertThat(jdbc.sql("select ASSIGNEE_ from ACT_RU_TASK where ID_ = ?").param(taskId)
                        .query(String.class).single()).isEqualTo(winner);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void claimedTaskLeavesTheOthersClaimListAndComesBackWhenUnclaimed() {
        String taskId = taskOf(openCase(COMMUNE_A), "INITIAL_ASSESSMENT");

        Reply claimed = post("worker.a", "/api/tasks/" + taskId + "/claim", null);
        assertThat(claimed.status()).isEqualTo(200);
        assertThat(claimed.body().get("assignee").asText()).isEqualTo("worker.a");
        assertThat(inboxTaskIds(SECOND_WORKER)).doesNotContain(taskId);
        assertThat(post(SECOND_WORKER, "/api/tasks/" + taskId + "/claim", null).status()).isEqualTo(409);
        assertThat(post(SECOND_WORKER, "/api/tasks/" + taskId + "/unclaim", null).status()).isEqualTo(409);
        // claiming again what one holds is harmless
        assertThat(post("worker.a", "/api/tasks/" + taskId + "/claim", null).status()).isEqualTo(200);

        Reply released = post("worker.a", "/api/tasks/" + taskId + "/unclaim", null);
        assertThat(released.status()).isEqualTo(200);
        assertThat(released.body().get("assignee").isNull()).isTrue();
        assertThat(inboxTaskIds(SECOND_WORKER)).contains(taskId);
        assertThat(jdbc.sql("select ASSIGNEE_ from ACT_RU_TASK where ID_ = ?").param(taskId)
                .query(String.class).optional()).isEmpty();
    }

    @Test
    void completingTheAssessmentStoresMau02AndMovesTheCaseOn() {
        String caseId = openCase(COMMUNE_A);
        String taskId = taskOf(caseId, "INITIAL_ASSESSMENT");
        Map<String, Object> form = Map.of("dangerLevel", "LOW", "immediateDanger", false, "crimeSuspected", false,
                "summary", "Trẻ có vết bầm ở tay, sợ về nhà.");

        assertThat(post("worker.a", "/api/tasks/" + taskId + "/complete", form).status())
                .as("not claimed yet").isEqualTo(409);
        post("worker.a", "/api/tasks/" + taskId + "/claim", null);
        assertThat(post(SECOND_WORKER, "/api/tasks/" + taskId + "/complete", form).status())
                .as("held by someone else").isEqualTo(409);

        Reply done = post("worker.a", "/api/tasks/" + taskId + "/complete", form);

        assertThat(done.status()).isEqualTo(204);
        assertThat(inboxTaskIds("worker.a")).doesNotContain(taskId);
        Reply caseFile = get("worker.a", "/api/cases/" + caseId);
        assertThat(caseFile.body().at("/initialAssessments/0/dangerLevel").asText()).isEqualTo("LOW");
        assertThat(caseFile.body().at("/initialAssessments/0/assessedBy").asText()).isEqualTo("worker.a");
        assertThat(caseFile.body().get("openTasks").findValuesAsText("type")).containsExactly("RISK_NEEDS_ASSESSMENT");
    }

    @Test
    void invalidAssessmentIsRefusedFieldByFieldAndStoresNothing() {
        String caseId = openCase(COMMUNE_A);
        String taskId = taskOf(caseId, "INITIAL_ASSESSMENT");
        post("worker.a", "/api/tasks/" + taskId + "/claim", null);
        long assessments = count("initial_assessment");

        Reply missing = post("worker.a", "/api/tasks/" + taskId + "/complete", Map.of("dangerLevel", "HIGH"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("immediateDanger", "crimeSuspected", "summary");

        Reply unknownLevel = post("worker.a", "/api/tasks/" + taskId + "/complete",
                Map.of("dangerLevel", "EXTREME", "immediateDanger", true, "crimeSuspected", false, "summary", "x"));
        assertThat(unknownLevel.status()).isEqualTo(400);
        assertThat(unknownLevel.body().get("errors").findValuesAsText("field")).containsExactly("dangerLevel");

        Reply broken = post("worker.a", "/api/tasks/" + taskId + "/complete", "{not json");
        assertThat(broken.status()).isEqualTo(400);

        assertThat(count("initial_assessment")).isEqualTo(assessments);
        assertThat(inboxTaskIds("worker.a")).contains(taskId);
    }

    @Test
    void inboxIsSortedByDeadlineAndPaged() {
        openCase(COMMUNE_A);
        openCase(COMMUNE_A);
        Reply all = get("worker.a", "/api/tasks?size=200");
        List<String> dueDates = new ArrayList<>();
        all.body().forEach(t -> dueDates.add(t.get("dueAt").asText()));
        assertThat(dueDates.stream().map(java.time.OffsetDateTime::parse).map(java.time.OffsetDateTime::toInstant).toList())
                .isSorted();

        Reply firstPage = get("worker.a", "/api/tasks?page=0&size=1");
        Reply secondPage = get("worker.a", "/api/tasks?page=1&size=1");
        assertThat(firstPage.body()).hasSize(1);
        assertThat(secondPage.body()).hasSize(1);
        assertThat(firstPage.body().get(0).get("taskId")).isNotEqualTo(secondPage.body().get(0).get("taskId"));
        assertThat(get("worker.a", "/api/tasks?size=0").status()).isEqualTo(400);
        assertThat(get("worker.a", "/api/tasks?size=1000").status()).isEqualTo(400);
        assertThat(get("worker.a", "/api/tasks?page=-1").status()).isEqualTo(400);
    }

    @Test
    void unknownTaskIsNotFound() {
        assertThat(post("worker.a", "/api/tasks/" + UUID.randomUUID() + "/claim", null).status()).isEqualTo(404);
    }

    private List<String> inboxTaskIds(String user) {
        List<String> ids = new ArrayList<>();
        int page = 0;
        while (true) {
            Reply reply = get(user, "/api/tasks?size=200&page=" + page);
            assertThat(reply.status()).isEqualTo(200);
            reply.body().forEach(t -> ids.add(t.get("taskId").asText()));
            if (reply.body().size() < 200) {
                return ids;
            }
            page++;
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
