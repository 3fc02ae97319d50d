package org.bioimagecatalog.harvester.cpg;

import java.io.IOException;
import java.util.List;
import org.bioimagecatalog.model.DatasetMetadata;

/** The Cell Painting Gallery datasets of the recorded documents, for tests outside this package. */
public final class RecordedCpg {
    private RecordedCpg() {}

    /** Every dataset the mapper makes of {@code ../shared/fixtures/cpg}; skips the caller when it is absent. */
    public static List<DatasetMetadata> datasets() throws IOException {
        return new CpgDatasetMapper().map(CpgDatasetMapperTest.recorded()).stream()
                .filter(e -> e.rejection() == null).map(CpgDatasetMapper.Entry::metadata).toList();
    }
}
