package io.loligo.agent.ceph;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import io.loligo.agent.ceph.Librados.SizeT;
import io.loligo.agent.ceph.Librados.SizeTByReference;
import io.loligo.contracts.ceph.RbdFeatures;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A pool's RBD images through librbd, as {@code rbd ls -l}, {@code rbd info} and {@code rbd du} show them. Each
 * image is opened read-only, which takes no lock a writing client holds. Used bytes are counted the way
 * {@code rbd du} counts them (whole objects), and only where the fast diff is valid: without it, counting reads the
 * whole image (about a minute per TiB), so it is left out rather than paid for on every list.
 */
public final class RbdImages {
    private static final Librbd RBD = Librbd.INSTANCE;
    /** {@code rbd_trash_image_source_t}, as {@code rbd trash ls --all} prints it. */
    private static final List<String> TRASH_SOURCES = List.of("user", "mirroring", "migration", "removing");
    /**
     * One callback for every count, adding into the memory it is given: JNA makes a native stub for each callback
     * object, which lives until the object is collected.
     */
    private static final Librbd.DiffCallback COUNT_EXISTING = (offset, length, exists, total) -> {
        if (exists != 0) {
            total.setLong(0, total.getLong(0) + length);
        }
        return 0;
    };

    private final RadosHandle handle;
    private final ObjectMapper mapper;

    public RbdImages(RadosHandle handle, ObjectMapper mapper) {
        this.handle = handle;
        this.mapper = mapper;
    }

    /**
     * {@code {"images": [...], "trash": [...]}}, images in the order librbd lists them; an image removed while being
     * read is left out.
     */
    public ObjectNode list(int poolId) {
        ObjectNode answer = mapper.createObjectNode();
        ArrayNode images = answer.putArray("images");
        try (RadosHandle.IoContext pool = handle.openPool(poolId)) {
            for (String[] idAndName : idsAndNames(pool.pointer())) {
                ObjectNode image = describe(pool.pointer(), idAndName[0], idAndName[1], poolId);
                if (image != null) {
                    images.add(image);
                }
            }
            answer.set("trash", trash(pool.pointer()));
        }
        return answer;
    }

    ArrayNode trash(Pointer ioctx) {
        long capacity = 16;
        while (true) {
            Memory entries = new Memory(capacity * Librbd.TRASH_INFO_SIZE);
            SizeTByReference count = new SizeTByReference(capacity);
            int rc = RBD.rbd_trash_list(ioctx, entries, count);
            if (rc == Librbd.ERANGE) {
                capacity = count.value();
                continue;
            }
            check("rbd_trash_list", rc);
            ArrayNode trash = mapper.createArrayNode();
            try {
                for (long i = 0; i < count.value(); i++) {
                    long at = i * Librbd.TRASH_INFO_SIZE;
                    int source = entries.getInt(at + 16);
                    trash.addObject().put("id", entries.getPointer(at).getString(0)).put("name", entries.getPointer(at + 8).getString(0))
                            .put("source", source >= 0 && source < TRASH_SOURCES.size() ? TRASH_SOURCES.get(source) : String.valueOf(source))
                            .put("deleted_at", Instant.ofEpochSecond(entries.getLong(at + 24)).toString())
                            .put("deferred_until", Instant.ofEpochSecond(entries.getLong(at + 32)).toString());
                }
            } finally {
                RBD.rbd_trash_list_cleanup(entries, new SizeT(count.value()));
            }
            return trash;
        }
    }

    /** Each image's id and name, as {@code rbd_list2} gives them: one read of the pool's directory. */
    static List<String[]> idsAndNames(Pointer ioctx) {
        long capacity = 64;
        while (true) {
            Memory specs = new Memory(capacity * Librbd.IMAGE_SPEC_SIZE);
            SizeTByReference count = new SizeTByReference(capacity);
            int rc = RBD.rbd_list2(ioctx, specs, count);
            if (rc == Librbd.ERANGE) {
                capacity = count.value();
                continue;
            }
            check("rbd_list2", rc);
            List<String[]> found = new ArrayList<>();
            try {
                for (long i = 0; i < count.value(); i++) {
                    long at = i * Librbd.IMAGE_SPEC_SIZE;
                    found.add(new String[]{specs.getPointer(at).getString(0), specs.getPointer(at + 8).getString(0)});
                }
            } finally {
                RBD.rbd_image_spec_list_cleanup(specs, new SizeT(count.value()));
            }
            return found;
        }
    }

