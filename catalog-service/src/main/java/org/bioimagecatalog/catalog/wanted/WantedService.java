package org.bioimagecatalog.catalog.wanted;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.bioimagecatalog.catalog.api.InvalidParameterException;
import org.bioimagecatalog.catalog.dataset.Dataset;
import org.bioimagecatalog.model.ModelJson;
import org.jboss.logging.Logger;

/**
 * The "most wanted" boards: requests for datasets and pipelines, one vote per API key identity (stored as a
 * SHA-256 hash, never the key or its name), and status changes by the requester's key or a curator.
 */
@ApplicationScoped
public class WantedService {
    private static final Logger LOG = Logger.getLogger(WantedService.class);
    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9._+:-]{0,49}");
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    /** One page: the requests and whether more follow. */
    public record Slice(List<WantedItem> items, boolean more, long total) {}

    /** A list request, already validated. */
    public record Query(String kind, String status, String tag, boolean byVotes, int offset, int limit) {}

    /** The vote count after a vote or unvote, and whether the caller's vote is now counted. */
    public record VoteResult(long id, int votes, boolean voted) {}

    @Inject
    EntityManager em;

    /** SHA-256 of the key identity (its name, which survives rotation to a new key of the same name). */
    public static String identityHash(String keyName) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(("api-key:" + keyName).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public long post(WantedRequests.Post post, String keyName) {
        List<String> tags = tags(post.tags());
        Instant now = Instant.now();
        String requester = post.requester() == null || post.requester().isBlank() ? keyName : post.requester().strip();
        long id = ((Number) em.createNativeQuery("insert into wanted_request (kind, title, description, requester,"
                        + " requester_hash, tags, created_at, updated_at) values (:kind, :title, :description,"
                        + " :requester, :hash, cast(:tags as text[]), :now, :now) returning id")
                .setParameter("kind", post.kind()).setParameter("title", post.title().strip())
                .setParameter("description", post.description() == null || post.description().isBlank() ? null
                        : post.description().strip())
                .setParameter("requester", requester).setParameter("hash", identityHash(keyName))
                .setParameter("tags", "{" + String.join(",", tags) + "}").setParameter("now", now)
                .getSingleResult()).longValue();
        LOG.infof("wanted request %d (%s) posted by key %s", id, post.kind(), keyName);
        return id;
    }

    @Transactional
    public WantedItem get(long id) {
        List<WantedItem> found = select(" where w.id = :id", Map.of("id", id), "", 0, 1);
        if (found.isEmpty()) {
            throw new WantedNotFoundException(Long.toString(id));
        }
        return found.get(0);
    }

    @Transactional
    public Slice page(Query query) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (query.kind() != null) {
            where.append(" and w.kind = :kind");
            params.put("kind", query.kind());
        }
        if (query.status() != null) {
            where.append(" and w.status = :status");
            params.put("status", query.status());
        }
        if (query.tag() != null) {
            where.append(" and w.tags @> cast(:tag as text[])");
            params.put("tag", "{" + query.tag() + "}");
        }
        String order = query.byVotes() ? " order by w.votes desc, w.id desc" : " order by w.id desc";
        List<WantedItem> rows = select(where.toString(), params, order, query.offset(), query.limit() + 1);
        jakarta.persistence.Query count = em.createNativeQuery("select count(*) from wanted_request w" + where);
        params.forEach(count::setParameter);
        boolean more = rows.size() > query.limit();
        return new Slice(more ? rows.subList(0, query.limit()) : rows, more, ((Number) count.getSingleResult()).longValue());
    }

    /** Counts the caller's vote once, however often it is sent. */
    @Transactional
    public VoteResult vote(long id, String keyName) {
        lock(id);
        em.createNativeQuery("insert into wanted_vote (request_id, voter_hash, voted_at) values (:id, :hash, :now)"
                        + " on conflict do nothing")
                .setParameter("id", id).setParameter("hash", identityHash(keyName)).setParameter("now", Instant.now())
                .executeUpdate();
        return new VoteResult(id, recount(id), true);
    }

    @Transactional
    public VoteResult unvote(long id, String keyName) {
        lock(id);
        em.createNativeQuery("delete from wanted_vote where request_id = :id and voter_hash = :hash")
                .setParameter("id", id).setParameter("hash", identityHash(keyName)).executeUpdate();
        return new VoteResult(id, recount(id), false);
    }

    /**
     * Sets the status. Only the requester's key or a curator may; {@code fulfilled} needs what fulfils the
     * request (a live dataset of the catalog for a dataset request, an http(s) link for a pipeline request),
     * and the other statuses take no link (a re-opened request loses its old one).
     */
    @Transactional
    public WantedItem changeStatus(long id, WantedRequests.StatusChange change, String keyName, boolean curator) {
        WantedItem item = lockAndGet(id);
        if (!curator && !item.requesterHash().equals(identityHash(keyName))) {
            throw new NotRequesterException(id);
        }
        String dataset = blankToNull(change.fulfilledByDataset());
        String url = blankToNull(change.fulfilledByUrl());
        if (!"fulfilled".equals(change.status())) {
            if (dataset != null) {
                throw new InvalidParameterException("fulfilledByDataset", "only a fulfilled request names what fulfils it");
            }
            if (url != null) {
                throw new InvalidParameterException("fulfilledByUrl", "only a fulfilled request names what fulfils it");
            }
        } else if ("dataset".equals(item.kind()) && dataset == null) {
            throw new InvalidParameterException("fulfilledByDataset", "a dataset request is fulfilled by a dataset of the catalog");
        } else if ("pipeline".equals(item.kind()) && url == null) {
            throw new InvalidParameterException("fulfilledByUrl", "a pipeline request is fulfilled by a link to the pipeline");
        }
        if (dataset != null) {
            requireLiveDataset(dataset);
        }
        if (url != null) {
            requireHttpUrl(url);
        }
        em.createNativeQuery("update wanted_request set status = :status, fulfilled_by_dataset = :dataset,"
                        + " fulfilled_by_url = :url, updated_at = :now where id = :id")
                .setParameter("status", change.status()).setParameter("dataset", dataset).setParameter("url", url)
                .setParameter("now", Instant.now()).setParameter("id", id).executeUpdate();
        LOG.infof("wanted request %d is %s (by key %s)", id, change.status(), keyName);
        return get(id);
    }

    /** Tags in lower case, each once, in the order given; 400 naming the first bad one. */
    static List<String> tags(List<String> given) {
        if (given == null) {
            return List.of();
        }
        Set<String> tags = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String tag = given.get(i) == null ? "" : given.get(i).strip().toLowerCase(Locale.ROOT);
            if (!TAG.matcher(tag).matches()) {
                throw new InvalidParameterException("tags[" + i + "]", "a tag is 1 to 50 lower-case letters, digits,"
                        + " '-', '_', '.', '+' or ':' (no spaces), got '" + given.get(i) + "'");
            }
            tags.add(tag);
        }
        return new ArrayList<>(tags);
    }

    public static boolean validTag(String tag) {
        return TAG.matcher(tag).matches();
    }

    private void requireLiveDataset(String datasetId) {
        Dataset dataset = Dataset.findById(datasetId);
        if (dataset == null) {
            throw new InvalidParameterException("fulfilledByDataset", "no dataset of the catalog has the id " + datasetId);
        }
        if (dataset.mergedInto != null) {
            throw new InvalidParameterException("fulfilledByDataset",
                    "the dataset " + datasetId + " was merged into " + dataset.mergedInto + "; name that one");
        }
        if (dataset.withdrawn) {
            throw new InvalidParameterException("fulfilledByDataset", "the dataset " + datasetId + " was withdrawn");
        }
    }

    private static void requireHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new InvalidParameterException("fulfilledByUrl", "must be an http(s) URL, got '" + url + "'");
    }

    private void lock(long id) {
        if (em.createNativeQuery("select id from wanted_request where id = :id for update").setParameter("id", id)
                .getResultList().isEmpty()) {
            throw new WantedNotFoundException(Long.toString(id));
        }
    }

    private WantedItem lockAndGet(long id) {
        lock(id);
        return get(id);
    }

    private int recount(long id) {
        return ((Number) em.createNativeQuery("update wanted_request set votes = (select count(*) from wanted_vote"
                        + " where request_id = :id) where id = :id returning votes")
                .setParameter("id", id).getSingleResult()).intValue();
    }

    private List<WantedItem> select(String where, Map<String, Object> params, String tail, int offset, int limit) {
        jakarta.persistence.Query query = em.createNativeQuery("select w.id, w.kind, w.title, w.description,"
                + " w.requester, w.requester_hash, array_to_json(w.tags)::text, w.votes, w.status,"
                + " w.fulfilled_by_dataset, w.fulfilled_by_url, w.created_at, w.updated_at from wanted_request w"
                + where + tail);
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.setFirstResult(offset).setMaxResults(limit).getResultList();
        return rows.stream().map(r -> new WantedItem(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                (String) r[3], (String) r[4], (String) r[5], strings((String) r[6]), ((Number) r[7]).intValue(),
                (String) r[8], (String) r[9], (String) r[10], instant(r[11]), instant(r[12]))).toList();
    }

    private static List<String> strings(String json) {
        try {
            return json == null ? List.of() : ModelJson.mapper().readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored tags are not readable", e);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return value instanceof Timestamp t ? t.toInstant() : null;
    }
}
