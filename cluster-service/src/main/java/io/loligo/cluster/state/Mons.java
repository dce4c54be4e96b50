package io.loligo.cluster.state;

import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.contracts.api.MonView;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The monitors as {@code quorum_status} describes them. Pure. */
public final class Mons {
    private Mons() {
    }

    /** @param serversByMon the fqdn of the server that reports each mon, by mon name */
    public static List<MonView> from(JsonNode quorumStatus, Map<String, String> serversByMon) {
        Set<String> inQuorum = new HashSet<>();
        quorumStatus.path("quorum_names").forEach(name -> inQuorum.add(name.asText()));
        String leader = quorumStatus.path("quorum_leader_name").asText(null);
        List<MonView> mons = new ArrayList<>();
        for (JsonNode mon : quorumStatus.path("monmap").path("mons")) {
            String name = mon.path("name").asText();
            String addr = mon.path("public_addr").asText(mon.path("addr").asText(null));
            mons.add(new MonView(name, mon.path("rank").asInt(), inQuorum.contains(name), serversByMon.get(name),
                    addr, name.equals(leader)));
        }
        mons.sort(Comparator.comparingInt(MonView::rank));
        return mons;
    }
}
