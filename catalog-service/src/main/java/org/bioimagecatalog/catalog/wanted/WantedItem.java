package org.bioimagecatalog.catalog.wanted;

import java.time.Instant;
import java.util.List;

/** A request on the boards as stored (the requester's key hash stays inside the service). */
public record WantedItem(long id, String kind, String title, String description, String requester,
        String requesterHash, List<String> tags, int votes, String status, String fulfilledByDataset,
        String fulfilledByUrl, Instant createdAt, Instant updatedAt) {}
