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

    /** Called for each extent {@link #rbd_diff_iterate2} finds; a non-zero answer stops it. */
    interface DiffCallback extends Callback {
        int invoke(long offset, long length, int exists, Pointer argument);
    }
}
