package vn.childprotection.cases;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.relational.repository.Lock;
import org.springframework.data.repository.ListCrudRepository;

interface CaseFiles extends ListCrudRepository<CaseFile, UUID> {

    /**
     * The case file, its row locked until the transaction ends: a move or the closing reads the version the
     * other left, instead of failing on it.
     */
    @Lock(LockMode.PESSIMISTIC_WRITE)
    Optional<CaseFile> findLockedById(UUID id);
}
