package vn.childprotection.directory;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The official list of administrative units as a CSV file: UTF-8 (a byte order mark is allowed), a header row, then
 * one commune a line: {@code province_code,province_name,commune_code,commune_name,unit_type}, the columns in any
 * order, a field in double quotes when it holds a comma ({@code ""} for a quote). The unit type is {@code xã},
 * {@code phường} or {@code đặc khu} (also without accents). Codes are digits, as in the official list (01, 00004).
 */
final class UnitCsv {

    /** One commune of the file, and the line it is on (the header is line 1). */
    record Unit(int line, String provinceCode, String provinceName, String communeCode, String communeName, String type) {
    }

    /** A line's fault, in the reader's language (the caller's messages). */
    record Fault(int line, String key, Object... args) {
    }

    static final List<String> COLUMNS = List.of("province_code", "province_name", "commune_code", "commune_name",
            "unit_type");
    private static final Pattern CODE = Pattern.compile("[0-9]{1,16}");
    private static final Map<String, String> TYPES = Map.of("xa", "XA", "phuong", "PHUONG", "dac khu", "DAC_KHU",
            "dac_khu", "DAC_KHU", "dackhu", "DAC_KHU");

    private UnitCsv() {
    }

    /** The file's units, or its faults line by line (no unit then). */
    static List<Unit> read(byte[] content, List<Fault> faults) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            faults.add(new Fault(lineOfByte(content), "units.notUtf8"));
            return List.of();
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\r?\n", -1);
        if (lines.length == 0 || lines[0].isBlank()) {
            faults.add(new Fault(1, "units.noHeader", String.join(",", COLUMNS)));
            return List.of();
        }
        List<String> header = fields(lines[0]).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        int[] at = new int[COLUMNS.size()];
        for (int c = 0; c < COLUMNS.size(); c++) {
            at[c] = header.indexOf(COLUMNS.get(c));
            if (at[c] < 0) {
                faults.add(new Fault(1, "units.missingColumn", COLUMNS.get(c)));
            }
        }
        if (!faults.isEmpty()) {
            return List.of();
        }
        List<Unit> units = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int line = i + 1;
            if (lines[i].isBlank()) {
                continue;
            }
            List<String> f = fields(lines[i]);
            if (f.size() != header.size()) {
                faults.add(new Fault(line, "units.columns", header.size(), f.size()));
                continue;
            }
            String provinceCode = f.get(at[0]).strip();
            String provinceName = Normalizer.normalize(f.get(at[1]).strip(), Normalizer.Form.NFC);
            String communeCode = f.get(at[2]).strip();
            String communeName = Normalizer.normalize(f.get(at[3]).strip(), Normalizer.Form.NFC);
            String type = type(f.get(at[4]));
            boolean ok = true;
            if (!CODE.matcher(provinceCode).matches()) {
                faults.add(new Fault(line, "units.badCode", "province_code", provinceCode));
                ok = false;
            }
            if (!CODE.matcher(communeCode).matches()) {
                faults.add(new Fault(line, "units.badCode", "commune_code", communeCode));
                ok = false;
            }
            if (!name(provinceName) || !name(communeName)) {
                faults.add(new Fault(line, "units.badName"));
                ok = false;
            }
            if (type == null) {
                faults.add(new Fault(line, "units.badType", f.get(at[4]).strip()));
                ok = false;
            }
            if (ok) {
                units.add(new Unit(line, provinceCode, provinceName, communeCode, communeName, type));
            }
        }
        if (units.isEmpty() && faults.isEmpty()) {
            faults.add(new Fault(2, "units.empty"));
        }
        return units;
    }

    /** Control and direction-changing characters: nothing a unit's name holds, and a NUL PostgreSQL refuses. */
    private static final Pattern NOT_IN_NAMES = Pattern.compile("[\\p{Cc}\\p{Cf}]");

    /** A name a unit may have: present, at most 200 characters, no control or direction-changing character. */
    static boolean name(String name) {
        return name != null && !name.isEmpty() && name.length() <= 200 && !NOT_IN_NAMES.matcher(name).find();
    }

    /** A field list of one line: commas, and double quotes around a field that holds one. */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c != '\r') {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    private static String type(String written) {
        String plain = Normalizer.normalize(written.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replace('đ', 'd');
        return TYPES.get(plain.replaceAll("\\s+", " "));
    }

    /** The line (from 1) holding the byte where decoding failed, for the message. */
    private static int lineOfByte(byte[] content) {
        int line = 1;
        for (int i = 0; i < content.length; i++) {
            if (content[i] == '\n') {
                line++;
            } else if ((content[i] & 0x80) != 0) {
                // the first byte that is not ASCII and does not start a valid sequence ends the search roughly
                int length = (content[i] & 0xE0) == 0xC0 ? 2 : (content[i] & 0xF0) == 0xE0 ? 3 : (content[i] & 0xF8) == 0xF0 ? 4 : 0;
                if (length == 0 || i + length > content.length) {
                    return line;
                }
                for (int k = 1; k < length; k++) {
                    if ((content[i + k] & 0xC0) != 0x80) {
                        return line;
                    }
                }
                i += length - 1;
            }
        }
        return line;
    }
}
