package io.loligo.agent.ceph;

/**
 * A librados call that failed, with librados' negative errno.
 */
public class RadosException extends RuntimeException {
    private final int returnCode;

    public RadosException(String operation, int returnCode, String status) {
        super(operation + " failed: " + describe(returnCode)
                + (status == null || status.isBlank() ? "" : " (" + status.strip() + ")"));
        this.returnCode = returnCode;
    }

    public boolean isTimeout() {
        return Math.abs(returnCode) == 110;
    }

    public boolean notFound() {
        return Math.abs(returnCode) == 2;
    }

    /** EAGAIN: what was asked of is not ready for it, as a subvolume still being cloned. */
    public boolean notReady() {
        return Math.abs(returnCode) == 11;
    }

    /** No monitor answered: timed out, refused, or no route to one (ETIMEDOUT, ECONNREFUSED, ENOTCONN, EHOSTUNREACH). */
    public boolean monitorsUnreachable() {
        return switch (Math.abs(returnCode)) {
            case 110, 111, 107, 113 -> true;
            default -> false;
        };
    }

    private static String describe(int rc) {
        return switch (Math.abs(rc)) {
            case 1 -> "EPERM";
            case 2 -> "ENOENT";
            case 13 -> "EACCES, permission denied (check the keyring)";
            case 16 -> "EBUSY, in use";
            case 17 -> "EEXIST, already exists";
            case 22 -> "EINVAL";
            case 30 -> "EROFS, read-only";
            case 39 -> "ENOTEMPTY, not empty";
            case 95 -> "EOPNOTSUPP, not supported";
            case 122 -> "EDQUOT, quota exceeded";
            case 110 -> "ETIMEDOUT, no answer from the monitors";
            default -> "error " + rc;
        } + " [rc=" + rc + "]";
    }
}
