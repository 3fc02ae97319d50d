package org.bioimagecatalog.harvester.idr.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import org.bioimagecatalog.harvester.http.ApiLocation;
import org.bioimagecatalog.harvester.run.InvalidLocationException;
import org.bioimagecatalog.harvester.run.LocationUnreadableException;
import org.bioimagecatalog.harvester.run.SourceConnector;
import org.bioimagecatalog.harvester.run.SourceListing;
import org.bioimagecatalog.http.client.PoliteHttpClient;
import org.bioimagecatalog.model.Identifier;

/**
 * IDR's OMERO JSON API: every project and screen ({@code /api/v0/m/projects/}, {@code /api/v0/m/screens/}, paged),
 * grouped into one record per study ({@code idr:idr0001}, the key of the study-file route too), each mapped from the
 * study-level map annotations of its containers ({@code /webclient/api/annotations/?type=map&project=…&screen=…}).
 * The location is the server's root ({@code https://idr.openmicroscopy.org}, a mirror or a replay; option
 * {@code limit}, the page size asked for, default 500) or an absolute path of saved answers laid out like the API's
 * paths ({@link SavedOmeroAnswers}). The API has no "changed since" query: every run lists everything, and the
 * harvester's content hash per record skips the studies that did not change.
 */
@ApplicationScoped
public class IdrOmeroApiConnector implements SourceConnector {
    public static final String TYPE = "idr-omero-api";
    static final String EXAMPLE = "https://idr.openmicroscopy.org";
    static final int DEFAULT_LIMIT = 500;
    private static final int MAX_LIMIT = 1000;

    private final PoliteHttpClient http;

    @Inject
    public IdrOmeroApiConnector(PoliteHttpClient http) {
        this.http = http;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String archive() {
        return Identifier.IDR;
    }

    @Override
    public void checkLocation(String location) throws InvalidLocationException {
        if (isLocal(location)) {
            Path path;
            try {
                path = localPath(location);
            } catch (IllegalArgumentException e) { // InvalidPathException too
                throw new InvalidLocationException("'" + location.strip() + "' is not a valid path: " + e.getMessage());
            }
            if (!path.isAbsolute()) {
                throw new InvalidLocationException("a local location must be an absolute path, not '" + location.strip() + "'");
            }
            return;
        }
        limit(ApiLocation.parse(location, EXAMPLE));
    }

    @Override
    public SourceListing open(String location) throws LocationUnreadableException {
        OmeroAnswers answers;
        if (isLocal(location)) {
            answers = new SavedOmeroAnswers(localPath(location));
        } else {
            ApiLocation api = ApiLocation.open(location, EXAMPLE);
            String base = api.base().toString();
            int limit;
            try {
                limit = limit(api);
            } catch (InvalidLocationException e) {
                throw new LocationUnreadableException(e.getMessage());
            }
            answers = new OmeroApi(http, URI.create(base.endsWith("/") ? base : base + "/"), limit);
        }
        return new StudyListing(answers, answers.containers());
    }

    /** The page size a location asks for ({@code ?limit=N}, 1 to 1000), else the default. */
    private static int limit(ApiLocation api) throws InvalidLocationException {
        String value = api.get("limit").orElse(null);
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidLocationException("'limit' of " + api.uri() + " must be a number from 1 to " + MAX_LIMIT
                + ", not '" + value + "'");
    }

    private static boolean isLocal(String location) {
        String l = location.strip().toLowerCase(Locale.ROOT);
        return !l.startsWith("http://") && !l.startsWith("https://") && (l.startsWith("/") || l.startsWith("file:") || !l.contains(":"));
    }

    private static Path localPath(String location) {
        String l = location.strip();
        return l.regionMatches(true, 0, "file:", 0, 5) ? Path.of(URI.create(l)) : Path.of(l);
    }
}
