package org.bioimagecatalog.harvester.idr.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.bioimagecatalog.harvester.run.LocationUnreadableException;
import org.bioimagecatalog.harvester.run.RecordRejectedException;

/** Where the OMERO API's answers come from: the API itself (live, a mirror, a replay) or a folder of saved answers. */
interface OmeroAnswers {

    /** Every project and screen; fails only when nothing at all can be listed. */
    ContainerListing containers() throws LocationUnreadableException;

    /** Where a study's map annotations are read: the run's entry for the study, and its rejections' location. */
    String annotationsLocation(IdrApiStudy study);

    /** The record's source URL. */
    String sourceUrl(IdrApiStudy study);

    /** Where a listed container that belongs to no study is reported. */
    String containerLocation(OmeroContainer container);

    /**
     * The study's map annotations as one {@code {"annotations": […]}} answer.
     *
     * @throws RecordRejectedException the answer cannot be fetched (after the client's retries) or is not JSON
     */
    JsonNode annotations(IdrApiStudy study) throws RecordRejectedException;
}
