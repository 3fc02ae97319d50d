package org.bioimagecatalog.search.index;

import java.util.List;

/** What Elasticsearch did with a batch of changes; {@code indexed} lists the ids whose upsert was taken. */
public record BulkOutcome(List<String> indexed, int deleted, int stale, int rejected) {}
