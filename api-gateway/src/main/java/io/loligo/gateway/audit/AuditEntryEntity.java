package io.loligo.gateway.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "audit_entry")
public class AuditEntryEntity extends PanacheEntity {
    @Column(nullable = false)
    public Instant at;

    /** null when the caller was not logged in */
    public String username;

    /** the client's address */
    @Column(nullable = false)
    public String source;

    @Column(nullable = false)
    public String method;

    /** with its query string */
    @Column(nullable = false)
    public String path;

    /** as {@link AuditBodies} keeps it: secrets masked, long bodies cut */
    public String body;

    @Column(nullable = false)
    public int status;

    @Column(nullable = false)
    public String outcome;

    /** the problem's machine reason, for refusals and failures */
    public String reason;

    /** the request that tracks the operation, when the mutation started one */
    @Column(name = "request_id")
    public String requestId;

    /** The columns' sizes (V2 migration): a caller chooses the path's length, which must not cost the entry. */
    void bound() {
        username = cut(username, 150);
        source = cut(source, 64);
        method = cut(method, 10);
        path = cut(path, 2000);
        outcome = cut(outcome, 16);
        reason = cut(reason, 100);
        requestId = cut(requestId, 64);
    }

    private static String cut(String value, int columnSize) {
        return value == null || value.length() <= columnSize ? value : value.substring(0, columnSize - 1) + "\u2026";
    }
}
