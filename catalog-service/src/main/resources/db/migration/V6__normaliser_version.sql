-- The MetadataNormaliser version each dataset's canonical metadata was built with. Datasets built under an
-- older version are re-normalised from their stored source records (harmony.Renormaliser) and re-published
-- only where the result changed. 0 = built before normalisation existed.
ALTER TABLE dataset ADD COLUMN normaliser_version integer NOT NULL DEFAULT 0;
CREATE INDEX dataset_normaliser_version ON dataset (normaliser_version, id) WHERE withdrawn = false;
