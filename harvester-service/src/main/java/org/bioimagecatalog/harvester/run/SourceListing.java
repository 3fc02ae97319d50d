package org.bioimagecatalog.harvester.run;

import java.util.List;

/** The native records one location holds, each read and mapped on demand. */
public interface SourceListing {

    /** Where each record lives (a path or URL), in harvest order. */
    List<String> entries();

    /** Reads and maps one entry; a record that cannot be used is rejected with a reason. */
    HarvestedItem read(String entry) throws RecordRejectedException;
}
