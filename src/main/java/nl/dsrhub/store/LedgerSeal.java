package nl.dsrhub.store;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * The ledger's keyed parts. Each row from {@code keyed_from} on is chained with an HMAC under the ledger key, so
 * rewriting a row and its successors needs the key; rows before it were chained with SHA-256 by an earlier version.
 * The head carries a seal, an HMAC of where the keyed chain starts, the last row and its hash: removing rows at the
 * end, or passing keyed rows off as earlier unkeyed ones, needs the key too.
 * <p>As a Flyway callback it seals the head once, in the migration that keys the chain (V9): sealing later, whenever
 * a head looked unsealed, would seal a head someone had rewritten.
 */
public final class LedgerSeal implements Callback {

    /** The migration that keys the chain. */
    static final String KEYING_VERSION = "9";

    private final byte[] key;

    /** @param key the ledger key; null where the caller has none (then only an empty ledger can be keyed) */
    public LedgerSeal(String key) {
        this.key = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
    }

    /** HMAC-SHA256 of the text under the key, hex. */
    public static String hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** The head's seal: where the keyed chain starts, the last row and its hash. */
    public static String of(byte[] key, long keyedFrom, long seq, String hash) {
        return hmac(key, "dsr-ledger-head|" + keyedFrom + "|" + seq + "|" + hash);
    }

    /** Whether the head's seal is this key's for this head; an empty ledger has nothing to seal yet. */
    public static boolean holds(byte[] key, long keyedFrom, long seq, String hash, String seal) {
        if (seal == null) {
            return seq == 0;
        }
        return seal.equals(of(key, keyedFrom, seq, hash));
    }

    /**
     * Before migrating without the key: a ledger with rows cannot have its chain keyed (its earlier rows would stay
     * unsealed), so nothing is migrated and the message says what to do. Checked before any migration runs: on H2 a
     * migration's DDL is committed at once, and a half-run one would stop the hub's own start.
     */
    public void refuseWithoutKey(org.flywaydb.core.Flyway flyway, javax.sql.DataSource dataSource) {
        boolean keying = java.util.Arrays.stream(flyway.info().pending())
                .anyMatch(m -> m.getVersion() != null && KEYING_VERSION.equals(m.getVersion().getVersion()));
        if (key != null || !keying) {
            return;
        }
        long rows;
        try (Connection c = dataSource.getConnection();
             PreparedStatement read = c.prepareStatement("SELECT seq FROM dsr_ledger_head WHERE id = 1");
             ResultSet rs = read.executeQuery()) {
            rows = rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            return;    // no ledger yet (a new database): nothing to seal
        }
        if (rows > 0) {
            throw new FlywayException("the ledger holds " + rows + " row(s) chained before its chain was keyed: open the"
                    + " database with the ledger key (start the hub, or run its commands) to seal them");
        }
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_EACH_MIGRATE && context.getMigrationInfo() != null
                && context.getMigrationInfo().getVersion() != null
                && KEYING_VERSION.equals(context.getMigrationInfo().getVersion().getVersion());
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        Connection c = context.getConnection();
        try (PreparedStatement read = c.prepareStatement("SELECT seq, hash, keyed_from FROM dsr_ledger_head WHERE id = 1");
             ResultSet rs = read.executeQuery()) {
            if (!rs.next()) {
                throw new FlywayException("the ledger head row is missing");
            }
            long seq = rs.getLong(1);
            if (key == null) {
                return;    // an empty ledger (see refuseWithoutKey): its first append seals it
            }
            try (PreparedStatement seal = c.prepareStatement("UPDATE dsr_ledger_head SET seal = ? WHERE id = 1")) {
                seal.setString(1, of(key, rs.getLong(3), seq, rs.getString(2)));
                seal.executeUpdate();
            }
        } catch (SQLException e) {
            throw new FlywayException("cannot seal the ledger's head: " + e.getMessage(), e);
        }
    }

    @Override
    public String getCallbackName() {
        return "ledger-seal";
    }
}
