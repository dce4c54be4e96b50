package io.loligo.cluster.fs;

import io.loligo.cluster.listing.SortedViews;
import io.loligo.cluster.sync.KeptReads;
import io.loligo.cluster.sync.LiveReads;
import io.loligo.contracts.api.FileSystemView;
import io.loligo.contracts.api.SubvolumeViews;
import io.loligo.contracts.command.ReadSubvolumes;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Each CephFS volume's subvolumes as an agent last read them, kept (see {@link KeptReads}) so that every page,
 * ordering and search of a volume of thousands is answered from memory; read anew after each subvolume request of
 * Loligo's on the volume, so that its changes show at once.
 */
@ApplicationScoped
public class SubvolumeListings {
    static final Duration FRESH_FOR = Duration.ofSeconds(2);
    /**
     * An agent describes the subvolumes new to it, about 14 ms apiece, for up to 4 s. Below the gateway's 10 s for an
     * answer, so that an agent that cannot answer is a 504 that says so.
     */
    static final Duration LISTING_TIMEOUT = Duration.ofSeconds(8);

    private final ExecutorService reader = Executors.newCachedThreadPool(task -> new Thread(task, "subvolume-listing"));
    private final KeptReads<Key, Listing> kept = new KeptReads<>(FRESH_FOR, reader, listing -> listing.volume().pending().isEmpty());

    @Inject
    LiveReads liveReads;

    private record Key(String fsid, String volume) {
    }

    /** A request changed the volume's subvolumes: they are read again before the next answer. */
    public record Changed(String fsid, String volume) {
    }

    /** A volume's groups and subvolumes, each order of its subvolumes sorted once. */
    public record Listing(Subvolumes.Volume volume, SortedViews<SubvolumeViews.Subvolume> subvolumes) {
    }

    public Listing read(String fsid, FileSystemView fileSystem) {
        return kept.get(new Key(fsid, fileSystem.name()), () -> {
            Subvolumes.Volume volume = Subvolumes.of(fsid, fileSystem, liveReads.read(new ReadSubvolumes(fsid, fileSystem.name()), LISTING_TIMEOUT));
            return new Listing(volume, new SortedViews<>(volume.subvolumes()));
        });
    }

    /**
     * The volume as an agent reads it now: for a new subvolume's name, which one made beside Loligo a moment ago must
     * take too (the volumes module would answer its create as done, and change nothing).
     */
    public Listing readNow(String fsid, FileSystemView fileSystem) {
        kept.forget(key -> key.fsid().equals(fsid) && key.volume().equals(fileSystem.name()));
        return read(fsid, fileSystem);
    }

    void onChanged(@Observes Changed changed) {
        kept.forget(key -> key.fsid().equals(changed.fsid()) && key.volume().equals(changed.volume()));
    }

    void onStop(@Observes ShutdownEvent event) {
        reader.shutdownNow();
    }
}
