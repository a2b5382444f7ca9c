package io.serviceaccountbot.sandbox;

import java.util.List;
import java.util.Map;

/**
 * What a simulated cmdlet returns: its output objects, with Exchange's property names, and its warnings.
 *
 * @param rows the output objects
 * @param warnings what Exchange would print as WARNING, sent as {@code @adminapi.warnings}
 */
record CmdletOutput(List<Map<String, Object>> rows, List<String> warnings) {

    CmdletOutput {
        rows = List.copyOf(rows);
        warnings = List.copyOf(warnings);
    }

    static CmdletOutput of(List<Map<String, Object>> rows) {
        return new CmdletOutput(rows, List.of());
    }

    static CmdletOutput of(Map<String, Object> row) {
        return new CmdletOutput(List.of(row), List.of());
    }

    static CmdletOutput none() {
        return new CmdletOutput(List.of(), List.of());
    }

    CmdletOutput warning(String warning) {
        return new CmdletOutput(
                rows,
                java.util.stream.Stream.concat(warnings.stream(), java.util.stream.Stream.of(warning))
                        .toList());
    }
}
