package io.loligo.agent.ceph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import io.loligo.agent.config.AgentConfig;
import io.loligo.contracts.ceph.RbdFeatures;
import io.loligo.contracts.command.CommandReply;
import io.loligo.contracts.command.CopyImage;
import io.loligo.contracts.command.CreateImage;
import io.loligo.contracts.command.ImageChange;
import io.loligo.contracts.command.RbdChange;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Makes RBD changes through librbd, one at a time, on a librados connection of its own: a flatten or a copy takes
 * minutes, and must hold up neither the probe's polls nor the listings.
 */
@ApplicationScoped
public class RbdWriter {
    private static final Librbd RBD = Librbd.INSTANCE;
    /** Where each running operation's progress goes, by the address of the marker librbd hands back to the callback. */
    private static final Map<Long, Consumer<CommandReply.Progress>> LISTENERS = new ConcurrentHashMap<>();
    /** One callback for every operation: JNA makes a native stub for each callback object. */
    private static final Librbd.ProgressCallback REPORT = (done, total, marker) -> {
        Consumer<CommandReply.Progress> listener = LISTENERS.get(Pointer.nativeValue(marker));
        if (listener != null) {
            listener.accept(new CommandReply.Progress(done, total));
        }
        return 0;
    };

    private final OwnConnection connection;
    private final RbdCatalog catalog;

    @Inject
    public RbdWriter(AgentConfig config, RbdCatalog catalog) {
        this.connection = new OwnConnection(RadosSettings.from(config.ceph()));
        this.catalog = catalog;
    }

    /**
     * Makes the change, telling {@code progress} how far a long one got ({@code [done, total]}) as librbd reports it.
     *
     * @return {@code {"outs": what was done}}
     * @throws RadosException with librbd's error when Ceph refused or failed the change
     */
    public JsonNode apply(RbdChange change, Consumer<CommandReply.Progress> progress) {
        Memory marker = new Memory(1);
        LISTENERS.put(Pointer.nativeValue(marker), progress);
        try {
            String done = connection.use(handle -> {
                if (change instanceof CreateImage create) {
                    return create(handle, create);
                }
                if (change instanceof ImageChange image) {
                    return change(handle, image, marker);
                }
                return copy(handle, (CopyImage) change, marker);
            });
            return JsonNodeFactory.instance.objectNode().put("outs", done);
        } finally {
            // even a failed change may have changed something (a resize cut short)
            if (change instanceof ImageChange image) {
                catalog.changed(image.pool(), image.image());
            }
            LISTENERS.remove(Pointer.nativeValue(marker));
        }
    }

    private static String create(RadosHandle connection, CreateImage create) {
        try (RadosHandle.IoContext pool = connection.openPool(create.pool()); Options options = new Options()) {
            if (create.features() != null) {
                options.set(Librbd.OPTION_FEATURES, RbdFeatures.mask(create.features()));
            }
            if (create.order() != null) {
                options.set(Librbd.OPTION_ORDER, create.order());
            }
            if (create.dataPool() != null) {
                RbdImages.check("rbd_image_options_set_string",
                        RBD.rbd_image_options_set_string(options.pointer, Librbd.OPTION_DATA_POOL, create.dataPool()));
            }
            RbdImages.check("rbd_create " + create.name(), RBD.rbd_create4(pool.pointer(), create.name(), create.size(), options.pointer));
            return "created image " + create.name();
        }
    }

    private static String change(RadosHandle connection, ImageChange change, Memory marker) {
        String image = change.image();
        try (RadosHandle.IoContext pool = connection.openPool(change.pool())) {
            Pointer ioctx = pool.pointer();
            switch (change.kind()) {
                case RENAME -> RbdImages.check("rbd_rename " + image, RBD.rbd_rename(ioctx, image, change.value()));
                case MOVE_TO_TRASH -> RbdImages.check("rbd_trash_move " + image, RBD.rbd_trash_move(ioctx, image, 0));
                case RESTORE -> RbdImages.check("rbd_trash_restore " + image, RBD.rbd_trash_restore(ioctx, image, change.value()));
                case PURGE -> RbdImages.check("rbd_trash_remove " + image,
                        RBD.rbd_trash_remove_with_progress(ioctx, image, (byte) 0, REPORT, marker));
                case REMOVE -> RbdImages.check("rbd_remove " + image, RBD.rbd_remove_with_progress(ioctx, image, REPORT, marker));
                default -> onOpenImage(ioctx, image, null, opened -> {
                    String snapshot = change.snapshot();
                    String operation = "rbd " + change.kind().name().toLowerCase() + " " + image + (snapshot == null ? "" : "@" + snapshot);
                    RbdImages.check(operation, switch (change.kind()) {
                        case GROW, SHRINK -> RBD.rbd_resize2(opened, Long.parseLong(change.value()),
                                (byte) (change.kind() == ImageChange.Kind.SHRINK ? 1 : 0), REPORT, marker);
                        case FLATTEN -> RBD.rbd_flatten_with_progress(opened, REPORT, marker);
                        case CREATE_SNAPSHOT -> RBD.rbd_snap_create(opened, snapshot);
                        case REMOVE_SNAPSHOT -> RBD.rbd_snap_remove(opened, snapshot);
                        case RENAME_SNAPSHOT -> RBD.rbd_snap_rename(opened, snapshot, change.value());
                        case ROLLBACK -> RBD.rbd_snap_rollback_with_progress(opened, snapshot, REPORT, marker);
                        case PROTECT -> RBD.rbd_snap_protect(opened, snapshot);
                        case UNPROTECT -> RBD.rbd_snap_unprotect(opened, snapshot);
                        default -> throw new IllegalStateException("not an open image's change: " + change.kind());
                    });
                });
            }
            return change.describe() + ": done";
        }
    }

    private static String copy(RadosHandle connection, CopyImage copy, Memory marker) {
        try (RadosHandle.IoContext source = connection.openPool(copy.pool());
             RadosHandle.IoContext target = connection.openPool(copy.targetPool());
             Options options = new Options()) {
            if (copy.kind() == CopyImage.Kind.CLONE) {
                RbdImages.check("rbd_clone " + copy.image() + "@" + copy.snapshot(), RBD.rbd_clone3(source.pointer(), copy.image(),
                        copy.snapshot(), target.pointer(), copy.targetName(), options.pointer));
            } else {
                onOpenImage(source.pointer(), copy.image(), copy.snapshot(), opened -> {
                    RbdImages.check("rbd_copy " + copy.image(), RBD.rbd_copy_with_progress3(opened, target.pointer(), copy.targetName(),
                            options.pointer, REPORT, marker));
                });
            }
            return copy.describe() + ": done";
        }
    }

    private static void onOpenImage(Pointer ioctx, String name, String snapshot, Consumer<Pointer> operation) {
        PointerByReference opened = new PointerByReference();
        RbdImages.check("rbd_open " + name, RBD.rbd_open(ioctx, name, opened, snapshot));
        try {
            operation.accept(opened.getValue());
        } finally {
            RBD.rbd_close(opened.getValue());
        }
    }

    /** librbd's image options, destroyed when done with. */
    private static final class Options implements AutoCloseable {
        final Pointer pointer;

        Options() {
            PointerByReference created = new PointerByReference();
            RBD.rbd_image_options_create(created);
            pointer = created.getValue();
        }

        void set(int key, long value) {
            RbdImages.check("rbd_image_options_set_uint64", RBD.rbd_image_options_set_uint64(pointer, key, value));
        }

        @Override
        public void close() {
            RBD.rbd_image_options_destroy(pointer);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        connection.close();
    }
}
