package io.loligo.contracts.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A new CephFS volume: its pools are named after it ({@code cephfs.<name>.meta}, {@code cephfs.<name>.data}). */
public record FileSystemForm(@JsonProperty("name") String name) {
}
