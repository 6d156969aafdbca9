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
    /** The province of the case's commune, kept beside it for the register's index. */
    private String provinceCode;
    private final Instant openedAt;
    /** When the case's first report was received: its deadlines count from there. */
    private final Instant receivedAt;
    @Embedded.Nullable(prefix = "child_")
    private final Child child;
    /** The child's name as the register searches it ({@link NameKey}). */
    private final String childNameKey;
    @Version
    private Integer version;

    CaseFile(UUID id, String caseNumber, CaseStatus status, String communeCode, String provinceCode, Instant openedAt,
             Instant receivedAt, Child child, String childNameKey, Integer version) {
        this.id = id;
        this.caseNumber = caseNumber;
        this.status = status;
        this.communeCode = communeCode;
        this.provinceCode = provinceCode;
        this.openedAt = openedAt;
        this.receivedAt = receivedAt;
        this.child = child;
        this.childNameKey = childNameKey;
        this.version = version;
    }

    static CaseFile open(String caseNumber, String communeCode, String provinceCode, Instant openedAt, Instant receivedAt,
                         Child child) {
        return new CaseFile(UUID.randomUUID(), caseNumber, CaseStatus.OPEN, communeCode, provinceCode, openedAt, receivedAt,
                child, child == null ? null : NameKey.of(child.fullName()), null);
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

    public Instant receivedAt() {
        return receivedAt;
    }

    public Child child() {
        return child;
    }

    /** The child moved to another commune: the case goes with them; saving checks nobody changed it meanwhile. */
    void transfer(String toCommuneCode, String toProvinceCode) {
        if (status != CaseStatus.OPEN) {
            throw new IllegalStateException("Case " + caseNumber + " is closed");
        }
        this.communeCode = toCommuneCode;
        this.provinceCode = toProvinceCode;
    }

    /** The chair approved closing: the case file is closed. */
    void close() {
        this.status = CaseStatus.CLOSED;
    }

    /** The follow-up visit after closing found the child at risk again: the case file opens again. */
    void reopen() {
        if (status != CaseStatus.CLOSED) {
            throw new IllegalStateException("Case " + caseNumber + " is open");
        }
        this.status = CaseStatus.OPEN;
    }
}
