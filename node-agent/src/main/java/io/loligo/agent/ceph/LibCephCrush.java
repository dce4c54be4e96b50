package io.loligo.agent.ceph;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * Ceph's CRUSH in C, as libceph-common (the library librados itself links to) exports it: the builder that makes a
 * map, and the mapper that places an input on it, the code every Ceph daemon and tool maps PGs with. {@code struct
 * crush_map}'s fields are written at their C offsets (Ceph 16's {@code crush/crush.h} on x86_64) rather than through a
 * JNA structure, which a native image would have to reflect on. A library laid out otherwise would map wrongly: each
 * preview compares the up sets it maps with the PG map's before it trusts them ({@link LoweredWeightPreview}).
 */
interface LibCephCrush extends Library {

    static LibCephCrush load(String path) {
        return Native.load(path, LibCephCrush.class);
    }

    /** {@code struct crush_map}: {@code __s32 max_devices @24}, then the tunables. */
    long MAX_DEVICES = 24;
    long CHOOSE_LOCAL_TRIES = 28;
    long CHOOSE_LOCAL_FALLBACK_TRIES = 32;
    long CHOOSE_TOTAL_TRIES = 36;
    long CHOOSELEAF_DESCEND_ONCE = 40;
    /** {@code __u8}. */
    long CHOOSELEAF_VARY_R = 44;
    /** {@code __u8}. */
    long CHOOSELEAF_STABLE = 45;
    /** {@code size_t}: what {@code crush_do_rule} needs besides its result's three arrays. */
    long WORKING_SIZE = 48;
    /** {@code __u8}: how straw (v1) buckets weigh their items, read when such a bucket is made. */
    long STRAW_CALC_VERSION = 56;
    long ALLOWED_BUCKET_ALGS = 60;
    /** {@code CRUSH_HASH_RJENKINS1}, the only hash Ceph has. */
    int HASH_RJENKINS1 = 0;
    /** How the mapper fills a slot it found no item for. */
    int ITEM_NONE = 0x7fffffff;
    /** An override weight of 1 ({@code CEPH_OSD_IN}). */
    int WEIGHT_IN = 0x10000;

    Pointer crush_create();

    void crush_destroy(Pointer map);

    Pointer crush_make_bucket(Pointer map, int alg, int hash, int type, int size, int[] items, int[] weights);

    int crush_add_bucket(Pointer map, int id, Pointer bucket, int[] idOut);

    Pointer crush_make_rule(int length, int ruleset, int type, int minSize, int maxSize);

    void crush_rule_set_step(Pointer rule, int position, int op, int arg1, int arg2);

    int crush_add_rule(Pointer map, Pointer rule, int ruleno);

    void crush_finalize(Pointer map);

    int crush_find_rule(Pointer map, int ruleset, int type, int size);

    void crush_init_workspace(Pointer map, Pointer workspace);

    int crush_do_rule(Pointer map, int ruleno, int x, int[] result, int resultMax, Pointer weights, int weightMax, Pointer workspace,
                      Pointer chooseArgs);

    int crush_hash32_2(int type, int a, int b);
}
