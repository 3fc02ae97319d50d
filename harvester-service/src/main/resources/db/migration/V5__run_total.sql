-- Progress: how many records the source says the whole listing holds (OAI-PMH completeListSize, DataCite meta.total,
-- IDR totalCount, BioStudies totalHits, or the entries a listed source found); null while unknown.
alter table harvest_run add column total integer;
