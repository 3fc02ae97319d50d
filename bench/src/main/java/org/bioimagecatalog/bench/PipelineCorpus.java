package org.bioimagecatalog.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bioimagecatalog.model.Creator;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.ModelJson;

/**
 * bin/bench pipeline's source records: N DataCite records drawn from {@link StudyCorpus} (titles, descriptions,
 * creators and keywords with the lengths and words of the IDR fixture studies), served by the replay server in the
 * shapes the two archives publish them in, so that the harvester reads them with its own connectors:
 * <ul>
 *   <li>{@value #OAI}: OAI-PMH {@code ListRecords} pages of {@code oai_datacite} (DataCite kernel-4 XML), each page's
 *       {@code <resumptionToken>} naming the next page's file (the replay server's OAI-PMH paging);
 *   <li>{@value #REST}: DataCite REST API pages ({@code {"data":[…],"meta":{"total":…},"links":{"next":…}}}).
 * </ul>
 * A share of the REST records ({@code sharedPercent} of all records) are the DataCite record of a DOI an OAI record
 * already has: two archives describing one dataset, which the catalog merges. Every other record names an article
 * ({@code IsSupplementTo}), which the reuse tracker links. No recording of these pages exists at this size: they are
 * written in the sources' documented shapes (OAI-PMH 2.0 with DataCite kernel 4; DataCite REST API v2 JSON:API).
 */
final class PipelineCorpus extends StudyCorpus {
    static final String OAI = "zenodo-oai";
    static final String REST = "dryad";
    static final int PAGE_SIZE = 100;

    /** One synthetic record: its source, DOI (shared with {@code partner} when it is the other half of a merge). */
    record Rec(int n, String source, String doi, String title, String description, List<String> creators,
            List<String> keywords, int year, String article, int partner) {
        boolean merges() {
            return partner >= 0;
        }
    }

    final List<Rec> records = new ArrayList<>();
    private final double restShare;
    private final double sharedShare;
    private final List<Integer> unpaired = new ArrayList<>();
    int pairs;

    PipelineCorpus(StudyCorpus base, int n, double restPercent, double sharedPercent) {
        super(base);
        this.restShare = restPercent / 100;
        this.sharedShare = sharedPercent / 100;
        for (int i = 0; i < n; i++) {
            add(i);
        }
    }

    static String doi(int n) {
        return String.format("10.5072/pipe.%07d", n);
    }

    /** The datasets the catalog should hold: one per DOI. */
    int expectedDatasets() {
        return records.size() - pairs;
    }

    private void add(int n) {
        DatasetMetadata t = pick(studies);
        DatasetMetadata d = pick(studies);
        DatasetMetadata p = pick(studies);
        DatasetMetadata k = pick(studies);
        boolean rest = rnd.nextDouble() < restShare;
        // the shared share is of all records, drawn among the REST ones
        if (rest && !unpaired.isEmpty() && rnd.nextDouble() < sharedShare / restShare) {
            Rec partner = records.get(unpaired.remove(rnd.nextInt(unpaired.size())));
            pairs++;
            records.add(new Rec(n, REST, partner.doi(), partner.title(), text(descWords, Math.max(5, words(d.description()).size())),
                    partner.creators(), k.keywords(), partner.year(), null, partner.n()));
            return;
        }
        List<String> creators = p.creators().stream().map(Creator::name).filter(c -> c != null && !c.isBlank()).limit(8).toList();
        int year = t.released() == null ? 2015 + rnd.nextInt(10) : t.released().getYear();
        String article = n % 2 == 0 ? String.format("10.5072/pipe-article.%07d", n) : null;
        records.add(new Rec(n, rest ? REST : OAI, doi(n), text(titleWords, Math.max(3, words(t.title()).size())),
                text(descWords, Math.max(5, words(d.description()).size())), creators.isEmpty() ? List.of("Anonymous") : creators,
                k.keywords(), year, article, -1));
        if (!rest) {
            unpaired.add(n);
        }
    }

    List<Rec> of(String source) {
        return records.stream().filter(r -> r.source().equals(source)).toList();
    }

    /** Writes {@code dir/zenodo-oai/page-*.xml} and {@code dir/dryad/page-*.json}; REST pages link by {@code replayUrl}. */
    void write(Path dir, String replayUrl) throws IOException {
        Path oai = Files.createDirectories(dir.resolve(OAI));
        Path rest = Files.createDirectories(dir.resolve(REST));
        // each list once: filtering the corpus for every page is quadratic (over ten minutes at 1M)
        List<Rec> oaiRecords = of(OAI);
        List<List<Rec>> oaiPages = pages(oaiRecords);
        for (int i = 0; i < oaiPages.size(); i++) {
            String token = i + 1 < oaiPages.size() ? page(i + 2, "xml") : null;
            try (Writer w = Files.newBufferedWriter(oai.resolve(page(i + 1, "xml")), StandardCharsets.UTF_8)) {
                w.write(oaiPage(oaiPages.get(i), token, oaiRecords.size()));
            }
        }
        List<Rec> restRecords = of(REST);
        List<List<Rec>> restPages = pages(restRecords);
        for (int i = 0; i < restPages.size(); i++) {
            String next = i + 1 < restPages.size() ? replayUrl + REST + "/" + page(i + 2, "json") : null;
            Files.writeString(rest.resolve(page(i + 1, "json")), restPage(restPages.get(i), next, restRecords.size()));
        }
    }

