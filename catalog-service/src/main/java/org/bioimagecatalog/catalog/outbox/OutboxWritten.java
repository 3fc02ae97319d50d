package org.bioimagecatalog.catalog.outbox;

/** CDI event fired when a transaction wrote outbox rows, so the publisher can wake right after commit. */
public record OutboxWritten(int rows) {}
