package org.bioimagecatalog.harvester.run;

/**
 * Reads one kind of source (IDR study files, later EMPIAR, OAI-PMH, …) and maps its native records to the
 * common model. Implementations are CDI beans; the run machinery finds them by {@link #type()}.
 */
public interface SourceConnector {

    /** The connector's name in configuration, e.g. {@code idr-study-files}. */
    String type();

    /**
     * The archive this connector reads, used in record keys, e.g. {@code idr} in {@code idr:idr0001}; see
     * {@link #archiveFor(String)} for how a source's archive is chosen.
     */
    String archive();

    /**
     * The default source part of record keys for a source of this connector, used when the source configures no
     * {@code archive} and a record names none of its own: {@link #archive()} for a dedicated connector; generic
     * connectors (one connector, many repositories) use the configured source name.
     */
    default String archiveFor(String sourceName) {
        return archive();
    }

    /** Refuses a location that can never work (wrong scheme, malformed URL) before a run starts. */
    void checkLocation(String location) throws InvalidLocationException;

    /** Lists what a location holds; fails when the location cannot be read at all. */
    SourceListing open(String location) throws LocationUnreadableException;
}
