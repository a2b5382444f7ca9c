package io.serviceaccountbot.tenant.exchange;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One cmdlet call as InvokeCommand takes it: {@code {"CmdletInput":{"CmdletName":…,"Parameters":{…}}}}. Parameter
 * values are JSON values built by Jackson, never text spliced into a command line, so a name with quotes, dollars or
 * backticks reaches Exchange exactly as given. Switches are {@code true}, lists are arrays.
 */
final class Cmdlet {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String name;
    private final ObjectNode parameters = NODES.objectNode();
    private final Map<String, String> secretParameters = new LinkedHashMap<>();

    private Cmdlet(String name) {
        this.name = name;
    }

    static Cmdlet named(String name) {
        return new Cmdlet(name);
    }

    Cmdlet with(String parameter, String value) {
        parameters.put(parameter, value);
        return this;
    }

    Cmdlet with(String parameter, List<String> values) {
        ArrayNode array = parameters.putArray(parameter);
        values.forEach(array::add);
        return this;
    }

    Cmdlet with(String parameter, boolean value) {
        parameters.put(parameter, value);
        return this;
    }

    /** A switch parameter, e.g. {@code -GetEffectiveUsers}. */
    Cmdlet withSwitch(String parameter) {
        return with(parameter, true);
    }

    /**
     * A parameter whose value is a secret, given by its name in the secret store (Key Vault): only the Exchange Server
     * runner takes one, and reads the value itself, so the value never travels in a job parameter.
     */
    Cmdlet withSecret(String parameter, String secretName) {
        secretParameters.put(parameter, secretName);
        return this;
    }

    /** Parameter → the name of the secret that is its value; empty for most cmdlets. */
    Map<String, String> secretParameters() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(secretParameters));
    }

    /** {@code -Confirm:$false}: Remove-* cmdlets would otherwise ask. */
    Cmdlet withoutConfirmation() {
        return with("Confirm", false);
    }

    String name() {
        return name;
    }

    /** The parameters as JSON values, a copy. */
    ObjectNode parameters() {
        return parameters.deepCopy();
    }

    ObjectNode body() {
        ObjectNode input = NODES.objectNode();
        input.put("CmdletName", name);
        input.set("Parameters", parameters.deepCopy());
        ObjectNode body = NODES.objectNode();
        body.set("CmdletInput", input);
        return body;
    }

    @Override
    public String toString() {
        return name;
    }
}
