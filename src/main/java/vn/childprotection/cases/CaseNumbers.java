package vn.childprotection.cases;

import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.stereotype.Component;

/** Readable, unique case numbers: {@code CP-2026-000123}, the year of opening in the business time zone. */
@Component
class CaseNumbers {

    private final DataFieldMaxValueIncrementer sequence;
    private final ZoneId zone;

    public CaseNumbers(DataSource dataSource, Clock clock)
            throws MetaDataAccessException {
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        this.sequence = product.toLowerCase().contains("postgres")
                ? new PostgresSequenceMaxValueIncrementer(dataSource, "case_number_seq")
                : new H2SequenceMaxValueIncrementer(dataSource, "case_number_seq");
        this.zone = clock.getZone();
    }

    public String next(Instant openedAt) {
        return "CP-%d-%06d".formatted(openedAt.atZone(zone).getYear(), sequence.nextLongValue());
    }
}
