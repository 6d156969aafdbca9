package vn.childprotection.common;

import java.util.List;

/**
 * Communes merged into one (the administrative reorganisation): every open case, open task and police referral of
 * {@code from} now belongs to {@code into}, of the same province. Published in the transaction that merges them.
 */
public record UnitsMerged(List<String> from, String into, String provinceCode) {
}