    static String page(int number, String ext) {
        return String.format("page-%06d.%s", number, ext);
    }

    private static List<List<Rec>> pages(List<Rec> recs) {
        List<List<Rec>> pages = new ArrayList<>();
        for (int i = 0; i < recs.size(); i += PAGE_SIZE) {
            pages.add(recs.subList(i, Math.min(recs.size(), i + PAGE_SIZE)));
        }
        return pages;
    }

    static String oaiPage(List<Rec> recs, String nextToken, int total) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\"><responseDate>2026-01-01T00:00:00Z</responseDate>")
                .append("<request verb=\"ListRecords\" metadataPrefix=\"oai_datacite\">pipeline</request><ListRecords>\n");
        for (Rec r : recs) {
            b.append("<record><header><identifier>oai:zenodo.org:pipe.").append(r.n()).append("</identifier>")
                    .append("<datestamp>2026-01-01T00:00:00Z</datestamp></header><metadata>")
                    .append("<resource xmlns=\"http://datacite.org/schema/kernel-4\">")
                    .append("<identifier identifierType=\"DOI\">").append(r.doi()).append("</identifier><creators>");
            r.creators().forEach(c -> b.append("<creator><creatorName>").append(xml(c)).append("</creatorName></creator>"));
            b.append("</creators><titles><title>").append(xml(r.title())).append("</title></titles>")
                    .append("<publisher>Zenodo</publisher><publicationYear>").append(r.year()).append("</publicationYear>")
                    .append("<resourceType resourceTypeGeneral=\"Dataset\">Image</resourceType><subjects>");
            r.keywords().forEach(k -> b.append("<subject>").append(xml(k)).append("</subject>"));
            b.append("</subjects><dates><date dateType=\"Issued\">").append(r.year()).append("-06-01</date></dates>")
                    .append("<rightsList><rights rightsURI=\"https://creativecommons.org/licenses/by/4.0/legalcode\" ")
                    .append("rightsIdentifier=\"cc-by-4.0\">Creative Commons Attribution 4.0 International</rights></rightsList>");
            if (r.article() != null) {
                b.append("<relatedIdentifiers><relatedIdentifier relatedIdentifierType=\"DOI\" relationType=\"IsSupplementTo\">")
                        .append(r.article()).append("</relatedIdentifier></relatedIdentifiers>");
            }
            b.append("<descriptions><description descriptionType=\"Abstract\">").append(xml(r.description()))
                    .append("</description></descriptions></resource></metadata></record>\n");
        }
        if (nextToken != null) {
            b.append("<resumptionToken completeListSize=\"").append(total).append("\">").append(nextToken).append("</resumptionToken>");
        }
        return b.append("</ListRecords></OAI-PMH>\n").toString();
    }

    static String restPage(List<Rec> recs, String next, int total) {
        ObjectNode page = ModelJson.mapper().createObjectNode();
        ArrayNode data = page.putArray("data");
        for (Rec r : recs) {
            ObjectNode item = data.addObject().put("id", r.doi()).put("type", "dois");
            ObjectNode a = item.putObject("attributes").put("doi", r.doi()).put("url", "https://datadryad.org/dataset/doi:" + r.doi())
                    .put("publisher", "Dryad").put("publicationYear", r.year());
            ArrayNode creators = a.putArray("creators");
            r.creators().forEach(c -> creators.addObject().put("name", c).put("nameType", "Personal"));
            a.putArray("titles").addObject().put("title", r.title());
            a.putArray("descriptions").addObject().put("description", r.description()).put("descriptionType", "Abstract");
            ArrayNode subjects = a.putArray("subjects");
            r.keywords().forEach(k -> subjects.addObject().put("subject", k));
            a.putArray("dates").addObject().put("date", r.year() + "-06-01").put("dateType", "Issued");
            a.putArray("rightsList").addObject().put("rights", "Creative Commons Zero v1.0 Universal")
                    .put("rightsUri", "https://creativecommons.org/publicdomain/zero/1.0/legalcode").put("rightsIdentifier", "cc0-1.0");
            a.putObject("types").put("resourceTypeGeneral", "Dataset");
            ArrayNode related = a.putArray("relatedIdentifiers");
            if (r.article() != null) {
                related.addObject().put("relatedIdentifier", r.article()).put("relatedIdentifierType", "DOI")
                        .put("relationType", "IsSupplementTo");
            }
        }
        page.putObject("meta").put("total", total);
        ObjectNode links = page.putObject("links");
        if (next != null) {
            links.put("next", next);
        }
        return page.toString();
    }

    static String xml(String s) {
        return s.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
