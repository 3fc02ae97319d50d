package org.bioimagecatalog.harvester.idr.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bioimagecatalog.harvester.files.InvalidRecordException;
import org.bioimagecatalog.harvester.http.JsonPageFetcher;
import org.bioimagecatalog.harvester.run.HarvestedItem;
import org.bioimagecatalog.harvester.run.RecordRejectedException;
import org.bioimagecatalog.harvester.run.SourceListing;

/**
 * The studies of a container listing, one entry each: containers are grouped by the accession their names start
 * with, so {@code idr0022-koedoot-cellmigration}, {@code …/screenA} and {@code …/screenB} are one record
 * {@code idr:idr0022}. Reading an entry fetches the study's map annotations and maps them; what could not be listed
 * follows the studies as rejected entries.
 */
final class StudyListing implements SourceListing {
    private final OmeroAnswers answers;
    private final IdrApiStudyMapper mapper = new IdrApiStudyMapper();
    private final Map<String, IdrApiStudy> studies = new LinkedHashMap<>();
    private final Map<String, RecordRejectedException> unreadable = new LinkedHashMap<>();

    StudyListing(OmeroAnswers answers, ContainerListing listing) {
        this.answers = answers;
        Map<String, List<OmeroContainer>> byAccession = new TreeMap<>();
        for (OmeroContainer c : listing.containers()) {
            c.studyAccession().ifPresentOrElse(
                    accession -> byAccession.computeIfAbsent(accession, a -> new ArrayList<>()).add(c),
                    () -> {
                        String where = answers.containerLocation(c);
                        unreadable.put(where, new RecordRejectedException(where, c.label()
                                + ": its Name does not start with an IDR study accession (idrNNNN)", null));
                    });
        }
        byAccession.forEach((accession, containers) -> {
            IdrApiStudy study = new IdrApiStudy(accession, containers);
            studies.put(answers.annotationsLocation(study), study);
        });
        unreadable.putAll(listing.unreadable());
    }

    @Override
    public List<String> entries() {
        List<String> entries = new ArrayList<>(studies.keySet());
        entries.addAll(unreadable.keySet());
        return entries;
    }

    @Override
    public HarvestedItem read(String entry) throws RecordRejectedException {
        if (unreadable.containsKey(entry)) {
            throw unreadable.get(entry);
        }
        IdrApiStudy study = studies.get(entry);
        if (study == null) {
            throw new RecordRejectedException(entry, entry + " is not an entry of this listing", null);
        }
        JsonNode answer = answers.annotations(study);
        try {
            return new HarvestedItem(study.accession(), answers.sourceUrl(study),
                    mapper.map(study, StudyAnnotations.read(answer, study)));
        } catch (InvalidRecordException e) {
            String reason = e.getMessage().startsWith(study.accession() + ":") ? e.getMessage()
                    : study.accession() + ": " + e.getMessage();
            throw new RecordRejectedException(entry, reason, JsonPageFetcher.excerpt(answer));
        }
    }
}
