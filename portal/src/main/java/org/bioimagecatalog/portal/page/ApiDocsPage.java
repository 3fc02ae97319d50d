package org.bioimagecatalog.portal.page;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** {@code /api/docs}: Swagger UI (served from its webjar, no CDN) over the merged OpenAPI document. */
@Path("/api/docs")
public class ApiDocsPage {
    private final Template docs;
    private final String openapiUrl;
    private final String swaggerUi;

    ApiDocsPage(@Location("api-docs.html") Template docs, @ConfigProperty(name = "bic.portal.openapi-url") String openapiUrl,
            @ConfigProperty(name = "bic.portal.swagger-ui-version") java.util.Optional<String> swaggerUi) {
        this.docs = docs;
        this.openapiUrl = openapiUrl;
        this.swaggerUi = swaggerUi.orElseGet(ApiDocsPage::webjarVersion);
    }

    /** The version of the swagger-ui webjar on the class path: its files live under a folder named for it. */
    private static String webjarVersion() {
        try (var in = ApiDocsPage.class.getResourceAsStream("/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            java.util.Properties p = new java.util.Properties();
            if (in == null) {
                throw new IllegalStateException("the swagger-ui webjar is not on the class path");
            }
            p.load(in);
            return p.getProperty("version");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance docs() {
        return docs.data("openapi", openapiUrl).data("ui", "/webjars/swagger-ui/" + swaggerUi);
    }
}
