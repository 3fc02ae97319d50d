package org.bioimagecatalog.harvester.run;

/** One record a run could not harvest: where it is and why. */
public record RunError(String location, String reason) {}
