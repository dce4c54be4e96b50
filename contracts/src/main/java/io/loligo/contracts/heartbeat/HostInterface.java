package io.loligo.contracts.heartbeat;

import java.util.List;
import java.util.Objects;

/** One network interface of an agent's host and its IP addresses, to name the NIC behind each Ceph address. */
public record HostInterface(String name, List<String> addresses) {
    public HostInterface {
        Objects.requireNonNull(name, "name");
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
    }
}
