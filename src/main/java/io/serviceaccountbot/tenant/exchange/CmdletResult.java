package io.serviceaccountbot.tenant.exchange;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What a cmdlet returned: its output objects (every page's {@code value}) and the warnings Exchange wrote ({@code
 * @adminapi.warnings}).
 */
record CmdletResult(List<JsonNode> rows, List<String> warnings) {

    CmdletResult {
        rows = List.copyOf(rows);
        warnings = List.copyOf(warnings);
    }
}
