package io.loligo.contracts.ceph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** librbd's image feature bits, by the names {@code rbd info} prints. */
public final class RbdFeatures {
    /** Bit {@code i} of the mask is the {@code i}-th name. */
    private static final List<String> BY_BIT = List.of("layering", "striping", "exclusive-lock", "object-map", "fast-diff",
            "deep-flatten", "journaling", "data-pool", "operations", "migrating", "non-primary", "dirty-cache");
    /**
     * What a new image may ask for; librbd sets striping and data-pool itself from the layout, and the rest are
     * states, not choices. Each is listed with the feature it needs.
     */
    private static final Map<String, String> CHOSEN_AT_CREATION = withTheFeatureEachNeeds();
    public static final long FAST_DIFF = bit("fast-diff");

    private RbdFeatures() {
    }

    public static List<String> names(long mask) {
        List<String> names = new ArrayList<>();
        for (int bit = 0; bit < BY_BIT.size(); bit++) {
            if ((mask & (1L << bit)) != 0) {
                names.add(BY_BIT.get(bit));
            }
        }
        return names;
    }

    /** The mask of features that a new image may ask for; unknown names are left to {@link #problem}. */
    public static long mask(List<String> names) {
        long mask = 0;
        for (String name : names) {
            int bit = BY_BIT.indexOf(name);
            if (bit >= 0) {
                mask |= 1L << bit;
            }
        }
        return mask;
    }

    public static List<String> creatable() {
        return List.copyOf(CHOSEN_AT_CREATION.keySet());
    }

    /** Why a new image cannot have these features together, if it cannot. */
    public static Optional<String> problem(List<String> names) {
        for (String name : names) {
            if (!CHOSEN_AT_CREATION.containsKey(name)) {
                return Optional.of("'" + name + "' is not a feature a new image can ask for; those are " + creatable());
            }
            String needed = CHOSEN_AT_CREATION.get(name);
            if (needed != null && !names.contains(needed)) {
                return Optional.of("'" + name + "' needs '" + needed + "'");
            }
        }
        return Optional.empty();
    }

    private static long bit(String name) {
        return 1L << BY_BIT.indexOf(name);
    }

    private static Map<String, String> withTheFeatureEachNeeds() {
        Map<String, String> features = new LinkedHashMap<>();
        features.put("layering", null);
        features.put("exclusive-lock", null);
        features.put("object-map", "exclusive-lock");
        features.put("fast-diff", "object-map");
        features.put("deep-flatten", null);
        features.put("journaling", "exclusive-lock");
        return features;
    }
}
