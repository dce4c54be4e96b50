package io.loligo.contracts.refusal;

/** A dependency answered, but not as it should have (the object gateway refusing Loligo's own user). */
public final class DependencyFailed extends Refusal {

    public DependencyFailed(String reason, String message) {
        super(Kind.DEPENDENCY_FAILED, reason, message, null);
    }
}