    /** The image as {@code rbd info}, {@code rbd snap ls} and {@code rbd du} show it; null when it is gone. */
    ObjectNode describe(Pointer ioctx, String id, String name, int poolId) {
        PointerByReference opened = new PointerByReference();
        int rc = RBD.rbd_open_by_id_read_only(ioctx, id, opened, null);
        if (rc == Librbd.ENOENT) {
            return null;
        }
        check("rbd_open " + name, rc);
        Pointer image = opened.getValue();
        try {
            Memory info = new Memory(Librbd.IMAGE_INFO_SIZE);
            check("rbd_stat " + name, RBD.rbd_stat(image, info, new SizeT(Librbd.IMAGE_INFO_SIZE)));
            long size = info.getLong(0);
            LongByReference features = new LongByReference();
            check("rbd_get_features " + name, RBD.rbd_get_features(image, features));
            ObjectNode described = mapper.createObjectNode().put("name", name).put("id", id).put("size", size)
                    .put("object_size", info.getLong(8)).put("order", info.getInt(24));
            ArrayNode featureNames = described.putArray("features");
            RbdFeatures.names(features.getValue()).forEach(featureNames::add);
            long dataPool = RBD.rbd_get_data_pool_id(image);
            if (dataPool >= 0 && dataPool != poolId) {
                described.put("data_pool_id", dataPool);
            } else {
                described.putNull("data_pool_id");
            }
            described.set("parent", parent(image, name));
            ArrayNode snapshots = snapshots(image, name);
            described.put("snapshot_count", snapshots.size());
            described.set("snapshots", snapshots);
            described.put("watchers", watcherCount(image, name));
            Memory created = new Memory(16);
            check("rbd_get_create_timestamp " + name, RBD.rbd_get_create_timestamp(image, created));
            described.put("created_at", Instant.ofEpochSecond(created.getLong(0)).toString());
            described.put("provisioned_bytes", size);
            Long used = usedBytes(image, name, features.getValue(), size);
            if (used == null) {
                described.putNull("used_bytes");
            } else {
                described.put("used_bytes", used);
            }
            return described;
        } finally {
            RBD.rbd_close(image);
        }
    }

    private ObjectNode parent(Pointer image, String name) {
        Memory spec = new Memory(Librbd.LINKED_IMAGE_SPEC_SIZE);
        Memory snapshot = new Memory(Librbd.SNAP_SPEC_SIZE);
        int rc = RBD.rbd_get_parent(image, spec, snapshot);
        if (rc == Librbd.ENOENT) {
            return null;
        }
        check("rbd_get_parent " + name, rc);
        try {
            ObjectNode parent = mapper.createObjectNode().put("pool_id", spec.getLong(0)).put("pool", string(spec, 8))
                    .put("namespace", string(spec, 16)).put("image_id", string(spec, 24)).put("image", string(spec, 32))
                    .put("in_trash", spec.getByte(40) != 0);
            return parent.put("snapshot", string(snapshot, 16));
        } finally {
            RBD.rbd_linked_image_spec_cleanup(spec);
            RBD.rbd_snap_spec_cleanup(snapshot);
        }
    }

    /** Each snapshot's name, id, size, protection and time, oldest first. */
    private ArrayNode snapshots(Pointer image, String name) {
        int capacity = 16;
        while (true) {
            // librbd ends the list with an entry whose name is null, so it needs one more than there are snapshots
            Memory snapshots = new Memory((long) capacity * Librbd.SNAP_INFO_SIZE);
            IntByReference count = new IntByReference(capacity);
            int rc = RBD.rbd_snap_list(image, snapshots, count);
            if (rc == Librbd.ERANGE) {
                capacity = count.getValue();
                continue;
            }
            check("rbd_snap_list " + name, rc);
            ArrayNode described = mapper.createArrayNode();
            try {
                Memory taken = new Memory(16);
                IntByReference isProtected = new IntByReference();
                for (int i = 0; i < rc; i++) {
                    long at = (long) i * Librbd.SNAP_INFO_SIZE;
                    long id = snapshots.getLong(at);
                    String snapshot = snapshots.getPointer(at + 16).getString(0);
                    check("rbd_snap_is_protected " + name + "@" + snapshot, RBD.rbd_snap_is_protected(image, snapshot, isProtected));
                    check("rbd_snap_get_timestamp " + name + "@" + snapshot, RBD.rbd_snap_get_timestamp(image, id, taken));
                    described.addObject().put("name", snapshot).put("id", id).put("size", snapshots.getLong(at + 8))
                            .put("protected", isProtected.getValue() != 0)
                            .put("created_at", Instant.ofEpochSecond(taken.getLong(0)).toString());
                }
            } finally {
                RBD.rbd_snap_list_end(snapshots);
            }
            return described;
        }
    }

    private static long watcherCount(Pointer image, String name) {
        long capacity = 8;
        while (true) {
            Memory watchers = new Memory(capacity * Librbd.WATCHER_SIZE);
            SizeTByReference count = new SizeTByReference(capacity);
            int rc = RBD.rbd_watchers_list(image, watchers, count);
            if (rc == Librbd.ERANGE) {
                capacity = count.value();
                continue;
            }
            check("rbd_watchers_list " + name, rc);
            RBD.rbd_watchers_list_cleanup(watchers, new SizeT(count.value()));
            return count.value();
        }
    }

    private static Long usedBytes(Pointer image, String name, long features, long size) {
        LongByReference flags = new LongByReference();
        check("rbd_get_flags " + name, RBD.rbd_get_flags(image, flags));
        if ((features & RbdFeatures.FAST_DIFF) == 0 || (flags.getValue() & (Librbd.FLAG_OBJECT_MAP_INVALID | Librbd.FLAG_FAST_DIFF_INVALID)) != 0) {
            return null;
        }
        Memory used = new Memory(Long.BYTES);
        used.setLong(0, 0);
        check("rbd_diff_iterate2 " + name, RBD.rbd_diff_iterate2(image, null, 0, size, (byte) 0, (byte) 1, COUNT_EXISTING, used));
        return used.getLong(0);
    }


    private static String string(Memory struct, long offset) {
        Pointer text = struct.getPointer(offset);
        return text == null ? null : text.getString(0);
    }

    static void check(String operation, int rc) {
        if (rc < 0) {
            throw new RadosException(operation, rc, null);
        }
    }
}
