package org.bioimagecatalog.harvester.parse;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.xml.sax.SAXParseException;

/**
 * What went wrong in a document, said without its content: the position and the kind of problem. Parser messages
 * quote the offending characters, and run errors and dead letters are read by people who should not see the bytes
 * of a file a mistyped location pointed at (the start of a secret, say). The raw payload, capped, stays in the
 * dead letter for the stewards.
 */
public final class ParseProblem {
    private ParseProblem() {
    }

    /** "not valid JSON at line 3, column 17: unexpected end of input". */
    public static String json(JacksonException e) {
        return "not valid JSON" + at(e.getLocation()) + ": " + kind(e);
    }

    /** "not well-formed XML at line 3, column 17", and the kind where it is one the harvester refuses on purpose. */
    public static String xml(SAXParseException e) {
        boolean doctype = e.getMessage() != null && e.getMessage().contains("DOCTYPE");
        return "not well-formed XML" + (e.getLineNumber() > 0
                ? " at line " + e.getLineNumber() + ", column " + e.getColumnNumber() : "")
                + (doctype ? ": a DOCTYPE declaration (refused, so that no external entity is read)" : "");
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String kind(JacksonException e) {
        if (e instanceof JsonEOFException) {
            return "unexpected end of input";
        }
        if (e instanceof InputCoercionException) {
            return "a number out of range";
        }
        if (e instanceof MismatchedInputException) {
            return "a value of an unexpected type";
        }
        if (e instanceof com.fasterxml.jackson.core.JsonParseException) {
            return "an unexpected character";
        }
        return "malformed";
    }
}
