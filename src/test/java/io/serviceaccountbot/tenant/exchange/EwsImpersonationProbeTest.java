package io.serviceaccountbot.tenant.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serviceaccountbot.tenant.ImpersonationProbe.Outcome;
import io.serviceaccountbot.tenant.TenantException;
import org.junit.jupiter.api.Test;

/** How the probe reads what Exchange Web Services answers, and what it sends. */
class EwsImpersonationProbeTest {

    @Test
    void aGetFolderResponseWithNoErrorMeansImpersonated() {
        String answer = """
                <s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>
                <m:GetFolderResponse xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages">
                <m:ResponseMessages><m:GetFolderResponseMessage ResponseClass="Success">
                <m:ResponseCode>NoError</m:ResponseCode></m:GetFolderResponseMessage></m:ResponseMessages>
                </m:GetFolderResponse></s:Body></s:Envelope>""";

        assertThat(EwsImpersonationProbe.read(answer).outcome()).isEqualTo(Outcome.IMPERSONATED);
    }

    @Test
    void aSoapFaultIsReadForItsResponseCode() {
        String fault = """
                <s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault>
                <faultcode xmlns:a="http://schemas.microsoft.com/exchange/services/2006/types">a:ErrorImpersonateUserDenied</faultcode>
                <faultstring xml:lang="en-US">The account does not have permission to impersonate the requested user.</faultstring>
                <detail><e:ResponseCode xmlns:e="http://schemas.microsoft.com/exchange/services/2006/errors">ErrorImpersonateUserDenied</e:ResponseCode></detail>
                </s:Fault></s:Body></s:Envelope>""";

        var result = EwsImpersonationProbe.read(fault);

        assertThat(result.outcome()).isEqualTo(Outcome.DENIED);
        assertThat(result.code()).isEqualTo("ErrorImpersonateUserDenied");
        assertThat(result.message()).contains("does not have permission");
    }

    @Test
    void aDocumentTypeIsRefusedSoNoEntityIsEverExpanded() {
        String hostile = """
                <?xml version="1.0"?>
                <!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
                <x><ResponseCode>&e;</ResponseCode></x>""";

        assertThatThrownBy(() -> EwsImpersonationProbe.read(hostile))
                .isInstanceOf(TenantException.class)
                .hasMessageContaining("not SOAP");
    }

    @Test
    void theImpersonatedAddressIsEscapedInTheRequest() {
        String request = EwsImpersonationProbe.getFolder("o'neil&<x>@example.com");

        assertThat(request)
                .contains("<t:SmtpAddress>o&apos;neil&amp;&lt;x&gt;@example.com</t:SmtpAddress>")
                .contains("<t:DistinguishedFolderId Id=\"inbox\"/>");
    }
}
