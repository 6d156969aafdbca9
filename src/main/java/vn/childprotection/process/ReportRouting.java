package vn.childprotection.process;

import java.time.Instant;

/**
 * What a report tells the process before anyone has assessed it: when it was received (deadlines count
 * from there), whether it says the child is in immediate danger (an earlier assessment, the highest
 * priority), whether it already shows a suspected crime (the police at once), and whether the police
 * took it themselves (their 24 hours count from receipt), and where the offence happened (its police take a
 * referral, wherever the child's case is held).
 */
public record ReportRouting(Instant receivedAt, boolean immediateDanger, boolean crimeAtIntake, boolean policeChannel,
                            String offenceCommuneCode, String offenceProvinceCode) {
}
