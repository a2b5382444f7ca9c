package io.serviceaccountbot.tenant.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.serviceaccountbot.tenant.TenantException;
import io.serviceaccountbot.tenant.TenantException.Kind;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Exchange's error answers, in the shapes seen from InvokeCommand, read into typed failures. */
class ExchangeErrorsTest {

    private final ExchangeErrors errors =
            new ExchangeErrors(JsonMapper.builder().build());

    private TenantException answer(int status, String body) {
        return errors.fromAnswer("Get-RoleGroup", status, body.getBytes(StandardCharsets.UTF_8), "request-1");
    }

    private static String withDetail(String code, String detailMessage) {
        return "{\"error\":{\"code\":\"" + code + "\",\"message\":\"Error executing cmdlet\",\"details\":[{\"code\":"
                + "\"Context\",\"target\":\"\",\"message\":" + quoted(detailMessage) + "}],\"innererror\":{\"message\":"
                + "\"Error executing cmdlet\",\"type\":\"Microsoft.Exchange.Admin.OData.Core.ODataServiceException\"}}}";
    }

    private static String quoted(String text) {
        return JsonMapper.builder().build().writeValueAsString(text);
    }

    @Test
    void theExceptionNamedAsJsonInTheDetailDecides() {
        TenantException e = answer(
                400,
                withDetail(
                        "BadRequest",
                        "{\"Message\":\"The object 'CN=rg' already exists.\",\"TypeName\":"
                                + "\"Microsoft.Exchange.Data.Directory.ADObjectAlreadyExistsException\"}"));

        assertThat(e.kind()).isEqualTo(Kind.ALREADY_EXISTS);
        assertThat(e.code()).isEqualTo("ADObjectAlreadyExistsException");
        assertThat(e.service()).isEqualTo("Exchange Online");
        assertThat(e.requestId()).isEqualTo("request-1");
        assertThat(e.getMessage())
                .isEqualTo("Exchange Online could not run Get-RoleGroup: The object 'CN=rg' already exists.");
    }

    @Test
    void theExceptionPrintedAsPowerShellPrintsItDecidesToo() {
        TenantException e = answer(
                500,
                withDetail(
                        "InternalServerError",
                        "Ex6F9304|Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException|The"
                                + " operation couldn't be performed because object 'user2@contoso.com' couldn't be"
                                + " found on 'EXHV-1242.EXHV-1242dom.extest.microsoft.com'."));

        assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(e.isTransient()).isFalse();
        assertThat(e.code()).isEqualTo("ManagementObjectNotFoundException");
        assertThat(e.getMessage()).endsWith("couldn't be found on 'EXHV-1242.EXHV-1242dom.extest.microsoft.com'.");
    }

    @Test
    void capitalisedPropertyNamesAreReadAlike() {
        TenantException e = answer(
                404,
                "{\"error\":{\"Code\":\"NotFound\",\"Message\":\"Error executing cmdlet\",\"details\":[{\"code\":"
                        + "\"Client\",\"message\":\"Ex6F9304|Microsoft.Exchange.Configuration.Tasks."
                        + "ManagementObjectNotFoundException|Not there.\"}],\"InnerError\":{\"Message\":\"x\"}}}");

        assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
        assertThat(e.getMessage()).endsWith(": Not there.");
    }

    @Test
    void theInternalExceptionIsTheFallbackWhenThereAreNoDetails() {
        TenantException e = answer(
                400,
                "{\"error\":{\"code\":\"BadRequest\",\"message\":\"Error executing cmdlet\",\"innererror\":{"
                        + "\"internalexception\":{\"message\":\"ExB1A2C3|Microsoft.Exchange.Management.Tasks."
                        + "MemberAlreadyExistsException|The recipient \\\"a\\\" is already a member of the group"
                        + " \\\"g\\\".\"}}}}");

        assertThat(e.kind()).isEqualTo(Kind.ALREADY_EXISTS);
        assertThat(e.code()).isEqualTo("MemberAlreadyExistsException");
    }

    @Test
    void aRefusedCallIsAccessDeniedWithOrWithoutABody() {
        assertThat(answer(403, "").kind()).isEqualTo(Kind.ACCESS_DENIED);
        assertThat(answer(403, "").code()).isEqualTo("HTTP 403");
        assertThat(answer(401, "{\"error\":{\"code\":\"Unauthorized\",\"message\":\"Invalid token\"}}")
                        .kind())
                .isEqualTo(Kind.ACCESS_DENIED);
        assertThat(answer(
                                400,
                                withDetail(
                                        "BadRequest",
                                        "{\"Message\":\"Access denied.\",\"TypeName\":\"Microsoft.Exchange."
                                                + "Configuration.Tasks.AccessDeniedException\"}"))
                        .kind())
                .isEqualTo(Kind.ACCESS_DENIED);
    }

    @Test
    void throttlingIsThrottledAndServerTroubleIsUnavailable() {
        assertThat(answer(429, "").kind()).isEqualTo(Kind.THROTTLED);
        assertThat(answer(503, "{\"error\":{\"code\":\"ServiceUnavailable\",\"message\":\"down\"}}")
                        .kind())
                .isEqualTo(Kind.UNAVAILABLE);
        assertThat(answer(504, "<html>Gateway Timeout</html>").kind()).isEqualTo(Kind.UNAVAILABLE);
        TenantException overloaded = answer(
                500,
                withDetail(
                        "InternalServerError",
                        "{\"Message\":\"busy\",\"TypeName\":\"Microsoft.Exchange.Data.Directory.DCOverloadedException\"}"));
        assertThat(overloaded.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(overloaded.isTransient()).isTrue();
    }

    @Test
    void anAddressInUseIsAnExistingObject() {
        TenantException e = answer(
                400,
                withDetail(
                        "BadRequest",
                        "{\"Message\":\"The proxy address \\\"SMTP:sync@contoso.com\\\" is already being used.\","
                                + "\"TypeName\":\"Microsoft.Exchange.Data.Directory.ProxyAddressExistsException\"}"));

        assertThat(e.kind()).isEqualTo(Kind.ALREADY_EXISTS);
    }

    @Test
    void anUnknownCmdletProblemIsAnInvalidRequest() {
        TenantException e = answer(
                400,
                withDetail(
                        "BadRequest",
                        "{\"Message\":\"A parameter cannot be found that matches parameter name 'Colour'.\","
                                + "\"TypeName\":\"System.Management.Automation.ParameterBindingException\"}"));

        assertThat(e.kind()).isEqualTo(Kind.INVALID_REQUEST);
        assertThat(e.code()).isEqualTo("ParameterBindingException");
    }

    @Test
    void exchangesTextCannotForgeLogLinesOrGrowWithoutBound() {
        TenantException e = answer(400, withDetail("BadRequest", "line one\nFAKE LOG LINE\r\n" + "x".repeat(2000)));

        assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\r").hasSizeLessThan(700);
    }
}
