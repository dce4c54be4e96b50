package io.loligo.cluster.request;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.loligo.contracts.api.RequestView;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class RequestQueriesTest {
    @Test
    void aListCarriesTheLatestLinesOfEachLogAndTheRequestItselfCarriesAll() {
        RequestEntity request = new RequestEntity();
        request.id = UUID.randomUUID();
        request.fsid = "fsid";
        request.state = RequestState.SUBMITTED;
        request.headline = "Draining osd.4";
        request.phase = "Moving data";
        request.requestedBy = "admin";
        request.requestedAt = Instant.EPOCH;
        request.commands = JsonNodeFactory.instance.arrayNode();
        IntStream.range(0, RequestQueries.LOG_LINES_LISTED + 15)
                .forEach(step -> request.log.add(new RequestEntity.LogLine(Instant.EPOCH.plusSeconds(step), "step " + step)));

        RequestView listed = RequestQueries.listed(request);
        assertThat(listed.log()).extracting(RequestView.LogLine::message).hasSize(RequestQueries.LOG_LINES_LISTED)
                .startsWith("step 15").endsWith("step " + (RequestQueries.LOG_LINES_LISTED + 14));
        assertThat(listed.logLines()).isEqualTo(RequestQueries.LOG_LINES_LISTED + 15);

        RequestView whole = RequestQueries.view(request);
        assertThat(whole.log()).extracting(RequestView.LogLine::message).hasSize(RequestQueries.LOG_LINES_LISTED + 15)
                .startsWith("step 0");
        assertThat(whole.logLines()).isEqualTo(RequestQueries.LOG_LINES_LISTED + 15);

        request.log.subList(3, request.log.size()).clear();
        assertThat(RequestQueries.listed(request).log()).hasSize(3);
    }
}
