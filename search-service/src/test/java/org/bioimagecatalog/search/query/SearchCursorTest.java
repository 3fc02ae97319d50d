package org.bioimagecatalog.search.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchCursorTest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Test
    void aCursorCarriesTheWholeSearchToTheNextPage() {
        var request = new SearchRequest("cell shape", Map.of(Facet.ORGANISM, List.of("Homo sapiens")),
                new RangeFilters(2015, 2020, true, 50), SortOrder.MOST_REUSED, 3, 25, null);
        var lastSort = JSON.arrayNode().add(7).add(1_600_000_000_000L).add("bic-ds-9");

        SearchCursor back = SearchCursor.decode(SearchCursor.next(request, lastSort, "pit-123").encode());

        assertThat(back.page()).isEqualTo(4);
        assertThat(back.pit()).isEqualTo("pit-123");
        assertThat(back.searchAfter()).isEqualTo(lastSort);
        SearchParameters params = back.parameters();
        assertThat(params.q()).isEqualTo("cell shape");
        assertThat(params.filters()).containsEntry(Facet.ORGANISM, List.of("Homo sapiens"));
        assertThat(params.releasedFrom()).isEqualTo("2015");
        assertThat(params.releasedTo()).isEqualTo("2020");
        assertThat(params.hasReuse()).isEqualTo("true");
        assertThat(params.minQuality()).isEqualTo("50");
        assertThat(params.sort()).isEqualTo("most-reused");
        assertThat(params.size()).isEqualTo("25");
    }

    @Test
    void textThatIsNotACursorIsRefused() {
        assertThatThrownBy(() -> SearchCursor.decode("not-a-cursor")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SearchCursor.decode(java.util.Base64.getUrlEncoder().encodeToString(
                "{\"v\":2,\"searchAfter\":[]}".getBytes()))).isInstanceOf(IllegalArgumentException.class);
    }
}
