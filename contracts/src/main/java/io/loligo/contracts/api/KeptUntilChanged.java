package io.loligo.contracts.api;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A read whose answer changes only with what cluster-service's live stream announces: a cluster's maps, its requests
 * and its events. The gateway keeps such an answer, as the bytes it sent, until the stream says that the cluster the
 * path names changed (any cluster, for a path that names none), and answers it again without asking cluster-service.
 * A read that also depends on anything the stream does not announce (usage from {@code df}, a server's last contact,
 * the cluster log) must not carry it.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface KeptUntilChanged {
}
