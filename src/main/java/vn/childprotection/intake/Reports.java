package vn.childprotection.intake;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface Reports extends ListCrudRepository<Report, UUID> {

    @Query("select * from report where case_id = :caseId order by received_at")
    List<Report> findByCaseId(UUID caseId);

    boolean existsByCaseIdAndRecordedBy(UUID caseId, String recordedBy);
}
