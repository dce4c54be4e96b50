package io.loligo.contracts.command;

import io.loligo.contracts.ceph.RbdFeatures;

import java.util.List;
import java.util.Objects;

/**
 * A new RBD image.
 *
 * @param features the names of its features, or null for the cluster's {@code rbd_default_features}
 * @param order log2 of its object size, or null for the cluster's default (4 MiB)
 * @param dataPool the name of the erasure-coded pool for its data, or null to keep it in {@code pool}
 */
public record CreateImage(String fsid, int pool, String name, long size, List<String> features, Integer order,
                          String dataPool) implements RbdChange {
    public CreateImage {
        Objects.requireNonNull(fsid, "fsid");
        Objects.requireNonNull(name, "name");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
        if (features != null) {
            features = List.copyOf(features);
            RbdFeatures.problem(features).ifPresent(problem -> {
                throw new IllegalArgumentException(problem);
            });
        }
    }

    @Override
    public String describe() {
        return "rbd create " + name + " --size " + size + "B" + (features == null ? "" : " --image-feature " + String.join(",", features))
                + (order == null ? "" : " --object-size " + (1L << order) + "B") + (dataPool == null ? "" : " --data-pool " + dataPool)
                + " (pool " + pool + ")";
    }
}
