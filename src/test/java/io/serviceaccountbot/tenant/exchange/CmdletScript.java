package io.serviceaccountbot.tenant.exchange;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A WireMock script of one conversation with Exchange Online's InvokeCommand: each expected request, in order (a
 * WireMock scenario moves one state per request), matched exactly (the cmdlet's JSON body, the token, the routing,
 * format and paging headers) and answered as Microsoft documents the cmdlet's output or error. {@link #verifyDone()}
 * then checks that every step was used and nothing else was asked.
 */
final class CmdletScript {

    static final String TOKEN = "exo-token";
    static final String ANCHOR = "APP:SystemMailbox{bb558c35-97f1-4cb9-8ff7-d53741dc928c}@" + TestExchange.TENANT;
    static final String PATH = "/adminapi/beta/" + TestExchange.TENANT + "/InvokeCommand";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WireMockServer server;
    private final String scenario;
    private int steps;

    CmdletScript(WireMockServer server, String scenario) {
        this.server = server;
        this.scenario = scenario;
    }

    /**
     * The next request: this cmdlet with exactly these parameters.
     *
     * @param parameters name, value, name, value…; values are strings, booleans or lists of strings
     */
    Step expect(String cmdlet, Object... parameters) {
        return new Step(cmdlet, parameters);
    }

    /** Every step was asked for, in order, and nothing else. */
    void verifyDone() {
        assertThat(server.findAllUnmatchedRequests())
                .as("requests no step of the script matched")
                .isEmpty();
        String state = server.getAllScenarios().getScenarios().stream()
                .filter(s -> s.getName().equals(scenario))
                .map(Scenario::getState)
                .findFirst()
                .orElse(Scenario.STARTED);
        assertThat(state).as("the script's last step").isEqualTo(steps == 0 ? Scenario.STARTED : "step " + steps);
    }

    /** An output object: name, value, name, value… */
    static String row(Object... properties) {
        return JSON.writeValueAsString(map(properties));
    }

    /** Exchange's output object for a mail-enabled security group on example.com. */
    static String securityGroup(String name, String alias) {
        return row(
                "Name",
                name,
                "DisplayName",
                name,
                "Alias",
                alias,
                "PrimarySmtpAddress",
                alias + "@example.com",
                "GroupType",
                "Universal, SecurityEnabled",
                "RecipientType",
                "MailUniversalSecurityGroup",
                "RecipientTypeDetails",
                "MailUniversalSecurityGroup",
                "DistinguishedName",
                ExchangeAdminContract.distinguishedName(name),
                "ExternalDirectoryObjectId",
                java.util
                        .UUID
                        .nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .toString(),
                "Identity",
                name);
    }

    /** A member row of Get-DistributionGroupMember or Get-RoleGroupMember for a mailbox user. */
    static String mailbox(String alias) {
        return row(
                "Name",
                alias,
                "Alias",
                alias,
                "PrimarySmtpAddress",
                alias + "@example.com",
                "RecipientType",
                "UserMailbox",
                "RecipientTypeDetails",
                "UserMailbox");
    }

    /** A member row for a mail-enabled security group. */
    static String groupMember(String name, String alias) {
        return row(
                "Name",
                name,
                "Alias",
                alias,
                "PrimarySmtpAddress",
                alias + "@example.com",
                "RecipientType",
                "MailUniversalSecurityGroup",
                "RecipientTypeDetails",
                "MailUniversalSecurityGroup");
    }

    static String roleGroup(String name, List<String> roles, List<String> members) {
        return row("Name", name, "Identity", name, "Roles", roles, "Members", members, "RoleGroupType", "Standard");
    }

