package org.bioimagecatalog.search.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.bioimagecatalog.model.api.Problem;
import org.bioimagecatalog.search.query.DatasetSearch;
import org.bioimagecatalog.search.query.Facet;
import org.bioimagecatalog.search.query.SearchInfo;
import org.bioimagecatalog.search.query.SearchParameters;
import org.bioimagecatalog.search.query.SearchResult;
import org.bioimagecatalog.search.suggest.DatasetSuggestions;
import org.bioimagecatalog.search.suggest.SimilarDatasets;
import org.bioimagecatalog.search.suggest.Suggestions;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/search")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search", description = "Find datasets across every archive")
public class SearchResource {
    private final DatasetSearch search;
    private final DatasetSuggestions suggestions;
    private final SimilarDatasets similar;

    public SearchResource(DatasetSearch search, DatasetSuggestions suggestions, SimilarDatasets similar) {
        this.search = search;
        this.suggestions = suggestions;
        this.similar = similar;
    }

    @GET
    @Path("/suggest")
    @Operation(summary = "Complete a prefix",
            description = "Dataset titles (from any of their first words), organisms and imaging methods that"
                    + " complete what was typed so far; much reused datasets first.")
    @APIResponse(responseCode = "200", description = "Completions by kind",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Suggestions.class)))
    @APIResponse(responseCode = "400", description = "Missing or too long prefix",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Suggestions suggest(
            @Parameter(description = "What was typed, 1 to 100 characters", example = "fiss") @QueryParam("prefix")
            String prefix) {
        return suggestions.suggest(prefix);
    }

    @GET
    @Path("/similar/{id}")
    @Operation(summary = "Datasets similar to one",
            description = "Datasets whose title, keywords, description, organisms and imaging methods resemble the"
                    + " given dataset's (more_like_this); the dataset itself is not listed. `facets` is empty.")
    @APIResponse(responseCode = "200", description = "The most similar datasets first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SearchResult.class)))
    @APIResponse(responseCode = "404", description = "No dataset with this id is indexed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SearchResult similar(@Parameter(description = "Dataset id", example = "bic-7f3a2c") @PathParam("id") String id,
            @Parameter(description = "How many, 1 to 50 (default 10)", example = "5") @QueryParam("size") String size) {
        return similar.similarTo(id, size);
    }

    @GET
    @Operation(operationId = "searchDatasets", summary = "Search datasets",
            description = "Full-text search with multi-select facets and cursor paging. `q` supports \"quoted phrases\", `-word` to"
                    + " exclude, `a | b` (or `a OR b`) for either, and `prefix*`; words are AND-ed. Organism common"
                    + " names and imaging-method synonyms also match the ontology ids (`human` finds Homo sapiens)."
                    + " Plain words forgive: the last word may be typed so far, longer words may have a typo (ranked"
                    + " below exact matches), and hyphens, apostrophes, quotes and digit grouping do not matter; when"
                    + " all the words match nothing, fewer are required and `relaxed` says which were left out;"
                    + " `didYouMean` proposes the index's own words. An identifier (accession of any archive, data or"
                    + " publication DOI, PMID, PMCID, ORCID, alone or as a URL) goes straight to its datasets."
                    + " Without `q`, the newest datasets come first. Values of one facet are OR-ed, facets AND-ed.")
    @APIResponse(responseCode = "200", description = "A page of results with facet counts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SearchResult.class)))
    @APIResponse(responseCode = "400", description = "Invalid page, size, filter or query",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The search engine is unavailable",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SearchResult search(
            @Parameter(description = "Search text", example = "fission yeast \"cell shape\"") @QueryParam("q") String q,
            @Parameter(description = "Archive, repeatable", example = "[\"idr\"]") @QueryParam("source") List<String> source,
            @Parameter(description = "Organism: NCBI taxon id (a facet bucket's value; a parent such as 40674,"
                    + " Mammalia, includes every taxon under it) or, for old links, an exact name; repeatable",
                    example = "[\"9606\"]")
            @QueryParam("organism") List<String> organism,
            @Parameter(description = "Imaging method: FBbi id (a parent such as FBbi:00000256, electron microscopy,"
                    + " includes its descendants) or an exact name; repeatable", example = "[\"FBbi:00000246\"]")
            @QueryParam("imagingMethod") List<String> imagingMethod,
            @Parameter(description = "Cell line: Cellosaurus accession or an exact name, repeatable",
                    example = "[\"CVCL_0030\"]") @QueryParam("cellLine") List<String> cellLine,
            @Parameter(description = "Sample preparation: FBbi id or an exact name, repeatable",
                    example = "[\"FBbi:00000027\"]") @QueryParam("samplePreparation") List<String> samplePreparation,
            @Parameter(description = "Licence: SPDX id (or the label as given), repeatable", example = "[\"CC-BY-4.0\"]")
            @QueryParam("license") List<String> license,
            @Parameter(description = "File format: format id (EDAM) or a name as given, repeatable",
                    example = "[\"format_3727\"]") @QueryParam("format") List<String> format,
            @Parameter(description = "Study type, repeatable", example = "[\"high content screen\"]")
            @QueryParam("studyType") List<String> studyType,
            @Parameter(description = "Released in or after this year", example = "2015")
            @QueryParam("releasedFrom") String releasedFrom,
            @Parameter(description = "Released in or before this year", example = "2024")
            @QueryParam("releasedTo") String releasedTo,
            @Parameter(description = "Only datasets with (true) or without (false) recorded reuse", example = "true")
            @QueryParam("hasReuse") String hasReuse,
            @Parameter(description = "Minimum metadata quality score, 0 to 100", example = "80")
            @QueryParam("minQuality") String minQuality,
            @Parameter(description = "relevance (default with q: text score blended with reuse), newest (default"
                    + " without q), most-reused", example = "relevance") @QueryParam("sort") String sort,
            @Parameter(description = "Page number, from 1", example = "1") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100 (page × size at most 10000)", example = "20")
            @QueryParam("size") String size,
            @Parameter(description = "The `cursor` of the previous answer; it carries the whole search, so no other"
                    + " parameter is needed (others are ignored)") @QueryParam("cursor") String cursor) {
        Map<Facet, List<String>> filters = new EnumMap<>(Facet.class);
        filters.put(Facet.SOURCE, source);
        filters.put(Facet.ORGANISM, organism);
        filters.put(Facet.IMAGING_METHOD, imagingMethod);
        filters.put(Facet.CELL_LINE, cellLine);
        filters.put(Facet.SAMPLE_PREPARATION, samplePreparation);
        filters.put(Facet.LICENSE, license);
        filters.put(Facet.FORMAT, format);
        filters.put(Facet.STUDY_TYPE, studyType);
        return search.search(new SearchParameters(q, filters, page, size, releasedFrom, releasedTo, hasReuse,
                minQuality, sort, cursor));
    }

    @GET
    @Path("/info")
    @Operation(summary = "Describe the search index",
            description = "The alias, the versioned index behind it, the text analyser in use and the number of"
                    + " indexed datasets.")
    @APIResponse(responseCode = "200", description = "The index serving the search",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SearchInfo.class)))
    @APIResponse(responseCode = "503", description = "The search engine is unavailable",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SearchInfo info() {
        return search.info();
    }
}
