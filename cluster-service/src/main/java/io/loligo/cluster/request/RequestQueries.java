package io.loligo.cluster.request;

import io.loligo.cluster.persistence.PageQuery;
import io.loligo.contracts.api.Page;
import io.loligo.contracts.api.PageRequest;
import io.loligo.contracts.api.Problem.FieldError;
import io.loligo.contracts.api.RequestView;
import io.loligo.contracts.refusal.InvalidInput;
import io.loligo.contracts.refusal.NotFound;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Requests as the API shows them: newest first, paginated, with a state filter. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RequestQueries {
    /** Calamari's page size for requests. */
    static final int DEFAULT_PAGE_SIZE = 10;
    /** The latest lines of each request's log that a list carries; the request itself has all. */
    static final int LOG_LINES_LISTED = 10;

    /** @param fsid only this cluster's requests, when not null */
    public Page<RequestView> page(String fsid, String state, String page, String pageSize) {
        List<FieldError> errors = new ArrayList<>();
        Set<RequestState> wanted = states(state, errors);
        PageRequest request = PageRequest.parse(page, pageSize, errors);
        InvalidInput.refuseIfAny(errors);
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (fsid != null) {
            where.append(" and fsid = :fsid");
            parameters.and("fsid", fsid);
        }
        if (!wanted.isEmpty()) {
            where.append(" and state in :states");
            parameters.and("states", wanted);
        }
        PageQuery.Rows<RequestEntity> rows = PageQuery.read(RequestEntity.class, where.toString(), parameters,
                "requestedAt desc, id desc", request.offset(DEFAULT_PAGE_SIZE), request.size(DEFAULT_PAGE_SIZE));
        String echoed = wanted.isEmpty() ? "" : "state=" + wanted.stream().map(RequestState::apiName).collect(Collectors.joining(",")) + "&";
        return request.page(rows.count(), rows.rows().stream().map(RequestQueries::listed).toList(), DEFAULT_PAGE_SIZE, echoed);
    }

    /** @throws NotFound naming the id */
    public RequestView get(String id) {
        return RequestEntity.<RequestEntity>findByIdOptional(requestId(id)).map(RequestQueries::view)
                .orElseThrow(() -> new NotFound("Request", "no request " + id));
    }

    /** @throws NotFound naming the id, also when it is not a request id at all */
    public static UUID requestId(String id) {
        return parseRequestId(id).orElseThrow(() -> new NotFound("Request", "no request " + id));
    }

    static Optional<UUID> parseRequestId(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    /** A request with its whole log. */
    static RequestView view(RequestEntity request) {
        return view(request, request.log);
    }

    /** A request as a list shows it: with the latest lines of its log, which may have thousands. */
    static RequestView listed(RequestEntity request) {
        return view(request, request.log.subList(Math.max(0, request.log.size() - LOG_LINES_LISTED), request.log.size()));
    }

    private static RequestView view(RequestEntity request, List<RequestEntity.LogLine> log) {
        int changes = request.commands.size();
        // each change is a step, and so is the wait for the OSD map to show them; a long change counts as far as it got
        int inFlight = request.changePercent == null ? 0 : request.changePercent;
        int progress = request.state == RequestState.COMPLETE ? 100 : (100 * request.nextCommand + inFlight) / (changes + 1);
        return new RequestView(request.id.toString(), request.state.apiName(), request.state == RequestState.ERROR
                || request.state == RequestState.CANCELLED, request.errorMessage == null ? "" : request.errorMessage,
                request.headline, request.phase, utc(request.requestedAt), utc(request.completedAt), request.fsid, progress,
                request.requestedBy, log.stream().map(line -> new RequestView.LogLine(utc(line.at()), line.message())).toList(),
                request.log.size());
    }

    /** One state, or several separated by commas ({@code queued,submitted}: those not ended); none for every request. */
    private static Set<RequestState> states(String value, List<FieldError> errors) {
        Set<RequestState> states = EnumSet.noneOf(RequestState.class);
        if (value == null || value.isBlank()) {
            return states;
        }
        for (String name : value.split(",")) {
            try {
                states.add(RequestState.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException notAState) {
                errors.add(new FieldError("state", "must be one or more of " + String.join(", ",
                        Arrays.stream(RequestState.values()).map(RequestState::apiName).toList()) + ", separated by commas"));
                return states;
            }
        }
        return states;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
