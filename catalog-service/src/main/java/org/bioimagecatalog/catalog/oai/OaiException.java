package org.bioimagecatalog.catalog.oai;

/** An OAI-PMH protocol error ({@code badVerb}, {@code idDoesNotExist} …): answered as an OAI error, HTTP 200. */
class OaiException extends RuntimeException {
    private final String code;

    OaiException(String code, String message) {
        super(message);
        this.code = code;
    }

    String code() {
        return code;
    }
}
