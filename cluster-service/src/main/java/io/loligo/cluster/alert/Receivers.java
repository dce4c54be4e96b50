package io.loligo.cluster.alert;

import io.loligo.cluster.live.LiveUpdates;
import io.loligo.contracts.api.AlertForms;
import io.loligo.contracts.api.AlertViews;
import io.loligo.contracts.api.LiveUpdate;
import io.loligo.contracts.api.Problem.FieldError;
import io.loligo.contracts.refusal.Conflict;
import io.loligo.contracts.refusal.InvalidInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The receivers alerts go to: made, listed and removed by operators. */
@ApplicationScoped
@Transactional
public class Receivers {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern MAILBOX = Pattern.compile("mailto:[^@\\s,;<>]{1,64}@[A-Za-z0-9.-]{1,253}");

    @Inject
    LiveUpdates live;

    public AlertViews.Receiver create(AlertForms.Receiver form, String user, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (form.name() == null || !NAME.matcher(form.name()).matches()) {
            errors.add(new FieldError("name", "1 to 64 letters, digits, - and _"));
        } else if (ReceiverEntity.count("name", form.name()) > 0) {
            throw new Conflict("ReceiverExists", "a receiver named " + form.name() + " exists",
                    List.of(new FieldError("name", "taken")));
        }
        Optional<ReceiverKind> kind = ReceiverKind.of(form.kind());
        if (kind.isEmpty()) {
            errors.add(new FieldError("kind", "alertmanager, webhook or email"));
        } else if (kind.get() == ReceiverKind.EMAIL) {
            checkMailbox(form.url(), errors);
        } else {
            checkUrl(form.url(), errors);
        }
        InvalidInput.refuseIfAny(errors);
        ReceiverEntity receiver = new ReceiverEntity();
        receiver.name = form.name();
        receiver.kind = form.kind();
        receiver.url = form.url();
        receiver.createdBy = user;
        receiver.createdAt = now;
        receiver.persist();
        changed();
        return view(receiver);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AlertViews.Receiver> list() {
        return ReceiverEntity.<ReceiverEntity>listAll().stream().map(Receivers::view)
                .sorted(Comparator.comparing(AlertViews.Receiver::name)).toList();
    }

    private ReceiverEntity find(String id) {
        return ById.find(id, Long::valueOf, key -> ReceiverEntity.<ReceiverEntity>findById(key), "receiver");
    }

    /** The receiver as sending to it needs it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Notifications.Target target(String id) {
        ReceiverEntity receiver = find(id);
        return new Notifications.Target(receiver.id, receiver.name, ReceiverKind.of(receiver.kind).orElseThrow(), receiver.url);
    }

    /** Removes the receiver and what it was still owed. */
    public void delete(String id) {
        find(id).delete();
        changed();
    }

    /** Only http(s) with a host: a receiver is reached over HTTP, and nothing else may be asked of cluster-service. */
    private static void checkUrl(String url, List<FieldError> errors) {
        if (url == null || url.isBlank()) {
            errors.add(new FieldError("url", "required: an http or https URL"));
            return;
        }
        try {
            URI uri = new URI(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                errors.add(new FieldError("url", "an http or https URL with a host"));
            } else if (uri.getUserInfo() != null) {
                errors.add(new FieldError("url", "credentials in the URL would be shown to every user: not taken"));
            }
        } catch (URISyntaxException e) {
            errors.add(new FieldError("url", "not a URL: " + e.getReason()));
        }
    }

    /** One address, as a {@code mailto:} URL: {@code mailto:ops@example.com}. */
    private static void checkMailbox(String url, List<FieldError> errors) {
        if (url == null || !MAILBOX.matcher(url).matches()) {
            errors.add(new FieldError("url", "a mailto: URL with one address, such as mailto:ops@example.com"));
        }
    }

    private void changed() {
        live.afterCommit(LiveUpdate.ALERT, "receivers", null, () -> Map.of("receivers", true));
    }

    static AlertViews.Receiver view(ReceiverEntity receiver) {
        return new AlertViews.Receiver(receiver.id, receiver.name, receiver.kind, receiver.url, receiver.createdBy, receiver.createdAt);
    }
}
