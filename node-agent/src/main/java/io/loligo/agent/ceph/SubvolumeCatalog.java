package io.loligo.agent.ceph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loligo.agent.config.AgentConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each CephFS volume's subvolumes as last described (a {@link Catalog} keyed by group and name), on a librados
 * connection of their own. Describing one takes two commands of the mgr's volumes module ({@code fs subvolume info}
 * and {@code snapshot ls}, about 14 ms together on the lab): a volume of 1,000 subvolumes takes 14 s, longer than a
 * read may, while listing their names is one command per group.
 */
@ApplicationScoped
public class SubvolumeCatalog {
    static final Duration NEW_SUBVOLUMES_BUDGET = Duration.ofSeconds(4);
    static final Duration STALEST_BUDGET = Duration.ofMillis(150);

    private final ObjectMapper mapper;
    private final OwnConnection connection;
    private final MgrGate mgr;
    private final Catalog<String, Key> catalog = new Catalog<>("subvolume", this::describeStalest);
    /** The commands of the connection's current handle, which learn once which of them the mgr serves. */
    private MonCommands commands;

    /** A subvolume, of no group when {@code group} is null. */
    record Key(String group, String name) {
    }

    @Inject
    public SubvolumeCatalog(AgentConfig config, ObjectMapper mapper, ClusterProbe probe) {
        this.mapper = mapper;
        this.connection = new OwnConnection(RadosSettings.from(config.ceph()));
        this.mgr = probe.mgrGate();
    }

    void onStart(@Observes StartupEvent event) {
        catalog.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        catalog.close();
        connection.close();
    }

    /**
     * {@code {"groups": [...], "subvolumes": [...], "pending": [...]}}: the volume's groups, its subvolumes as
     * {@link ClusterMapReader#describeSubvolume} describes them, and those listed but not yet described
     * ({@code {"name", "group"}}), which the next reads describe first.
     */
    public JsonNode subvolumes(String volume) {
        Descriptions<Key> kept = catalog.of(volume);
        return connection.use(handle -> {
            ClusterMapReader reader = reader(handle);
            List<String> groups = reader.subvolumeGroups(volume);
            Map<Key, String> listed = new LinkedHashMap<>();
            List<String> groupsAndNone = new ArrayList<>();
            groupsAndNone.add(null);
            groupsAndNone.addAll(groups);
            for (String group : groupsAndNone) {
                reader.subvolumeNames(volume, group).forEach(name -> listed.put(new Key(group, name), name));
            }
            Descriptions.Read<Key> read = kept.read(listed, (key, name) -> reader.describeSubvolume(volume, key.group(), key.name()),
                    NEW_SUBVOLUMES_BUDGET, STALEST_BUDGET);
            ObjectNode answer = mapper.createObjectNode();
            ArrayNode groupNames = answer.putArray("groups");
            groups.forEach(group -> groupNames.addObject().put("name", group));
            answer.putArray("subvolumes").addAll(read.described());
            ArrayNode pending = answer.putArray("pending");
            read.pending().forEach(key -> pending.addObject().put("name", key.name()).put("group", key.group()));
            return answer;
        });
    }

    /** Loligo changed the subvolume: the next read describes it before any other. */
    public void changed(String volume, String group, String name) {
        catalog.existing(volume).ifPresent(kept -> kept.changed((key, label) -> key.equals(new Key(group, name))));
    }

    private void describeStalest(String volume, Descriptions<Key> kept) {
        connection.use(handle -> {
            ClusterMapReader reader = reader(handle);
            kept.describeStalest((key, name) -> reader.describeSubvolume(volume, key.group(), key.name()));
            return null;
        });
    }

    /** Called within {@link OwnConnection#use}, one at a time. */
    private ClusterMapReader reader(RadosHandle handle) {
        if (commands == null || commands.handle() != handle) {
            commands = new MonCommands(handle, mgr, mapper, Clock.systemUTC());
        }
        return new ClusterMapReader(commands, mapper);
    }
}
