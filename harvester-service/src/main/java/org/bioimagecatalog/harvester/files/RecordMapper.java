package org.bioimagecatalog.harvester.files;

import org.bioimagecatalog.harvester.run.HarvestedItem;

/** Turns the bytes of one native record file into a harvested item, or says why it cannot. */
@FunctionalInterface
public interface RecordMapper {
    HarvestedItem map(byte[] bytes, String sourceUrl) throws InvalidRecordException;
}
