package io.loligo.contracts.failure;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseUnreachableTest {

    @Test
    void a_lost_refused_or_shutting_down_connection_is_the_databases_absence_wherever_it_is_in_the_chain() {
        // PostgreSQL's own states: connection failure, the server terminating sessions, the server starting up
        for (String state : new String[]{"08001", "08006", "57P01", "57P03"}) {
            assertThat(DatabaseUnreachable.caused(new IllegalStateException("commit failed",
                    new RuntimeException(new SQLException("gone", state))))).as(state).isTrue();
        }
        assertThat(DatabaseUnreachable.caused(new SQLTransientConnectionException("no connection"))).isTrue();
        assertThat(DatabaseUnreachable.caused(new SQLException("Acquisition timeout while waiting for new connection"))).isTrue();
    }

    @Test
    void a_failure_of_the_statement_itself_is_not() {
        // unique violation, syntax error, serialization failure: the same call would fail again
        for (String state : new String[]{"23505", "42601", "40001"}) {
            assertThat(DatabaseUnreachable.caused(new RuntimeException(new SQLException("no", state)))).as(state).isFalse();
        }
        assertThat(DatabaseUnreachable.caused(new IllegalArgumentException("bad"))).isFalse();
        assertThat(DatabaseUnreachable.caused(new SQLException("no state"))).isFalse();
    }
}
