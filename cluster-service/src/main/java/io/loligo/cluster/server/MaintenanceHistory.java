package io.loligo.cluster.server;

import io.loligo.cluster.request.RequestEntity;
import io.loligo.cluster.request.RequestState;
import io.loligo.contracts.command.AgentCommand;
import io.loligo.contracts.command.DaemonControl;
import io.loligo.contracts.wire.WireCodec;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the last maintenance of a host stopped. A daemon stopped cleanly removes its admin socket, so its agent no
 * longer reports it (an MDS, an RGW): the request that stopped it is the record of what to start again.
 */
@ApplicationScoped
public class MaintenanceHistory {
    private final WireCodec codec = new WireCodec();

    /** The daemons the host's last completed maintenance entry stopped; empty when it never entered one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DaemonControls.Daemon> stoppedOn(String fsid, String host) {
        Optional<RequestEntity> entered = RequestEntity.<RequestEntity>find("fsid = ?1 and state = ?2 and headline like ?3",
                Sort.descending("requestedAt"), fsid, RequestState.COMPLETE, Maintenance.enterHeadline(host) + "%").firstResultOptional();
        List<DaemonControls.Daemon> stopped = new ArrayList<>();
        entered.ifPresent(request -> request.commands.forEach(command -> {
            if (codec.fromTree(command, AgentCommand.class) instanceof DaemonControl control && control.host().equals(host)
                    && control.action() == DaemonControl.Action.STOP) {
                String name = control.daemon();
                String type = name.startsWith("client.rgw.") ? "rgw" : name.substring(0, name.indexOf('.'));
                String id = name.substring(name.startsWith("client.rgw.") ? "client.rgw.".length() : name.indexOf('.') + 1);
                stopped.add(new DaemonControls.Daemon(fsid, host, type, id));
            }
        }));
        return stopped;
    }
}
