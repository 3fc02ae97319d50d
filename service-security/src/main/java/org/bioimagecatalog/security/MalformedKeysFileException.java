package org.bioimagecatalog.security;

/** A keys file with a line that is not a key entry; the message names the file and the line, never its content. */
public class MalformedKeysFileException extends Exception {
    public MalformedKeysFileException(String message) {
        super(message);
    }
}
