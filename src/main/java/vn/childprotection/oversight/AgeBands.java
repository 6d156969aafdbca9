package vn.childprotection.oversight;

import java.time.ZoneId;
import java.util.Arrays;

import vn.childprotection.common.Messages;

/**
 * The age groups of the periodic report ({@code child-protection.statistics.age-bands}: the first age of each next
 * band, rising, e.g. 6,12,16,18 for under 6, 6-11, 12-15, 16-17 and 18 and over). A child's age is read at the
 * case's first report, on the day in Vietnam: from the birth date when known, else the age given.
 */
final class AgeBands {

    private final int[] bounds;
    private final ZoneId zone;
    private final Messages messages;

    AgeBands(String configured, ZoneId zone, Messages messages) {
        this.bounds = Arrays.stream(configured.split(",")).map(String::strip).mapToInt(Integer::parseInt).toArray();
        for (int i = 0; i < bounds.length; i++) {
            if (bounds[i] < 1 || bounds[i] > 18 || (i > 0 && bounds[i] <= bounds[i - 1])) {
                throw new IllegalStateException("child-protection.statistics.age-bands must rise from 1 to 18: " + configured);
            }
        }
        this.zone = zone;
        this.messages = messages;
    }

    /** The band of a child of {@code case_file c} as a key: 0 for the first, and so on; UNKNOWN without an age. */
    String sql() {
        String day = "cast(coalesce(c.received_at, c.opened_at) at time zone '" + zone.getId() + "' as date)";
        StringBuilder sql = new StringBuilder("case when c.child_birth_date is null and c.child_age_years is null then 'UNKNOWN'");
        for (int i = 0; i < bounds.length; i++) {
            sql.append(" when (c.child_birth_date is not null and c.child_birth_date > ").append(day)
                    .append(" - interval '").append(bounds[i]).append("' year) or (c.child_birth_date is null and")
                    .append(" c.child_age_years < ").append(bounds[i]).append(") then '").append(i).append('\'');
        }
        return sql.append(" else '").append(bounds.length).append("' end").toString();
    }

    /** The band's label: "Dưới 6 tuổi", "Từ 6 đến 11 tuổi", "Từ 18 tuổi trở lên". */
    String label(String key) {
        if ("UNKNOWN".equals(key)) {
            return messages.text("stat.unknown");
        }
        int i = Integer.parseInt(key);
        if (i == 0) {
            return messages.text("stat.age.under", bounds[0]);
        }
        if (i == bounds.length) {
            return messages.text("stat.age.from", bounds[i - 1]);
        }
        return messages.text("stat.age.between", bounds[i - 1], bounds[i] - 1);
    }
}
