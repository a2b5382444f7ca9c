package io.serviceaccountbot.manifest;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.KeywordType;
import com.networknt.schema.regex.JoniRegularExpressionFactory;
import com.networknt.schema.resource.ResourceLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;

/**
 * Microsoft's JSON schema for the Teams app manifest, read offline from the npm package {@code @microsoft/app-manifest}
 * that {@code cd e2e && npm ci} installs. The schema is chosen by the manifest's own {@code $schema}; nothing is
 * fetched from the network: the schema's URL is mapped to the local file, the draft-04 meta-schema ships inside the
 * validator, and any other reference fails with a message naming it.
 *
 * <p>Where the package is not installed the test is skipped with a message saying how to install it; with
 * {@code CI=true} a skip is a failure.
 */
final class ManifestSchema {

    static final Path SCHEMAS =
            Path.of("e2e", "node_modules", "@microsoft", "app-manifest", "build", "json-schemas", "teams");

    private static final Pattern SCHEMA_URL = Pattern.compile(
            "https://developer\\.microsoft\\.com/en-us/json-schemas/teams/(v\\d+\\.\\d+)/MicrosoftTeams\\.schema\\.json");

    private final String url;
    private final String version;
    private final SchemaRegistry registry;
    private final Schema schema;

    private ManifestSchema(String url, String version, String schemaText) {
        this.url = url;
        this.version = version;
        this.registry = registry(url, schemaText);
        this.schema = registry.getSchema(SchemaLocation.of(url));
    }

    /** The schema a manifest names in {@code $schema}; skips or fails (CI=true) when the npm package is missing. */
    static ManifestSchema declaredBy(JsonNode manifest) {
        String url = manifest.path("$schema").asString("");
        Matcher matcher = SCHEMA_URL.matcher(url);
        if (!matcher.matches()) {
            throw new AssertionError("the manifest's $schema is not a Teams manifest schema URL: '" + url + "'");
        }
        Path local = SCHEMAS.resolve(matcher.group(1)).resolve("MicrosoftTeams.schema.json");
        requirePresent(local);
        try {
            return new ManifestSchema(url, matcher.group(1).substring(1), Files.readString(local));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema's URL, e.g. https://developer.microsoft.com/en-us/json-schemas/teams/v1.25/MicrosoftTeams.schema.json. */
    String url() {
        return url;
    }

    /** The manifest version the schema is for, e.g. "1.25". */
    String version() {
        return version;
    }

    /** Every way {@code manifest} breaks the schema; empty when it is valid. */
    List<Error> validate(JsonNode manifest) {
        return schema.validate(manifest);
    }

    /** Another schema, loaded the same way as the manifest schema: offline, and refusing any other reference. */
    Schema loadLikeTheManifestSchema(JsonNode otherSchema) {
        return registry.getSchema(otherSchema);
    }

    private static void requirePresent(Path local) {
        if (Files.isRegularFile(local)) {
            return;
        }
        String message = "The Teams manifest schema " + local.toAbsolutePath()
                + " is missing: run `cd e2e && npm ci` to install the npm package @microsoft/app-manifest.";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(message + " CI=true, so a skipped schema test is a failure.");
        }
        Assumptions.abort(message + " Skipping.");
    }

    private static SchemaRegistry registry(String url, String schemaText) {
        JsonNode schemaNode = TeamsAppManifest.JSON.readTree(schemaText);
        String declared = schemaNode.path("$schema").asString("");
        if (SpecificationVersion.fromDialectId(declared).orElse(null) != SpecificationVersion.DRAFT_4) {
            throw new AssertionError(url + " declares " + declared + "; this test reads JSON Schema draft-04 only");
        }
        // Microsoft's draft-04 schemas use draft-06's "const" (manifestVersion must equal the schema's version), which
        // plain draft-04 ignores; honour it.
        Dialect draft4WithConst =
                Dialect.builder(Dialects.getDraft4()).keyword(KeywordType.CONST).build();
        ResourceLoader offline = iri -> {
            throw new IllegalStateException("The Teams manifest schema refers to " + iri
                    + ", which is not available offline; map it to a local file in " + ManifestSchema.class.getName());
        };
        return SchemaRegistry.withDialect(
                draft4WithConst,
                registry -> registry.schemaRegistryConfig(SchemaRegistryConfig.builder()
                                // ECMA-262 patterns: the schema uses \b inside [...], which java.util.regex refuses
                                .regularExpressionFactory(JoniRegularExpressionFactory.getInstance())
                                .build())
                        .schemaLoader(loader -> loader.fetchRemoteResources(false)
                                .resourceLoaders(loaders -> loaders.resources(Map.of(url, schemaText))
                                        .add(offline))));
    }
}
