package io.loligo.contracts.api;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A read that also shows what the live stream does not announce, but that moves no faster than a heartbeat or a
 * Ceph statistics report: a server's last contact, usage from {@code df}, the cluster log, a monitor's status. The
 * gateway keeps its answer as {@link KeptUntilChanged} does, for a second: one read a second per query goes on to
 * cluster-service and the agents, however many callers poll it, while the others are given the answer kept. Not for
 * answers that depend on the caller.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface KeptBriefly {
}
