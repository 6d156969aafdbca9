package vn.childprotection.security;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.bastiaanjansen.otp.SecretGenerator;
import com.bastiaanjansen.otp.TOTPGenerator;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;

import vn.childprotection.directory.Role;

/**
 * The second factor of the roles that can see a whole province or the whole system: a TOTP code
 * (RFC 6238, any authenticator app) after the password, or one of ten single-use recovery codes.
 * Which roles need it is configuration ({@code child-protection.second-factor.roles}; all of them
 * under the {@code prod} profile).
 */
@Service
class SecondFactor {

    private static final String ISSUER = "Bao ve tre em";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final Set<Role> roles;

    public SecondFactor(JdbcClient jdbc, PasswordEncoder encoder, Clock clock,
                        @Value("${child-protection.second-factor.roles:}") Set<Role> roles) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.clock = clock;
        this.roles = roles;
    }

    public boolean requiredFor(StaffPrincipal user) {
        return roles.stream().anyMatch(user::hasRole);
    }

    public boolean enrolled(String username) {
        return secretOf(username) != null;
    }

    /** A new secret (Base32), for the enrolment page to show until the user confirms it with a code. */
    public String newSecret() {
        return new String(SecretGenerator.generate(), StandardCharsets.US_ASCII);
    }

    /** The secret as a QR code an authenticator app scans: a PNG data URI. */
    public String qrCode(String secret, String username) {
        try {
            String uri = totp(secret).getURI(ISSUER, username).toString();
            BufferedImage image = MatrixToImageWriter.toBufferedImage(
                    new QRCodeWriter().encode(uri, BarcodeFormat.QR_CODE, 220, 220));
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
        } catch (URISyntaxException | WriterException e) {
            throw new IllegalStateException("Cannot draw the enrolment code", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Confirms a new secret with a code from the app; returns the ten recovery codes, shown once. */
    @Transactional
    public List<String> enrol(String username, String secret, String code) {
        if (!codeMatches(secret, code)) {
            return List.of();
        }
        jdbc.sql("update staff_user set totp_secret = ? where username = ?").params(secret, username).update();
        jdbc.sql("delete from recovery_code where username = ?").param(username).update();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String recovery = recoveryCode();
            codes.add(recovery);
            jdbc.sql("insert into recovery_code (username, code_hash) values (?, ?)")
                    .params(username, encoder.encode(recovery)).update();
        }
        return codes;
    }

    /** A code from the app, or an unused recovery code (then used up). */
    @Transactional
    public boolean verify(String username, String code) {
        String secret = secretOf(username);
        if (secret == null || code == null) {
            return false;
        }
        String given = code.strip().replace(" ", "");
        if (codeMatches(secret, given)) {
            return true;
        }
        for (var row : jdbc.sql("select id, code_hash from recovery_code where username = ? and used_at is null")
                .param(username).query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).list()) {
            if (encoder.matches(given.toUpperCase(), (String) row[1])) {
                // a recovery code works once
                return jdbc.sql("update recovery_code set used_at = ? where id = ? and used_at is null")
                        .params(Timestamp.from(clock.instant()), row[0]).update() == 1;
            }
        }
        return false;
    }

    private static boolean codeMatches(String secret, String code) {
        return code != null && code.matches("\\d{6}") && totp(secret).verify(code, 1);
    }

    private static TOTPGenerator totp(String secret) {
        return TOTPGenerator.withDefaultValues(secret.getBytes(StandardCharsets.US_ASCII));
    }

    private String secretOf(String username) {
        return jdbc.sql("select totp_secret from staff_user where username = ?").param(username)
                .query((rs, n) -> rs.getString(1)).optional().orElse(null);
    }

    /** Ten characters an officer can read out and type: no 0/O or 1/I to confuse. */
    private static String recoveryCode() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            code.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return code.toString();
    }
}
