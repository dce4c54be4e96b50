package io.loligo.cluster.request;

import io.loligo.contracts.api.PageRequest;
import io.loligo.contracts.api.ApiException;
import io.loligo.contracts.api.Page;
import io.loligo.contracts.api.Problem.FieldError;
import io.loligo.contracts.api.RequestView;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Requests as the API shows them: newest first, paginated, with a state filter. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RequestQueries {
    /** Calamari's page size for requests. */
    static final int DEFAULT_PAGE_SIZE = 10;

    /** @param fsid only this cluster's requests, when not null */
    public Page<RequestView> page(String fsid, String state, String page, String pageSize) {
        List<FieldError> errors = new ArrayList<>();
        RequestState wanted = state(state, errors);
        PageRequest request = PageRequest.parse(page, pageSize, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (fsid != null) {
            where.append(" and fsid = :fsid");
            parameters.and("fsid", fsid);
        }
        if (wanted != null) {
            where.append(" and state = :state");
            parameters.and("state", wanted);
        }
        PanacheQuery<RequestEntity> query = RequestEntity.find(where.toString(), Sort.descending("requestedAt", "id"), parameters);
        long first = request.offset(DEFAULT_PAGE_SIZE);
        long last = Math.min(Integer.MAX_VALUE, first + request.size(DEFAULT_PAGE_SIZE) - 1);
        List<RequestView> results = query.range((int) Math.min(first, Integer.MAX_VALUE), (int) last).list().stream()
                .map(RequestQueries::view).toList();
        return request.page(query.count(), results, DEFAULT_PAGE_SIZE, wanted == null ? "" : "state=" + wanted.apiName() + "&");
    }

    /** @throws NotFoundException naming the id */
    public RequestView get(String id) {
        return RequestEntity.<RequestEntity>findByIdOptional(requestId(id)).map(RequestQueries::view)
                .orElseThrow(() -> new NotFoundException("no request " + id));
    }

    /** @throws NotFoundException naming the id, also when it is not a request id at all */
    public static UUID requestId(String id) {
        return parseRequestId(id).orElseThrow(() -> new NotFoundException("no request " + id));
    }

    static Optional<UUID> parseRequestId(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    static RequestView view(RequestEntity request) {
        int changes = request.commands.size();
        // each change is a step, and so is the wait for the OSD map to show them
        int progress = request.state == RequestState.COMPLETE ? 100 : 100 * request.nextCommand / (changes + 1);
        return new RequestView(request.id.toString(), request.state.apiName(), request.state == RequestState.ERROR
                || request.state == RequestState.CANCELLED, request.errorMessage == null ? "" : request.errorMessage,
                request.headline, request.phase, utc(request.requestedAt), utc(request.completedAt), request.fsid, progress,
                request.requestedBy, request.log.stream().map(line -> new RequestView.LogLine(utc(line.at()), line.message())).toList());
    }

    private static RequestState state(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return RequestState.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException notAState) {
            errors.add(new FieldError("state", "must be one of " + String.join(", ",
                    Arrays.stream(RequestState.values()).map(RequestState::apiName).toList())));
            return null;
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
