package org.bioimagecatalog.catalog.harmony;

import java.util.Locale;

/**
 * The harmony report as a steward reads it in a terminal ({@code bin/catalog vocab-report}), ending with RESULT
 * lines that {@code bin/bench} collects: one per field and one for the catalog.
 */
final class HarmonyReportText {
    private HarmonyReportText() {}

    static String render(HarmonyReport r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Harmony report over %d live datasets (normaliser version %d, %d built by an older one)%n%n",
                r.datasets(), r.normaliserVersion(), r.datasetsOnOlderNormaliser()));
        out.append(String.format(Locale.ROOT, "%-15s %8s %8s %8s %16s%n", "field", "values", "with id", "share", "ids >1 names"));
        for (HarmonyReport.Field f : r.fields()) {
            out.append(String.format(Locale.ROOT, "%-15s %8d %8d %8s %16d%n", f.field(), f.values(), f.withId(),
                    f.share() == null ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * f.share()), f.idsWithSeveralNames()));
        }
        out.append(String.format(Locale.ROOT, "%nids shown under more than one display name: %d (must be 0)%n", r.idsWithSeveralNames()));
        out.append(String.format(Locale.ROOT, "datasets merging records of more than one archive: %d%n", r.multiArchiveDatasets()));
        for (HarmonyReport.Field f : r.fields()) {
            if (!f.unresolved().isEmpty()) {
                out.append(String.format(Locale.ROOT, "%nunresolved %s (label: datasets):%n", f.field()));
                for (HarmonyReport.LabelCount u : f.unresolved()) {
                    out.append(String.format(Locale.ROOT, "  %5d  %s%n", u.count(), u.label()));
                }
            }
        }
        out.append('\n');
        for (HarmonyReport.Field f : r.fields()) {
            out.append(String.format(Locale.ROOT, "RESULT vocab field=%s values=%d withId=%d%s idsWithSeveralNames=%d unresolvedLabels=%d%n",
                    f.field(), f.values(), f.withId(),
                    f.share() == null ? "" : String.format(Locale.ROOT, " share=%.4f", f.share()),
                    f.idsWithSeveralNames(), f.unresolved().size()));
        }
        out.append(String.format(Locale.ROOT, "RESULT vocab datasets=%d idsWithSeveralNames=%d multiArchiveDatasets=%d normaliserVersion=%d%n",
                r.datasets(), r.idsWithSeveralNames(), r.multiArchiveDatasets(), r.normaliserVersion()));
        return out.toString();
    }
}
