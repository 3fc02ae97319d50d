package org.bioimagecatalog.reuse.citation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bioimagecatalog.model.api.Problem;
import org.bioimagecatalog.model.ids.Doi;
import org.bioimagecatalog.model.ids.Orcid;
import org.bioimagecatalog.model.ids.PubMedIds;
import org.bioimagecatalog.reuse.ConcurrentWrites;
import org.bioimagecatalog.reuse.ReuseConfig;
import org.bioimagecatalog.reuse.dataset.TrackedDataset;
import org.bioimagecatalog.reuse.dataset.UnknownDatasetException;
import org.bioimagecatalog.reuse.summary.ReuseSummaryPublisher;
import org.jboss.logging.Logger;

/**
 * Citations submitted by authors and stewards. Idempotent: submitting a pair that is already linked returns
 * the existing link, with the {@code submitted} evidence added the first time only.
 */
@ApplicationScoped
public class CitationSubmissions {
    private static final Logger LOG = Logger.getLogger(CitationSubmissions.class);

    private final CitationLinker linker;
    private final ReuseSummaryPublisher summaries;

    private final ReuseConfig config;

    public CitationSubmissions(CitationLinker linker, ReuseSummaryPublisher summaries, ReuseConfig config) {
        this.linker = linker;
        this.summaries = summaries;
        this.config = config;
    }

    public record Submitted(CitationView citation, boolean created) {}

    public Submitted submit(CitationSubmission submission) {
        Submitted submitted = recordWithRetry(submission);
        try {
            summaries.publishIfStale(submission.datasetId());
        } catch (RuntimeException e) {
            LOG.warnf("dataset %s: reuse summary not published now (%s); the sweep will retry",
                    submission.datasetId(), e.getMessage());
        }
        return submitted;
    }

    private Submitted record(CitationSubmission submission) {
        PublicationRef ref = parseIds(submission.publication());
        TrackedDataset dataset = TrackedDataset.<TrackedDataset>findByIdOptional(submission.datasetId())
                .orElseThrow(() -> new UnknownDatasetException(submission.datasetId()));
        List<Author> authors = submission.publication().authors() == null ? List.of()
                : submission.publication().authors().stream().map(a -> Author.of(a.name(), a.orcid())).toList();
        PublicationRef withAuthors = new PublicationRef(ref.doi(), ref.pmid(), ref.pmcid(), ref.title(), ref.year(),
                Author.joinNames(authors));
        CitationLinker.Finding finding = new CitationLinker.Finding(dataset.datasetId, withAuthors,
                submission.publication().journal(), authors, LinkRelation.valueOf(submission.relation()),
                EvidenceKind.SUBMITTED, "submitted through the citations API",
                HowFound.fromCode(submission.howFound()).orElse(null));
        CitationLinker.Outcome outcome = linker.record(dataset, finding, Instant.now());
        CitationLink.flush();
        return new Submitted(CitationView.of(outcome.link()), outcome.created());
    }

    /** Two identical submissions at once: the loser's insert fails, its second try finds the winner's link. */
    private Submitted recordWithRetry(CitationSubmission submission) {
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> record(submission));
            } catch (RuntimeException e) {
                if (attempt >= config.maxAttempts() || !ConcurrentWrites.isConcurrentWrite(e)) {
                    throw e;
                }
                LOG.infof("dataset %s: concurrent write on submission attempt %d, trying again", submission.datasetId(),
                        attempt);
            }
        }
    }

    @Transactional
    public Optional<CitationView> find(long id) {
        return CitationLink.findWithEvidence(id).map(CitationView::of);
    }

    /** Every identifier given must parse; at least one must be given. */
    private static PublicationRef parseIds(CitationSubmission.SubmittedPublication publication) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String doi = parse(publication.doi(), Doi::normalise, "publication.doi",
                "is not a DOI (expected 10.NNNN/suffix, doi:… or https://doi.org/…)", errors);
        String pmid = parse(publication.pmid(), PubMedIds::pmid, "publication.pmid", "is not a PubMed id (digits)", errors);
        String pmcid = parse(publication.pmcid(), PubMedIds::pmcid, "publication.pmcid",
                "is not a PubMed Central id (PMC + digits)", errors);
        if (publication.authors() != null) {
            for (int i = 0; i < publication.authors().size(); i++) {
                String orcid = publication.authors().get(i).orcid();
                if (orcid != null && !orcid.isBlank() && Orcid.normalise(orcid).isEmpty()) {
                    errors.add(new Problem.FieldError("publication.authors[" + i + "].orcid",
                            "is not a valid ORCID iD (wrong form or check digit)"));
                }
            }
        }
        if (errors.isEmpty() && doi == null && pmid == null && pmcid == null) {
            errors.add(new Problem.FieldError("publication", "needs at least one of doi, pmid, pmcid"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidCitationException(errors);
        }
        String title = publication.title() == null || publication.title().isBlank() ? null : publication.title().strip();
        return new PublicationRef(doi, pmid, pmcid, title, publication.year(), null);
    }

    private static String parse(String value, java.util.function.Function<String, Optional<String>> parser,
            String field, String message, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Optional<String> parsed = parser.apply(value);
        if (parsed.isEmpty()) {
            errors.add(new Problem.FieldError(field, message));
            return null;
        }
        return parsed.get();
    }
}
