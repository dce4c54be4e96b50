package io.loligo.contracts.failure;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a failure caused by the database's absence from one caused by the work itself: the first is worth trying
 * again in a few seconds, the second never is.
 */
public final class DatabaseUnreachable {
    private DatabaseUnreachable() {
    }

    /**
     * Whether a lost or refused connection (SQLSTATE class 08), the server shutting down or starting (57P), or no
     * connection to be had from the pool in time lies anywhere in the chain of causes.
     */
    public static boolean caused(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                    return true;
                }
                // Agroal's pool gives no SQLSTATE when no connection came within its acquisition timeout
                if (state == null && sql.getMessage() != null && sql.getMessage().startsWith("Acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }
}
