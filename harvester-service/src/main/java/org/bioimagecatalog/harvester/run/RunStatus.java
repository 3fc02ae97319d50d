package org.bioimagecatalog.harvester.run;

/** RUNNING until the run ends; PARTIAL when some records were rejected; FAILED when it could not go on. */
public enum RunStatus { RUNNING, SUCCEEDED, PARTIAL, FAILED }
