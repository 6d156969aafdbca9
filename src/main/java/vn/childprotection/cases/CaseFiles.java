package vn.childprotection.cases;

import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

interface CaseFiles extends ListCrudRepository<CaseFile, UUID> {
}
