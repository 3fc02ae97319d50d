package org.bioimagecatalog.harvester.gide;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bioimagecatalog.harvester.files.FileRecordListing;
import org.bioimagecatalog.harvester.files.RecordFileLocator;
import org.bioimagecatalog.harvester.run.HarvestedItem;
import org.bioimagecatalog.harvester.run.InvalidLocationException;
import org.bioimagecatalog.harvester.run.LocationUnreadableException;
import org.bioimagecatalog.harvester.run.SourceConnector;
import org.bioimagecatalog.harvester.run.SourceListing;
import org.bioimagecatalog.http.client.PoliteHttpClient;

/**
 * GIDE RO-Crates ({@code *-ro-crate-metadata.json}, the "GIDE search input" profile that IDR, the BioImage
 * Archive, EMPIAR and SSBD publish per study) as an input format for any source: a local folder (searched
 * recursively), one crate file, or an HTTP(S) crate URL or folder listing. Each crate's key names the archive
 * the crate says it belongs to ({@code idr:idr0001}, {@code bia:S-BIAD1008}, {@code empiar:EMPIAR-10310},
 * {@code ssbd:10-Komatsuzaki-MolDyn}); a crate that does not say gets the source's configured archive.
 */
@ApplicationScoped
public class GideRoCrateConnector implements SourceConnector {
    public static final String TYPE = "gide-ro-crate";

    private final GideCrateMapper mapper = new GideCrateMapper();
    private final RecordFileLocator locator;

    @Inject
    public GideRoCrateConnector(PoliteHttpClient http) {
        this.locator = new RecordFileLocator(http, GideRoCrateConnector::isCrateFileName,
                "RO-Crates (*ro-crate-metadata.json)");
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** Crates say which archive they belong to; this is only the fallback of a source that configures none. */
    @Override
    public String archive() {
        return "gide";
    }

    @Override
    public void checkLocation(String location) throws InvalidLocationException {
        locator.check(location);
    }

    @Override
    public SourceListing open(String location) throws LocationUnreadableException {
        return new FileRecordListing(locator, locator.find(location), (bytes, sourceUrl) -> {
            GideCrate crate = mapper.map(bytes);
            return new HarvestedItem(crate.archive(), crate.nativeId(), sourceUrl, crate.metadata());
        });
    }

    static boolean isCrateFileName(String name) {
        return name.endsWith("ro-crate-metadata.json");
    }
}
