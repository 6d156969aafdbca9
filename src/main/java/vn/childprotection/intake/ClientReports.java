package vn.childprotection.intake;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import vn.childprotection.common.FieldMessage;
import vn.childprotection.common.InvalidInputException;
import vn.childprotection.common.Messages;
import vn.childprotection.directory.Directory;
import vn.childprotection.security.ClientPrincipal;

/**
 * What a client system may say of a report that a person of staff may: it files only for the communes and
 * provinces it was registered for (403), does not speak as the police (the police channel is the police's own
 * report, which starts their referral), and does not date a report back more than {@link #LATEST} (its deadlines
 * would all fire at once); a person entering a late paper report may.
 */
@Component
class ClientReports {

    static final Duration LATEST = Duration.ofDays(7);

    private final Directory directory;
    private final Messages messages;
    private final Clock clock;

    ClientReports(Directory directory, Messages messages, Clock clock) {
        this.directory = directory;
        this.messages = messages;
        this.clock = clock;
    }

    void check(ReportRequest request, ClientPrincipal client) {
        directory.communeInForce(request.communeCode())
                .filter(commune -> !client.mayReportFor(commune.code(), commune.provinceCode()))
                .ifPresent(commune -> {
                    throw new ResponseStatusException(HttpStatus.FORBIDDEN, messages.text("client.notItsCommune"));
                });
        List<FieldMessage> errors = new ArrayList<>();
        if (request.channel() == Channel.POLICE) {
            errors.add(new FieldMessage("channel", messages.text("client.policeChannel")));
        }
        if (request.receivedAt() != null && request.receivedAt().toInstant().isBefore(clock.instant().minus(LATEST))) {
            errors.add(new FieldMessage("receivedAt", messages.text("client.receivedLongAgo")));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
