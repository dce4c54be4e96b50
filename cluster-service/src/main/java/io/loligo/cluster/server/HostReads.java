package io.loligo.cluster.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.loligo.cluster.sync.LiveReads;
import io.loligo.cluster.sync.SyncObjects;
import io.loligo.contracts.api.HostDevicesView;
import io.loligo.contracts.api.InventoryApi.ServerLog;
import io.loligo.contracts.api.Problem.FieldError;
import io.loligo.contracts.api.QueryValues;
import io.loligo.contracts.command.AgentCommand;
import io.loligo.contracts.command.ReadHost;
import io.loligo.contracts.heartbeat.ClusterMap;
import io.loligo.contracts.refusal.Conflict;
import io.loligo.contracts.refusal.InvalidInput;
import io.loligo.contracts.refusal.NotFound;
import io.loligo.contracts.refusal.Unavailable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What only a server's own agent can tell: its host's facts, devices and log files, asked of it while the caller waits. */
@ApplicationScoped
public class HostReads {
    static final int DEFAULT_LINES = 40;
    static final int MAX_LINES = 1000;

    @Inject
    LiveReads live;
    @Inject
    SyncObjects maps;

    public JsonNode facts(String fqdn) {
        Agent agent = agentOf(fqdn);
        return live.readFrom(agent.nodeId(), ReadHost.facts(agent.fsid()));
    }

    /** The host's devices, with the OSDs of its cluster that use each as their metadata says. */
    public HostDevicesView devices(String fqdn) {
        Agent agent = agentOf(fqdn);
        JsonNode read = live.readFrom(agent.nodeId(), ReadHost.devices(agent.fsid()));
        JsonNode osdMetadata = agent.fsid() == null ? MissingNode.getInstance() : maps.get(agent.fsid(), ClusterMap.OSD_MAP)
                .map(osdMap -> osdMap.content().path("osd_metadata")).orElse(MissingNode.getInstance());
        return Devices.from(read, osdMetadata, agent.hostname());
    }

    public List<String> logFiles(String fqdn) {
        Agent agent = agentOf(fqdn);
        List<String> files = new ArrayList<>();
        live.readFrom(agent.nodeId(), ReadHost.logFiles(agent.fsid())).forEach(file -> files.add(file.asText()));
        return files;
    }

    /** @throws InvalidInput for a bad line count, NotFound for a path that is not one of the server's log files */
    public ServerLog logTail(String fqdn, String path, String lines) {
        List<FieldError> errors = new ArrayList<>();
        Integer count = QueryValues.integer("lines", lines, 1, errors);
        if (count != null && count > MAX_LINES) {
            errors.add(new FieldError("lines", "must be at most " + MAX_LINES));
        }
        InvalidInput.refuseIfAny(errors);
        Agent agent = agentOf(fqdn);
        try {
            JsonNode tail = live.readFrom(agent.nodeId(), ReadHost.logTail(agent.fsid(), path, count == null ? DEFAULT_LINES : count));
            return new ServerLog(tail.path("path").asText(), tail.path("lines").asText());
        } catch (Unavailable refused) {
            String reason = refused.reason();
            if ("NoSuchLogFile".equals(reason) || "NotALogFile".equals(reason)) {
                throw new NotFound("LogFile", "server " + fqdn + " shows no log file '" + path + "'");
            }
            throw refused;
        }
    }

    /** Asks what only the agent of this server can answer, such as one of its daemons' admin sockets. */
    public JsonNode readFromAgentOf(String fqdn, AgentCommand command) {
        return live.readFrom(agentOf(fqdn).nodeId(), command);
    }

    /** @throws Conflict when the server runs no daemon of any cluster */
    public String clusterOf(String fqdn) {
        String fsid = agentOf(fqdn).fsid();
        if (fsid == null) {
            throw new Conflict("NoCluster", "server " + fqdn + " runs no Ceph daemon: its agent knows no cluster to add an OSD to");
        }
        return fsid;
    }

    private record Agent(String nodeId, String fsid, String hostname) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    Agent agentOf(String fqdn) {
        ServerEntity server = ServerEntity.<ServerEntity>findByIdOptional(fqdn)
                .orElseThrow(() -> new NotFound("Server", "no server with fqdn " + fqdn));
        String fsid = server.services.stream().map(service -> service.fsid).filter(Objects::nonNull).findFirst().orElse(null);
        return new Agent(server.nodeId, fsid, server.hostname);
    }
}
