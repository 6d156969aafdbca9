package vn.childprotection.directory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Read access to administrative units and staff. */
@Service
public class Directory {

    private final JdbcClient jdbc;

    public Directory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The communes in force (not retired into a successor), by province. */
    public List<Commune> communes() {
        return jdbc.sql("""
                        select c.code, c.name, c.province_code, p.name as province_name
                        from commune c join province p on p.code = c.province_code
                        where c.retired_at is null
                        order by p.code, c.code""")
                .query((rs, n) -> new Commune(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** Every commune, retired ones too: the names closed cases are shown with. */
    public List<Commune> allCommunes() {
        return jdbc.sql("""
                        select c.code, c.name, c.province_code, p.name as province_name
                        from commune c join province p on p.code = c.province_code
                        order by p.code, c.code""")
                .query((rs, n) -> new Commune(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    public Optional<Commune> commune(String code) {
        return jdbc.sql("""
                        select c.code, c.name, c.province_code, p.name as province_name
                        from commune c join province p on p.code = c.province_code
                        where c.code = ?""")
                .param(code)
                .query((rs, n) -> new Commune(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    /**
     * The commune if it is in force: a retired one takes no new report, role or case. Inside a transaction the
     * commune's row stays locked until it ends, so a report, transfer or role given while a merge retires the commune
     * waits for the merge and is then refused, never stored in the retired commune.
     */
    public Optional<Commune> communeInForce(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String lock = TransactionSynchronizationManager.isActualTransactionActive() ? " for update" : "";
        boolean inForce = !jdbc.sql("select code from commune where code = ? and retired_at is null" + lock)
                .param(code).query(String.class).list().isEmpty();
        return inForce ? commune(code) : Optional.empty();
    }

    /**
     * What a retired commune is now, following successors ("Phường Ba Đình, Thành phố Hà Nội"); null for a
     * commune in force or one retired without a successor. Pages call it ({@code @directory.successorName}).
     */
    public String successorName(String code) {
        String at = code;
        String successor = null;
        for (int hops = 0; hops < 10; hops++) {
            String next = jdbc.sql("select successor_code from commune where code = ? and retired_at is not null")
                    .param(at).query(String.class).optional().orElse(null);
            if (next == null) {
                break;
            }
            successor = next;
            at = next;
        }
        return successor == null ? null : commune(successor).map(c -> c.name() + ", " + c.provinceName()).orElse(null);
    }

    /** What the commune is now: itself while in force, else the last of its successors (itself if it has none). */
    public String current(String code) {
        String at = code;
        for (int hops = 0; hops < 10; hops++) {
            String next = jdbc.sql("select successor_code from commune where code = ? and retired_at is not null")
                    .param(at).query(String.class).optional().orElse(null);
            if (next == null) {
                return at;
            }
            at = next;
        }
        return at;
    }

    /** The communes and every commune merged into them, however long ago: whose cases their staff still answer for. */
    public java.util.Set<String> withPredecessors(java.util.Set<String> communes) {
        java.util.Set<String> all = new java.util.HashSet<>(communes);
        java.util.Set<String> wave = communes;
        while (!wave.isEmpty()) {
            java.util.Set<String> older = new java.util.HashSet<>(jdbc.sql(
                            "select code from commune where successor_code in (:codes) and retired_at is not null")
                    .param("codes", wave).query(String.class).list());
            older.removeAll(all);
            all.addAll(older);
            wave = older;
        }
        return all;
    }

    public Optional<String> provinceName(String code) {
        return jdbc.sql("select name from province where code = ?").param(code).query(String.class).optional();
    }

    public List<String> provinceCodes() {
        return jdbc.sql("select code from province order by code").query(String.class).list();
    }

    public Optional<StaffUser> user(String username) {
        List<StaffUser> found = users("where u.username = ?", username);
        return found.stream().findFirst();
    }

    public List<StaffUser> users() {
        return users("", null);
    }

    /** Someone a notification reaches: their e-mail address (may be none) and language. */
    public record Recipient(String username, String email, String language, String phone) {
    }

    /** The members of an engine candidate group who can sign in (e.g. {@code worker-00004}). */
    public List<Recipient> members(String group) {
        List<Recipient> members = new ArrayList<>();
        // the group's role, and its unit (a commune or a province), so that only its holders are read
        Role role = null;
        String unit = null;
        for (String[] prefix : new String[][] {{"police-supervisor-", "POLICE_SUPERVISOR"}, {"supervisor-", "SUPERVISOR"},
                {"worker-", "WORKER"}, {"chair-", "CHAIR"}, {"police-", "POLICE"}}) {
            if (group.startsWith(prefix[0])) {
                role = Role.valueOf(prefix[1]);
                unit = group.substring(prefix[0].length());
                break;
            }
        }
        if (role == null) {
            return members;
        }
        jdbc.sql("""
                        select u.username, u.email, u.language, r.role, r.commune_code, r.province_code, u.phone
                        from staff_user u join staff_role r on r.username = u.username
                        where u.enabled and r.role = ? and (r.commune_code = ? or r.province_code = ?)
                        order by u.username""")
                .params(role.name(), unit, unit)
                .query(rs -> {
                    RoleGrant grant = new RoleGrant(Role.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6));
                    String username = rs.getString(1);
                    if (grant.group().equals(group) && members.stream().noneMatch(m -> m.username().equals(username))) {
                        members.add(new Recipient(username, rs.getString(2), rs.getString(3), rs.getString(7)));
                    }
                });
        return members;
    }

    /** One person as a notification reaches them, if they can sign in. */
    public java.util.Optional<Recipient> recipient(String username) {
        return jdbc.sql("select username, email, language, phone from staff_user where username = ? and enabled")
                .param(username)
                .query((rs, n) -> new Recipient(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    /** Where a person is reached and the language they read, as they set it themselves. */
    public void setContact(String username, String email, String phone, String language) {
        jdbc.sql("update staff_user set email = ?, phone = ?, language = ? where username = ?")
                .params(email, phone, language, username).update();
    }

    /** Who holds the role for the commune and can sign in, by name. */
    public List<StaffUser> holders(Role role, String communeCode) {
        return jdbc.sql("""
                        select u.username, u.display_name from staff_user u
                        where u.enabled and exists (select 1 from staff_role r where r.username = u.username
                                                      and r.role = ? and r.commune_code = ?)
                        order by u.display_name, u.username""")
                .params(role.name(), communeCode)
                .query((rs, n) -> new StaffUser(rs.getString(1), rs.getString(2), null, true, false, false, List.of()))
                .list();
    }

    private List<StaffUser> users(String where, String param) {
        var spec = jdbc.sql("""
                select u.username, u.display_name, u.password_hash, u.enabled, u.demo,
                       r.role, r.commune_code, r.province_code, u.must_change_password
                from staff_user u left join staff_role r on r.username = u.username
                """ + where + " order by u.username, r.id");
        if (param != null) {
            spec = spec.param(param);
        }
        Map<String, StaffUser> byName = new LinkedHashMap<>();
        spec.query(rs -> {
            String username = rs.getString(1);
            StaffUser user = byName.get(username);
            if (user == null) {
                user = new StaffUser(username, rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getBoolean(5),
                        rs.getBoolean(9), new ArrayList<>());
                byName.put(username, user);
            }
            String role = rs.getString(6);
            if (role != null) {
                user.grants().add(new RoleGrant(Role.valueOf(role), rs.getString(7), rs.getString(8)));
            }
        });
        return byName.values().stream()
                .map(u -> new StaffUser(u.username(), u.displayName(), u.passwordHash(), u.enabled(), u.demo(),
                        u.mustChangePassword(), List.copyOf(u.grants())))
                .toList();
    }
}
