package vn.childprotection.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.childprotection.common.InvalidInputException;
import vn.childprotection.common.Messages;

/**
 * What the register's search box finds: a child by name without diacritics or case ("nguyen thi hoa" finds
 * "Nguyễn Thị Hoa", anywhere in the name), a case number as typed in any case, a national ID, the reference a
 * reporting system gave one of its reports ({@code externalRef}).
 */
@Component
class SearchBox {

    private static final Pattern NATIONAL_ID = Pattern.compile("\\d{12}");
    /**
     * The most cases one reference finds: a reference names a call or a few; a system that sends the same one on
     * every report must not turn a search into a list of thousands of ids.
     */
    private static final int MAX_REFERENCED = 100;
    /** The longest search: a full name, a case number or a national ID are far shorter. */
    private static final int MAX_QUERY = 200;

    private final Messages messages;
    private final JdbcClient jdbc;

    SearchBox(Messages messages, JdbcClient jdbc) {
        this.messages = messages;
        this.jdbc = jdbc;
    }

    /**
     * The ways {@code q} finds a case, each an SQL condition on {@code case_file c}, their named parameters added
     * to {@code params}; none when nothing was typed. A case is found when any of them holds.
     */
    List<String> ways(String q, Map<String, Object> params) {
        if (q == null || q.isBlank()) {
            return List.of();
        }
        String typed = q.strip();
        if (typed.length() > MAX_QUERY) {
            throw new InvalidInputException("q", messages.text("validation.tooLong"));
        }
        // a wildcard typed is a character, not everything
        params.put("nameLike", "%" + NameKey.of(typed).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        params.put("caseNumber", typed.toUpperCase(Locale.ROOT));
        List<String> ways = new ArrayList<>(List.of("c.child_name_key like :nameLike escape '\\'",
                // case numbers are written in upper case (CaseNumbers): the number's own index answers
                "c.case_number = :caseNumber"));
        // the reference a reporting system gave a report (a hotline call id), as typed: looked up first by its own
        // index, so that the register's query stays a union of index scans of case_file
        List<UUID> referenced = jdbc.sql("select distinct case_id from report where external_ref = ? limit "
                        + MAX_REFERENCED).param(typed).query(UUID.class).list();
        if (!referenced.isEmpty()) {
            params.put("referencedCases", referenced);
            ways.add("c.id in (:referencedCases)");
        }
        if (NATIONAL_ID.matcher(typed).matches()) {
            params.put("nationalId", typed);
            ways.add("c.child_national_id = :nationalId");
        }
        return ways;
    }
}
