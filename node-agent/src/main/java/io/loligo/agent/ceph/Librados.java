package io.loligo.agent.ceph;

import com.sun.jna.IntegerType;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.PointerType;
import com.sun.jna.ptr.PointerByReference;

import java.util.Map;

/**
 * The part of librados.so.2 the agent calls. Sizes are {@code size_t}, not int (rados-java's mistake),
 * and every buffer librados allocates for a reply must go back through {@link #rados_buffer_free}.
 */
interface Librados extends Library {

    Librados INSTANCE = Native.load("rados", Librados.class, Map.of(Library.OPTION_STRING_ENCODING, "UTF-8"));

    int rados_create2(PointerByReference cluster, String clusterName, String name, long flags);

    int rados_conf_read_file(Pointer cluster, String path);

    int rados_conf_set(Pointer cluster, String option, String value);

    int rados_conf_get(Pointer cluster, String option, byte[] buf, SizeT len);

    int rados_connect(Pointer cluster);

    int rados_cluster_fsid(Pointer cluster, byte[] buf, SizeT len);

    int rados_mon_command(Pointer cluster, String[] cmd, SizeT cmdLen, byte[] inBuf, SizeT inBufLen,
                          PointerByReference outBuf, SizeTByReference outBufLen,
                          PointerByReference outs, SizeTByReference outsLen);

    int rados_mon_command_target(Pointer cluster, String name, String[] cmd, SizeT cmdLen, byte[] inBuf, SizeT inBufLen,
                                 PointerByReference outBuf, SizeTByReference outBufLen,
                                 PointerByReference outs, SizeTByReference outsLen);

    void rados_buffer_free(Pointer buf);

    int rados_wait_for_latest_osdmap(Pointer cluster);

    int rados_ioctx_create2(Pointer cluster, long poolId, PointerByReference ioctx);

    void rados_ioctx_destroy(Pointer ioctx);

    void rados_shutdown(Pointer cluster);

    /** C {@code size_t}, sized for the platform. */
    final class SizeT extends IntegerType {
        public SizeT() {
            this(0);
        }

        public SizeT(long value) {
            super(Native.SIZE_T_SIZE, value, true);
        }
    }

    /** C {@code size_t *}: librados writes a full size_t through it. */
    final class SizeTByReference extends PointerType {
        public SizeTByReference() {
            this(0);
        }

        /** For the calls that read it first: the capacity of the array they fill. */
        public SizeTByReference(long value) {
            super(new Memory(Native.SIZE_T_SIZE));
            if (Native.SIZE_T_SIZE == 8) {
                getPointer().setLong(0, value);
            } else {
                getPointer().setInt(0, Math.toIntExact(value));
            }
        }

        public long value() {
            return Native.SIZE_T_SIZE == 8 ? getPointer().getLong(0) : getPointer().getInt(0) & 0xffffffffL;
        }
    }
}
