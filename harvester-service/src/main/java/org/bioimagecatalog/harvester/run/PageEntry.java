package org.bioimagecatalog.harvester.run;

/** One record of a page: mapped, withdrawn upstream, or unusable. */
public sealed interface PageEntry {

    record Harvested(HarvestedItem item) implements PageEntry {}

    /** The source says the record was deleted (an OAI-PMH {@code <header status="deleted">}). */
    record Deleted(String nativeId, String sourceUrl) implements PageEntry {}

    record Rejected(RecordRejectedException reason) implements PageEntry {}
}
