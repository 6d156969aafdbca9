package vn.childprotection.cases;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.Table;

/** The case file's root: one child, one case, in one commune. */
@Table("case_file")
public class CaseFile {

    @Id
    private final UUID id;
    private final String caseNumber;
    private CaseStatus status;
    private String communeCode;
    private final Instant openedAt;
    @Embedded.Nullable(prefix = "child_")
    private final Child child;
    @Version
    private Integer version;

    public CaseFile(UUID id, String caseNumber, CaseStatus status, String communeCode, Instant openedAt, Child child,
                    Integer version) {
        this.id = id;
        this.caseNumber = caseNumber;
        this.status = status;
        this.communeCode = communeCode;
        this.openedAt = openedAt;
        this.child = child;
        this.version = version;
    }

    static CaseFile open(String caseNumber, String communeCode, Instant openedAt, Child child) {
        return new CaseFile(UUID.randomUUID(), caseNumber, CaseStatus.OPEN, communeCode, openedAt, child, null);
    }

    public UUID id() {
        return id;
    }

    public String caseNumber() {
        return caseNumber;
    }

    public CaseStatus status() {
        return status;
    }

    public String communeCode() {
        return communeCode;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Child child() {
        return child;
    }

    /** The child moved to another commune: the case goes with them; saving checks nobody changed it meanwhile. */
    void transfer(String toCommuneCode) {
        if (status != CaseStatus.OPEN) {
            throw new IllegalStateException("Case " + caseNumber + " is closed");
        }
        this.communeCode = toCommuneCode;
    }

    /** The chair approved closing: the case file is closed. */
    void close() {
        this.status = CaseStatus.CLOSED;
    }
}