    private static Map<String, Object> map(Object... properties) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < properties.length; i += 2) {
            map.put((String) properties[i], properties[i + 1]);
        }
        return map;
    }

    final class Step {

        private final String cmdlet;
        private final Object[] parameters;
        private String page;

        private Step(String cmdlet, Object[] parameters) {
            this.cmdlet = cmdlet;
            this.parameters = parameters;
        }

        /** The request is the follow-up of {@code @odata.nextLink} with this skip token. */
        Step onPage(String skipToken) {
            this.page = skipToken;
            return this;
        }

        /** Answers the output objects (JSON objects). */
        void returns(String... rows) {
            answer(200, body(List.of(rows), List.of(), null));
        }

        void returnsWithWarnings(List<String> warnings, String... rows) {
            answer(200, body(List.of(rows), warnings, null));
        }

        /** Answers one page and a next link with this skip token. */
        void returnsPage(String nextSkipToken, String... rows) {
            answer(200, body(List.of(rows), List.of(), server.baseUrl() + PATH + "?$skiptoken=" + nextSkipToken));
        }

        /** Fails as current Exchange Online does: the detail's message is the exception as JSON. */
        void fails(int status, String exceptionType, String message) {
            ObjectNode exception = JSON.createObjectNode();
            exception.put("Message", message);
            exception.put("TypeName", exceptionType);
            exception.putNull("StackTrace");
            exception.putNull("InnerError");
            answer(status, errorBody(status, JSON.writeValueAsString(exception)));
        }

        /** Fails as older answers do: the detail's message is the line PowerShell prints. */
        void failsPrinted(int status, String errorId, String exceptionType, String message) {
            answer(status, errorBody(status, errorId + "|" + exceptionType + "|" + message));
        }

        void answers(ResponseDefinitionBuilder response) {
            register(response);
        }

        private void answer(int status, String body) {
            register(aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json; odata.metadata=minimal")
                    .withHeader("request-id", "request-" + scenario + "-" + (steps + 1))
                    .withBody(body));
        }

        private void register(ResponseDefinitionBuilder response) {
            ObjectNode input = JSON.createObjectNode();
            input.put("CmdletName", cmdlet);
            input.set("Parameters", JSON.valueToTree(map(parameters)));
            ObjectNode request = JSON.createObjectNode();
            request.set("CmdletInput", input);
            MappingBuilder mapping = post(urlPathEqualTo(PATH))
                    .inScenario(scenario)
                    .whenScenarioStateIs(steps == 0 ? Scenario.STARTED : "step " + steps)
                    .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                    .withHeader("Content-Type", equalTo("application/json"))
                    .withHeader("Accept", equalTo("application/json"))
                    .withHeader("X-CmdletName", equalTo(cmdlet))
                    .withHeader("X-ResponseFormat", equalTo("json"))
                    .withHeader("X-AnchorMailbox", equalTo(ANCHOR))
                    .withHeader("Prefer", equalTo("odata.maxpagesize=" + TestExchange.PAGE_SIZE))
                    .withHeader("client-request-id", matching("[0-9a-f-]{36}"))
                    .withQueryParam("$skiptoken", page == null ? absent() : equalTo(page))
                    .withRequestBody(equalToJson(JSON.writeValueAsString(request), false, false))
                    .willReturn(response)
                    .willSetStateTo("step " + (steps + 1));
            server.stubFor(mapping);
            steps++;
        }

        private String body(List<String> rows, List<String> warnings, String nextLink) {
            ObjectNode body = JSON.createObjectNode();
            body.put(
                    "@odata.context",
                    server.baseUrl() + "/adminapi/beta/" + TestExchange.TENANT
                            + "/$metadata#Collection(Exchange.GenericHashTable)");
            if (!warnings.isEmpty()) {
                body.put("adminapi.warnings@odata.type", "#Collection(String)");
                ArrayNode said = body.putArray("@adminapi.warnings");
                warnings.forEach(said::add);
            }
            ArrayNode value = body.putArray("value");
            rows.forEach(row -> value.add(JSON.readTree(row)));
            if (nextLink != null) {
                body.put("@odata.nextLink", nextLink);
            }
            return JSON.writeValueAsString(body);
        }

        private static String errorBody(int status, String detailMessage) {
            ObjectNode detail = JSON.createObjectNode();
            detail.put("code", "Context");
            detail.put("target", "");
            detail.put("message", detailMessage);
            ObjectNode error = JSON.createObjectNode();
            error.put("code", status == 404 ? "NotFound" : "BadRequest");
            error.put("message", "Error executing cmdlet");
            error.putArray("details").add(detail);
            ObjectNode inner = error.putObject("innererror");
            inner.put("message", "Error executing cmdlet");
            inner.put("type", "Microsoft.Exchange.Admin.OData.Core.ODataServiceException");
            ObjectNode body = JSON.createObjectNode();
            body.set("error", error);
            return JSON.writeValueAsString(body);
        }
    }
}
