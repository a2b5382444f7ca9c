package io.serviceaccountbot.tenant.exchange;

import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The runbook's {@code Request} parameter for a batch of cmdlets, protocol 1 of {@code
 * deploy/exchange-server/PROTOCOL.md}: {@code {"protocol":1,"cmdlets":[{"cmdlet":…,"parameters":{…},
 * "continueOnError":true,"secretParameters":{"Password":"<secret name>"}}]}}, {@code continueOnError} and {@code
 * secretParameters} only where they apply. Built from JSON values, never from text, and only after {@link
 * RunnerCmdlets#refuseUnlessAllowed} has passed the batch.
 */
final class RunnerRequest {

    static final int PROTOCOL = 1;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RunnerRequest() {}

    static ObjectNode of(List<RunnerCall> calls) {
        ObjectNode request = NODES.objectNode();
        request.put("protocol", PROTOCOL);
        ArrayNode cmdlets = request.putArray("cmdlets");
        for (RunnerCall call : calls) {
            ObjectNode cmdlet = cmdlets.addObject();
            cmdlet.put("cmdlet", call.cmdlet());
            cmdlet.set("parameters", call.parameters());
            if (call.continueOnError()) {
                cmdlet.put("continueOnError", true);
            }
            if (!call.secretParameters().isEmpty()) {
                ObjectNode secrets = cmdlet.putObject("secretParameters");
                call.secretParameters().forEach(secrets::put);
            }
        }
        return request;
    }
}
