package io.loligo.cluster.fs;

import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.cluster.request.Planned;
import io.loligo.contracts.api.FileSystemView;
import io.loligo.contracts.api.PoolView;
import io.loligo.contracts.api.Problem.FieldError;
import io.loligo.contracts.command.VolumeChange;
import io.loligo.contracts.refusal.Conflict;
import io.loligo.contracts.refusal.InvalidInput;

import java.util.List;
import java.util.regex.Pattern;

/** CephFS volumes made and removed by the mgr's volumes module, once the form is checked against the maps. Pure. */
public final class Volumes {
    /** The volumes module names the pools after the volume, so the name goes where pool names go. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");

    private Volumes() {
    }

    /**
     * @param name the new volume's name
     * @throws InvalidInput for a bad name, Conflict when a file system or one of the pools it needs has the name
     */
    public static Planned create(String fsid, List<FileSystemView> fileSystems, List<PoolView> pools, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw InvalidInput.of("name",
                    "must be 1 to 100 letters, digits or _ . -, beginning with a letter or digit");
        }
        if (fileSystems.stream().anyMatch(fs -> fs.name().equals(name))) {
            throw new Conflict("FileSystemExists", "cluster " + fsid + " already has a file system '" + name + "'",
                    List.of(new FieldError("name", "is taken")));
        }
        List<String> taken = pools.stream().map(PoolView::name)
                .filter(pool -> pool.equals("cephfs." + name + ".meta") || pool.equals("cephfs." + name + ".data")).toList();
        if (!taken.isEmpty()) {
            throw new Conflict("PoolExists", "the volume's pools would be named " + taken + ", which exist",
                    List.of(new FieldError("name", "its pools' names are taken")));
        }
        return new Planned("Creating file system '" + name + "'", List.of(new VolumeChange(fsid, name, VolumeChange.Kind.CREATE)));
    }

    /**
     * Removes the file system with its pools and data; its clients are cut off.
     *
     * @param config the mons' configuration, which must allow deleting pools
     * @throws Conflict while the cluster forbids deleting pools
     */
    public static Planned remove(String fsid, JsonNode config, FileSystemView fileSystem) {
        if ("false".equals(config.path("mon_allow_pool_delete").asText("false"))) {
            throw new Conflict("PoolDeletionDisabled", "cluster " + fsid
                    + " forbids deleting pools, which removing a file system does: set mon_allow_pool_delete to true first");
        }
        return new Planned("Removing file system '" + fileSystem.name() + "' and its pools",
                List.of(new VolumeChange(fsid, fileSystem.name(), VolumeChange.Kind.REMOVE)));
    }
}
