package vn.childprotection.intake;

import java.net.URI;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import vn.childprotection.security.StaffPrincipal;

@RestController
class IntakeController {

    /** Said on an answer repeated for a retried request (the same Idempotency-Key and body). */
    static final String REPLAYED = "Idempotent-Replayed";

    private final IntakeService intake;
    private final IntakeIdempotency idempotency;

    public IntakeController(IntakeService intake, IntakeIdempotency idempotency) {
        this.intake = intake;
        this.idempotency = idempotency;
    }

    @PostMapping("/api/reports")
    public ResponseEntity<IntakeService.Receipt> report(@Valid @RequestBody ReportRequest request,
                                                        @RequestHeader(name = IntakeIdempotency.HEADER, required = false)
                                                        String idempotencyKey,
                                                        @AuthenticationPrincipal StaffPrincipal user) {
        String caller = user.getUsername();
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
            } catch (DuplicateKeyException sentMeanwhile) {
                // the same key came in another request at the same time: its answer is this one's
                if (attempt == 3) {
                    throw sentMeanwhile;
                }
            }
        }
    }

    private static ResponseEntity<IntakeService.Receipt> created(IntakeService.Receipt receipt, boolean replayed) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.created(URI.create("/api/cases/" + receipt.caseId()));
        if (replayed) {
            answer.header(REPLAYED, "true");
        }
        return answer.body(receipt);
    }
}
