package org.bioimagecatalog.reuse.summary;

import java.util.Collection;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import org.bioimagecatalog.reuse.citation.CitationLink;
import org.bioimagecatalog.reuse.citation.LinkRelation;

/**
 * The counts both the reuse report and the published summary show, computed in one place so they never
 * disagree. A reuse by the dataset's own producers is a citation but not a reuse: producers should not
 * credit themselves. {@code byYear} counts every citing work by its publication year (works without a
 * year are left out of it).
 */
public record ReuseFigures(int citations, int primary, int reuses, int selfReuses, int distinctCitingWorks,
        SortedMap<Integer, Integer> byYear) {

    public static ReuseFigures of(Collection<CitationLink> links) {
        int primary = 0;
        int reuses = 0;
        int selfReuses = 0;
        SortedMap<Integer, Integer> byYear = new TreeMap<>();
        for (CitationLink link : links) {
            if (link.relation == LinkRelation.PRIMARY) {
                primary++;
            } else if (link.selfReuse) {
                selfReuses++;
            } else {
                reuses++;
            }
            if (link.publication.year != null) {
                byYear.merge(link.publication.year, 1, Integer::sum);
            }
        }
        int distinctWorks = (int) links.stream().map(l -> l.publication.id).distinct().count();
        return new ReuseFigures(links.size(), primary, reuses, selfReuses, distinctWorks,
                Collections.unmodifiableSortedMap(byYear));
    }
}
