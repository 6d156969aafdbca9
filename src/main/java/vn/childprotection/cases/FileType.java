package vn.childprotection.cases;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of file a case takes as an attachment, known by their signature (first bytes), never by name. */
enum FileType {
    PDF("application/pdf", "pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
    JPEG("image/jpeg", "jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", "png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});

    private final String contentType;
    private final String extension;
    private final byte[] signature;

    FileType(String contentType, String extension, byte[] signature) {
        this.contentType = contentType;
        this.extension = extension;
        this.signature = signature;
    }

    static Optional<FileType> of(byte[] content) {
        return Arrays.stream(values())
                .filter(t -> content.length >= t.signature.length
                        && Arrays.equals(content, 0, t.signature.length, t.signature, 0, t.signature.length))
                .findFirst();
    }

    String contentType() {
        return contentType;
    }

    /** The file name with this type's extension (a JPEG's ".jpeg" is left as it is). */
    String named(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        boolean has = lower.endsWith("." + extension) || (this == JPEG && lower.endsWith(".jpeg"));
        return has ? name : name + "." + extension;
    }
}
