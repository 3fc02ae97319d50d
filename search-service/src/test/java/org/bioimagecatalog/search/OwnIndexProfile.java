package org.bioimagecatalog.search;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Gives a test class an application (and so a topic and index namespace) of its own, so that what it
 * publishes cannot change the counts another class asserts.
 */
public class OwnIndexProfile implements QuarkusTestProfile {}
