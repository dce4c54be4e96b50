package io.loligo.contracts.refusal;

/** A dependency took the request but did not answer in time; what it did is not known. */
public final class DependencyTimedOut extends Refusal {

    public DependencyTimedOut(String reason, String message) {
        super(Kind.DEPENDENCY_TIMED_OUT, reason, message, null);
    }
}
