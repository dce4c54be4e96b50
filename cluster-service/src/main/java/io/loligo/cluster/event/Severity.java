package io.loligo.cluster.event;

/** Calamari's severities; the lower the level, the more severe. */
public enum Severity {
    CRITICAL(1), ERROR(2), WARNING(3), RECOVERY(4), INFO(5);

    private final int level;

    Severity(int level) {
        this.level = level;
    }

    public int level() {
        return level;
    }

    public static Severity ofLevel(int level) {
        for (Severity severity : values()) {
            if (severity.level == level) {
                return severity;
            }
        }
        throw new IllegalArgumentException("no severity of level " + level);
    }
}
