package vn.childprotection.directory;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The directory's side of a merge of communes: the new commune, the people and services that follow, the retired. */
@Service
public class Units {

    private final JdbcClient jdbc;
    private final Clock clock;

    Units(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A name a unit may have: present, at most 200 characters, no control or direction-changing character. */
    public static boolean name(String name) {
        return UnitCsv.name(name);
    }

    /** The communes' rows locked until the transaction ends: a merge and an import do not cross. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(List<String> codes) {
        jdbc.sql("select code from commune where code in (:codes) for update").param("codes", codes)
                .query(String.class).list();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void createCommune(String code, String name, String provinceCode, String type) {
        jdbc.sql("insert into commune (code, name, province_code, unit_type) values (?, ?, ?, ?)")
                .params(code, name, provinceCode, type).update();
    }

    /**
     * The people holding a commune role in the merged communes hold it in the new one (once each); the services
     * of those communes serve the new one. Returns how many people.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int moveStaffAndServices(List<String> from, String into) {
        List<String> people = jdbc.sql("select distinct username from staff_role where commune_code in (:from)")
                .param("from", from).query(String.class).list();
        // a role someone would hold twice in the new commune is kept once
        List<Long> rest = jdbc.sql("select id from staff_role where commune_code in (:from) order by id")
                .param("from", from).query(Long.class).list();
        for (Long id : rest) {
            String[] row = jdbc.sql("select username, role from staff_role where id = ?").param(id)
                    .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).single();
            boolean held = jdbc.sql("select count(*) from staff_role where username = ? and role = ? and commune_code = ?")
                    .params(row[0], row[1], into).query(Long.class).single() > 0;
            if (held) {
                jdbc.sql("delete from staff_role where id = ?").param(id).update();
            } else {
                jdbc.sql("update staff_role set commune_code = ? where id = ?").params(into, id).update();
            }
        }
        jdbc.sql("update service_provider set commune_code = :into where commune_code in (:from)")
                .param("into", into).param("from", from).update();
        return people.size();
    }

    /** The merged communes take nothing new from now on; their closed cases show {@code into} as what they are now. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void retire(List<String> from, String into) {
        jdbc.sql("update commune set retired_at = :now, successor_code = :into where code in (:from)")
                .param("now", Timestamp.from(clock.instant())).param("into", into).param("from", from).update();
    }
}
