package io.loligo.agent.ceph;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import io.loligo.agent.ceph.Librados.SizeT;
import io.loligo.agent.ceph.Librados.SizeTByReference;

import java.util.Map;

/**
 * The part of librbd.so.1 the agent calls. Structs are read from raw memory at their C offsets (checked with
 * {@code offsetof} on librbd 1.16.0) rather than through JNA structures, which a native image would have to reflect
 * on; each list librbd fills goes back through its own cleanup call.
 */
interface Librbd extends Library {

    Librbd INSTANCE = Native.load("rbd", Librbd.class, Map.of(Library.OPTION_STRING_ENCODING, "UTF-8"));

    /** {@code rbd_image_spec_t}: {@code char *id, char *name}. */
    int IMAGE_SPEC_SIZE = 16;
    /** {@code rbd_image_info_t}: {@code u64 size @0, u64 obj_size @8, u64 num_objs @16, int order @24}, 160 bytes. */
    int IMAGE_INFO_SIZE = 160;
    /** {@code rbd_snap_info_t}: {@code u64 id, u64 size, char *name}. */
    int SNAP_INFO_SIZE = 24;
    /** {@code rbd_image_watcher_t}: {@code char *addr, int64 id, u64 cookie}. */
    int WATCHER_SIZE = 24;
    /**
     * {@code rbd_linked_image_spec_t}: {@code int64 pool_id @0, char *pool_name @8, char *pool_namespace @16,
     * char *image_id @24, char *image_name @32, bool trash @40}, 48 bytes.
     */
    int LINKED_IMAGE_SPEC_SIZE = 48;
    /** {@code rbd_snap_spec_t}: {@code u64 id @0, int namespace_type @8, char *name @16}, 24 bytes. */
    int SNAP_SPEC_SIZE = 24;
    /**
     * {@code rbd_trash_image_info_t}: {@code char *id @0, char *name @8, int source @16, time_t deletion_time @24,
     * time_t deferment_end_time @32}, 40 bytes.
     */
    int TRASH_INFO_SIZE = 40;
    /** {@code rbd_image_options_t} keys. */
    int OPTION_FEATURES = 1;
    int OPTION_ORDER = 2;
    int OPTION_DATA_POOL = 10;
    int ERANGE = -34;
    int ENOENT = -2;
    /** {@code rbd_get_flags}: the object map, and so the fast diff, must be rebuilt before it can be trusted. */
    long FLAG_OBJECT_MAP_INVALID = 1;
    long FLAG_FAST_DIFF_INVALID = 2;

    int rbd_list2(Pointer ioctx, Pointer images, SizeTByReference maxImages);

    void rbd_image_spec_list_cleanup(Pointer images, SizeT count);

    int rbd_open_by_id_read_only(Pointer ioctx, String id, PointerByReference image, String snapName);

    int rbd_close(Pointer image);

    int rbd_stat(Pointer image, Pointer info, SizeT infoSize);

    int rbd_get_features(Pointer image, LongByReference features);

    int rbd_get_flags(Pointer image, LongByReference flags);

    int rbd_snap_list(Pointer image, Pointer snaps, IntByReference maxSnaps);

    void rbd_snap_list_end(Pointer snaps);

    int rbd_get_parent(Pointer image, Pointer parentImage, Pointer parentSnap);

    void rbd_linked_image_spec_cleanup(Pointer spec);

    void rbd_snap_spec_cleanup(Pointer spec);

    long rbd_get_data_pool_id(Pointer image);

    int rbd_watchers_list(Pointer image, Pointer watchers, SizeTByReference maxWatchers);

    void rbd_watchers_list_cleanup(Pointer watchers, SizeT count);

    /** {@code struct timespec}: {@code time_t tv_sec, long tv_nsec}. */
    int rbd_get_create_timestamp(Pointer image, Pointer timespec);

    int rbd_diff_iterate2(Pointer image, String fromSnap, long offset, long length, byte includeParent, byte wholeObject,
                          DiffCallback callback, Pointer argument);

    int rbd_open(Pointer ioctx, String name, PointerByReference image, String snapName);

    void rbd_image_options_create(PointerByReference options);

    void rbd_image_options_destroy(Pointer options);

    int rbd_image_options_set_uint64(Pointer options, int key, long value);

    int rbd_image_options_set_string(Pointer options, int key, String value);

    int rbd_create4(Pointer ioctx, String name, long size, Pointer options);

    int rbd_resize2(Pointer image, long size, byte allowShrink, ProgressCallback callback, Pointer argument);

    int rbd_rename(Pointer ioctx, String from, String to);

    int rbd_remove_with_progress(Pointer ioctx, String name, ProgressCallback callback, Pointer argument);

    int rbd_trash_move(Pointer ioctx, String name, long delaySeconds);

    int rbd_trash_list(Pointer ioctx, Pointer entries, SizeTByReference count);

    void rbd_trash_list_cleanup(Pointer entries, SizeT count);

    int rbd_trash_restore(Pointer ioctx, String id, String name);

    int rbd_trash_remove_with_progress(Pointer ioctx, String id, byte force, ProgressCallback callback, Pointer argument);

    int rbd_flatten_with_progress(Pointer image, ProgressCallback callback, Pointer argument);

    int rbd_copy_with_progress3(Pointer image, Pointer targetIoctx, String targetName, Pointer options, ProgressCallback callback,
                                Pointer argument);

    int rbd_clone3(Pointer parentIoctx, String parent, String snapshot, Pointer childIoctx, String child, Pointer options);

    int rbd_snap_create(Pointer image, String snapshot);

    int rbd_snap_remove(Pointer image, String snapshot);

    int rbd_snap_rename(Pointer image, String from, String to);

    int rbd_snap_rollback_with_progress(Pointer image, String snapshot, ProgressCallback callback, Pointer argument);

    int rbd_snap_protect(Pointer image, String snapshot);

    int rbd_snap_unprotect(Pointer image, String snapshot);

    int rbd_snap_is_protected(Pointer image, String snapshot, IntByReference isProtected);

    int rbd_snap_get_timestamp(Pointer image, long snapshotId, Pointer timespec);

    /** Called by long operations as they go; a non-zero answer stops them. */
    interface ProgressCallback extends Callback {
        int invoke(long done, long total, Pointer argument);
    }

    /** Called for each extent {@link #rbd_diff_iterate2} finds; a non-zero answer stops it. */
    interface DiffCallback extends Callback {
        int invoke(long offset, long length, int exists, Pointer argument);
    }
}
