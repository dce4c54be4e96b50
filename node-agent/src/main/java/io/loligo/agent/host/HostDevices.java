package io.loligo.agent.host;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loligo.agent.config.AgentConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The host's block devices: lsblk's view, read at each ask (milliseconds), and Ceph's own inventory
 * ({@code ceph-volume inventory}: whether each device can take a new OSD, and why not), which probes every device
 * and takes seconds on a host of many disks, so it is kept and read again in the background once older than
 * {@link #INVENTORY_KEPT}. Only the first read waits for one, at most {@link #INVENTORY_WAIT}, and otherwise answers
 * without it, saying so.
 */
@ApplicationScoped
public class HostDevices {
    static final List<String> LSBLK = List.of("lsblk", "--json", "--bytes", "--output",
            "NAME,PATH,TYPE,SIZE,ROTA,RO,RM,MODEL,SERIAL,VENDOR,WWN,TRAN,MOUNTPOINT,FSTYPE,PKNAME");
    static final Duration LSBLK_TIMEOUT = Duration.ofSeconds(5);
    static final Duration INVENTORY_KEPT = Duration.ofMinutes(5);
    static final Duration INVENTORY_WAIT = Duration.ofSeconds(4);
    static final Duration INVENTORY_TIMEOUT = Duration.ofMinutes(2);

    /** What bluestore writes first on an OSD's device, before its label. */
    static final byte[] BLUESTORE_MAGIC = "bluestore block device\n".getBytes(StandardCharsets.US_ASCII);
    static final Duration LABEL_TIMEOUT = Duration.ofSeconds(10);

    private final ObjectMapper mapper;
    private final String cephVolume;
    private final Optional<Path> deviceFiles;
    private final String bluestoreTool;
    private final ExecutorService inventories = Executors.newSingleThreadExecutor(task -> new Thread(task, "device-inventory"));
    /** The last inventory's outcome and when it was read; guarded by this. */
    private Inventory kept;
    private CompletableFuture<Inventory> reading;

    /** @param devices ceph-volume's answer, or null when it failed, as {@code error} says */
    private record Inventory(JsonNode devices, String error, Instant readAt) {
    }

    @Inject
    public HostDevices(AgentConfig config, ObjectMapper mapper) {
        this.mapper = mapper;
        this.cephVolume = config.cephVolume();
        this.deviceFiles = config.osds().deviceFiles();
        this.bluestoreTool = config.osds().bluestoreTool();
    }

    void onStop(@Observes ShutdownEvent event) {
        inventories.shutdownNow();
    }

    /**
     * {@code {"lsblk": {...}, "files": [...], "ceph_volume": [...], "ceph_volume_read_at": "...", "ceph_volume_error":
     * "..."}}, the last three each missing when not known.
     */
    public JsonNode devices() {
        ObjectNode answer = mapper.createObjectNode();
        answer.set("lsblk", parse(HostProcess.run(LSBLK, LSBLK_TIMEOUT).outputOrFail(), "lsblk"));
        deviceFiles.ifPresent(directory -> answer.set("files", files(directory)));
        CompletableFuture<Inventory> pending = inventory();
        Inventory inventory;
        try {
            inventory = pending.get(INVENTORY_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            inventory = kept();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            inventory = kept();
        } catch (ExecutionException e) {
            inventory = new Inventory(null, e.getCause().getMessage(), Instant.now());
        }
        if (inventory == null) {
            answer.put("ceph_volume_error", "ceph-volume inventory is still being read; ask again in seconds");
        } else {
            answer.set("ceph_volume", inventory.devices());
            answer.put("ceph_volume_read_at", inventory.readAt().toString());
            if (inventory.error() != null) {
                answer.put("ceph_volume_error", inventory.error());
            }
        }
        return answer;
    }

    /**
     * The kept inventory, read again in the background once older than {@link #INVENTORY_KEPT}; the first one, which
     * a read waits for.
     */
    private synchronized CompletableFuture<Inventory> inventory() {
        if (kept != null && kept.readAt().plus(INVENTORY_KEPT).isAfter(Instant.now())) {
            return CompletableFuture.completedFuture(kept);
        }
        CompletableFuture<Inventory> next = readAgain();
        return kept != null ? CompletableFuture.completedFuture(kept) : next;
    }

    /** Called holding this object's monitor, which the read's end takes too. */
    private CompletableFuture<Inventory> readAgain() {
        if (reading != null) {
            return reading;
        }
        CompletableFuture<Inventory> started = CompletableFuture.supplyAsync(this::readInventory, inventories).whenComplete((read, failure) -> {
            synchronized (this) {
                kept = read;
                reading = null;
            }
        });
        // a read that ended already has cleared what it would find here
        if (!started.isDone()) {
            reading = started;
        }
        return started;
    }

    private synchronized Inventory kept() {
        return kept;
    }

    private Inventory readInventory() {
        try {
            return new Inventory(parse(HostProcess.run(List.of(cephVolume, "inventory", "--format", "json"), INVENTORY_TIMEOUT).outputOrFail(), cephVolume), null, Instant.now());
        } catch (UncheckedIOException e) {
            Log.debugf("no device inventory from ceph-volume: %s", e.getMessage());
            return new Inventory(null, e.getMessage(), Instant.now());
        }
    }

    /**
     * The file-backed devices (the lab's spare disks): {@code [{"path", "size", "label"}]}, the label the bluestore
     * label of the OSD made on it ({@code whoami}, {@code osd_uuid}, {@code ceph_fsid}), or missing on a blank one.
     */
    private ArrayNode files(Path directory) {
        ArrayNode files = mapper.createArrayNode();
        if (!Files.isDirectory(directory)) {
            return files;
        }
        try (Stream<Path> listed = Files.list(directory)) {
            for (Path file : listed.filter(Files::isRegularFile).sorted().toList()) {
                ObjectNode device = files.addObject().put("path", file.toString()).put("size", Files.size(file));
                if (labelled(file)) {
                    JsonNode label = parse(HostProcess.run(List.of(bluestoreTool, "show-label", "--dev", file.toString()), LABEL_TIMEOUT)
                            .outputOrFail(), bluestoreTool).path(file.toString());
                    device.set("label", label);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not list the device files in " + directory + ": " + e.getMessage(), e);
        }
        return files;
    }

    private static boolean labelled(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(BLUESTORE_MAGIC.length), BLUESTORE_MAGIC);
        }
    }

    private JsonNode parse(String output, String tool) {
        try {
            return mapper.readTree(output);
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException(tool + " answered what is not JSON: " + e.getMessage()));
        }
    }
}
