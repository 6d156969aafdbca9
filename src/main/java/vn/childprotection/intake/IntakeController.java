package vn.childprotection.intake;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import vn.childprotection.common.NotFoundException;
import vn.childprotection.security.ClientPrincipal;

@RestController
class IntakeController {

    /** Said on an answer repeated for a retried request (the same Idempotency-Key and body). */
    static final String REPLAYED = "Idempotent-Replayed";

    private final IntakeService intake;
    private final IntakeIdempotency idempotency;
    private final ClientReports clientChecks;
    private final FiledReports filed;

    public IntakeController(IntakeService intake, IntakeIdempotency idempotency, ClientReports clientChecks,
                            FiledReports filed) {
        this.intake = intake;
        this.idempotency = idempotency;
        this.clientChecks = clientChecks;
        this.filed = filed;
    }

    @PostMapping("/api/reports")
    public ResponseEntity<IntakeService.Receipt> report(@Valid @RequestBody ReportRequest request,
                                                        @RequestHeader(name = IntakeIdempotency.HEADER, required = false)
                                                        String idempotencyKey,
                                                        Authentication user) {
        String caller = user.getName();
        if (user.getPrincipal() instanceof ClientPrincipal client) {
            clientChecks.check(request, client);
        }
        if (idempotencyKey == null) {
            return created(intake.receive(request, caller), false);
        }
        String key = idempotency.checked(idempotencyKey);
        String hash = idempotency.hash(request);
        for (int attempt = 1; ; attempt++) {
            Optional<IntakeService.Receipt> earlier = idempotency.earlier(caller, key, hash);
            if (earlier.isPresent()) {
                return created(earlier.get(), true);
            }
            try {
                return created(intake.receive(request, caller, idempotency.claim(caller, key, hash)), false);
            } catch (IntakeIdempotency.KeyTaken sentMeanwhile) {
                // the same key came in another request at the same time: its answer is this one's
                if (attempt == 3) {
                    throw sentMeanwhile;
                }
            }
        }
    }

    /** Where a case stands, for a caller (a client system) that filed a report in it; 404 for any other. */
    @GetMapping("/api/reports/{caseId}/status")
    public FiledReports.Status status(@PathVariable UUID caseId, Authentication user) {
        return filed.of(caseId, user.getName()).orElseThrow(() -> new NotFoundException("case " + caseId));
    }

    private static ResponseEntity<IntakeService.Receipt> created(IntakeService.Receipt receipt, boolean replayed) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.created(URI.create("/api/cases/" + receipt.caseId()));
        if (replayed) {
            answer.header(REPLAYED, "true");
        }
        return answer.body(receipt);
    }
}
