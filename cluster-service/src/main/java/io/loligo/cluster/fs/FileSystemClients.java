package io.loligo.cluster.fs;

import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.cluster.server.HostReads;
import io.loligo.contracts.api.FileSystemClientView;
import io.loligo.contracts.api.FileSystemView;
import io.loligo.contracts.api.Problem.FieldError;
import io.loligo.contracts.command.MdsClientSessions;
import io.loligo.contracts.refusal.InvalidInput;
import io.loligo.contracts.refusal.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

/**
 * A file system's clients, as the MDS of each active rank lists them through its admin socket, asked of the agent on
 * that MDS's host; and their eviction, by the MDS that holds the session.
 */
@ApplicationScoped
public class FileSystemClients {
    @Inject
    HostReads hosts;

    public List<FileSystemClientView> clients(String fsid, FileSystemView fileSystem) {
        List<FileSystemClientView> clients = new ArrayList<>();
        for (FileSystemView.Rank rank : activeRanks(fileSystem)) {
            clients.addAll(views(rank, hosts.readFromAgentOf(rank.mds().server(), new MdsClientSessions(fsid, rank.mds().name(), null))));
        }
        return clients;
    }

    /** @throws InvalidInput for an id that is not a number, NotFound for one no active rank has a session of */
    public void evict(String fsid, FileSystemView fileSystem, String clientId) {
        long id;
        try {
            id = Long.parseLong(clientId);
        } catch (NumberFormatException e) {
            throw InvalidInput.of("id", "must be a client's number, as in client.4123");
        }
        FileSystemClientView client = clients(fsid, fileSystem).stream().filter(session -> session.id() == id).findFirst()
                .orElseThrow(() -> new NotFound("Client", "file system " + fileSystem.name() + " has no client " + id));
        FileSystemView.Rank rank = activeRanks(fileSystem).stream().filter(candidate -> candidate.rank() == client.rank()).findFirst().orElseThrow();
        hosts.readFromAgentOf(rank.mds().server(), new MdsClientSessions(fsid, rank.mds().name(), id));
    }

    private static List<FileSystemView.Rank> activeRanks(FileSystemView fileSystem) {
        return fileSystem.ranks().stream().filter(rank -> rank.mds() != null && rank.mds().server() != null && "active".equals(rank.state())).toList();
    }

    /** Views of {@code session ls} (Ceph 16's shape). Pure. */
    static List<FileSystemClientView> views(FileSystemView.Rank rank, JsonNode sessions) {
        List<FileSystemClientView> views = new ArrayList<>();
        for (JsonNode session : sessions) {
            JsonNode metadata = session.path("client_metadata");
            views.add(new FileSystemClientView(session.path("id").asLong(), rank.mds().name(), rank.rank(), session.path("inst").asText(),
                    metadata.path("entity_id").asText(null), metadata.path("hostname").asText(null), metadata.path("root").asText(null),
                    session.path("state").asText(), session.path("num_caps").asLong(), metadata.path("ceph_version").asText(null)));
        }
        return views;
    }
}
