package io.serviceaccountbot.tenant.exchange;

import io.serviceaccountbot.tenant.ImpersonationProbe;
import io.serviceaccountbot.tenant.Secret;
import io.serviceaccountbot.tenant.TenantException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.hc.client5.http.auth.AuthChallenge;
import org.apache.hc.client5.http.auth.AuthScheme;
import org.apache.hc.client5.http.auth.AuthSchemeFactory;
import org.apache.hc.client5.http.auth.AuthenticationException;
import org.apache.hc.client5.http.auth.Credentials;
import org.apache.hc.client5.http.auth.CredentialsProvider;
import org.apache.hc.client5.http.auth.MalformedChallengeException;
import org.apache.hc.client5.http.auth.NTCredentials;
import org.apache.hc.client5.http.auth.StandardAuthScheme;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.BasicSchemeFactory;
import org.apache.hc.client5.http.impl.auth.NTLMScheme;
import org.apache.hc.client5.http.impl.auth.NTLMSchemeFactory;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.BasicHttpClientConnectionManager;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.Timeout;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * {@link ImpersonationProbe} over Exchange Web Services: a SOAP {@code GetFolder} of the target's inbox with the
 * {@code ExchangeImpersonation} header, signed in as the service account, as the Remote Connectivity Analyzer does.
 *
 * <p>Sign-in: the request goes first without credentials, and the 401's {@code WWW-Authenticate} offers decide.
 * Exchange Server's EWS offers Windows Integrated authentication ({@code Negotiate} and {@code NTLM}) and, by default,
 * not Basic. The probe answers {@code NTLM} with an NTLMv2 handshake; {@code Negotiate} alone with the same NTLM
 * messages inside it ({@code Negotiate <base64 NTLMSSP>}), as Windows does when Kerberos is not to be had; and Basic
 * only when it is the only offer, so the password never crosses in clear where NTLM is possible. An account given as a
 * user principal name ({@code svc-sync@contoso.com}) goes as the NTLM user name with an empty domain; {@code
 * CONTOSO\svc-sync} as that domain and user. Exchange Online offers none of these any more, and refuses.
 *
 * <p>Why Apache HttpClient 5's NTLM: the library is already the bot's HTTP client (the managed 5.6 still ships {@code
 * NTLMScheme}, deprecated since 5.3 because NTLM is, but maintained and tested, with NTLMv2 and target info), its
 * handshake state lives in one client and one connection that this probe makes and closes, and credentials are handed
 * per scheme. The JDK's {@code HttpURLConnection} NTLM was the other choice, but it keeps authentication in a
 * process-wide cache, retries on its own, and its {@code Negotiate} means Kerberos through GSS only. Each probe builds
 * its own client with one connection (NTLM is connection-bound), so nothing of one sign-in is reused for another; the
 * password goes only into this one sign-in and is never logged (HttpClient's header and wire loggers are held at INFO
 * in {@code application.yaml}, so no DEBUG setting prints an Authorization header). The answer is read for its {@code
 * ResponseCode} (in a message or in a SOAP fault's detail) with a parser that refuses DTDs and external entities.
 */
@SuppressWarnings(
        "deprecation") // NTLMScheme and NTCredentials: deprecated because NTLM is, and Exchange Server needs it
final class EwsImpersonationProbe implements ImpersonationProbe {

    static final String MESSAGES = "http://schemas.microsoft.com/exchange/services/2006/messages";
    static final String TYPES = "http://schemas.microsoft.com/exchange/services/2006/types";
    static final String ERRORS = "http://schemas.microsoft.com/exchange/services/2006/errors";

    /** NTLM first, then NTLM inside Negotiate, Basic only when nothing else is offered. */
    static final List<String> PREFERENCE =
            List.of(StandardAuthScheme.NTLM, StandardAuthScheme.SPNEGO, StandardAuthScheme.BASIC);

    private final Supplier<URI> endpoint;
    private final Duration timeout;

    EwsImpersonationProbe(Supplier<URI> endpoint, Duration timeout) {
        this.endpoint = endpoint;
        this.timeout = timeout;
    }

    @Override
    public ProbeResult probe(String serviceAccount, Secret password, String targetMailbox) {
        URI uri = endpoint.get();
        HttpPost request = new HttpPost(uri);
        request.setHeader("X-AnchorMailbox", targetMailbox);
        request.setEntity(
                new StringEntity(getFolder(targetMailbox), ContentType.create("text/xml", StandardCharsets.UTF_8)));
        try (CloseableHttpClient client = client(serviceAccount, password)) {
            return client.execute(request, HttpClientContext.create(), response -> {
                String body = response.getEntity() == null
                        ? ""
                        : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
                return answer(serviceAccount, response.getCode(), body);
            });
        } catch (IOException e) {
            throw unavailable(
                    "Exchange Web Services did not answer (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static ProbeResult answer(String serviceAccount, int status, String body) {
        if (status == 401 || status == 403) {
            return new ProbeResult(
                    Outcome.SIGN_IN_REFUSED,
                    String.valueOf(status),
                    "Exchange Web Services did not accept the sign-in of " + serviceAccount);
        }
        if (status >= 500 && !body.contains("ResponseCode")) {
            throw unavailable("Exchange Web Services answered " + status, null);
        }
        return read(body);
    }

    /**
     * One client for one probe: one connection (an NTLM handshake holds to it), no redirects, no retries, the
     * account's credentials for NTLM (also inside Negotiate) and, only for a Basic offer, as user and password.
     */
    private CloseableHttpClient client(String serviceAccount, Secret password) {
        int slash = serviceAccount.indexOf('\\');
        String user = slash < 0 ? serviceAccount : serviceAccount.substring(slash + 1);
        String domain = slash < 0 ? null : serviceAccount.substring(0, slash);
        Credentials ntlm = new NTCredentials(user, password.reveal().toCharArray(), null, domain);
        Credentials basic = new UsernamePasswordCredentials(
                serviceAccount, password.reveal().toCharArray());
        CredentialsProvider credentials =
                (scope, context) -> StandardAuthScheme.BASIC.equalsIgnoreCase(scope.getSchemeName()) ? basic : ntlm;
        Timeout limit = Timeout.of(timeout);
        Timeout connect = Timeout.of(timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout : Duration.ofSeconds(10));
        BasicHttpClientConnectionManager connection = new BasicHttpClientConnectionManager();
        connection.setConnectionConfig(ConnectionConfig.custom()
                .setConnectTimeout(connect)
                .setSocketTimeout(limit)
                .build());
        return HttpClients.custom()
                .setConnectionManager(connection)
                .setDefaultAuthSchemeRegistry(RegistryBuilder.<AuthSchemeFactory>create()
                        .register(StandardAuthScheme.NTLM, NTLMSchemeFactory.INSTANCE)
                        .register(StandardAuthScheme.SPNEGO, context -> new NtlmInNegotiate())
                        .register(StandardAuthScheme.BASIC, BasicSchemeFactory.INSTANCE)
                        .build())
                .setDefaultCredentialsProvider(credentials)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(limit)
                        .setConnectionRequestTimeout(connect)
                        .setTargetPreferredAuthSchemes(PREFERENCE)
                        .setRedirectsEnabled(false)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
    }

    /**
     * {@code Negotiate} carrying raw NTLM messages: HttpClient's {@link NTLMScheme} under the other name, its tokens
     * sent as {@code Negotiate <base64>} and the server's read back from {@code Negotiate <base64>}.
     */
    static final class NtlmInNegotiate implements AuthScheme {

        private final NTLMScheme ntlm = new NTLMScheme();

        @Override
        public String getName() {
            return StandardAuthScheme.SPNEGO;
        }

        @Override
        public boolean isConnectionBased() {
            return true;
        }

        @Override
        public void processChallenge(AuthChallenge challenge, HttpContext context) throws MalformedChallengeException {
            ntlm.processChallenge(challenge, context);
        }

        @Override
        public boolean isChallengeComplete() {
            return ntlm.isChallengeComplete();
        }

        @Override
        public String getRealm() {
            return ntlm.getRealm();
        }

        @Override
        public boolean isResponseReady(HttpHost host, CredentialsProvider credentials, HttpContext context)
                throws AuthenticationException {
            return ntlm.isResponseReady(host, credentials, context);
        }

        @Override
        public Principal getPrincipal() {
            return ntlm.getPrincipal();
        }

        @Override
        public String generateAuthResponse(HttpHost host, HttpRequest request, HttpContext context)
                throws AuthenticationException {
            String response = ntlm.generateAuthResponse(host, request, context);
            return response.regionMatches(true, 0, "NTLM ", 0, 5)
                    ? StandardAuthScheme.SPNEGO + " " + response.substring(5)
                    : response;
        }
    }

    static ProbeResult read(String body) {
        Document document = parse(body);
        String code = firstText(document, "ResponseCode");
        String message = firstText(document, "MessageText");
        if (message == null) {
            message = firstText(document, "faultstring");
        }
        if (code == null) {
            throw new TenantException(
                    TenantException.Kind.INVALID_REQUEST,
                    "Exchange Web Services",
                    null,
                    null,
                    "Exchange Web Services answered without a response code",
                    null);
        }
        Outcome outcome = switch (code) {
            case "NoError" -> Outcome.IMPERSONATED;
            case "ErrorImpersonateUserDenied", "ErrorImpersonationDenied", "ErrorAccessDenied" -> Outcome.DENIED;
            case "ErrorNonExistentMailbox", "ErrorMailboxNotFound" -> Outcome.NO_SUCH_MAILBOX;
            default -> Outcome.OTHER_ERROR;
        };
        return new ProbeResult(outcome, code, message);
    }

    static String getFolder(String targetMailbox) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:t="%s" xmlns:m="%s">
                  <soap:Header>
                    <t:RequestServerVersion Version="Exchange2013_SP1"/>
                    <t:ExchangeImpersonation>
                      <t:ConnectingSID>
                        <t:SmtpAddress>%s</t:SmtpAddress>
                      </t:ConnectingSID>
                    </t:ExchangeImpersonation>
                  </soap:Header>
                  <soap:Body>
                    <m:GetFolder>
                      <m:FolderShape>
                        <t:BaseShape>IdOnly</t:BaseShape>
                      </m:FolderShape>
                      <m:FolderIds>
                        <t:DistinguishedFolderId Id="inbox"/>
                      </m:FolderIds>
                    </m:GetFolder>
                  </soap:Body>
                </soap:Envelope>
                """.formatted(TYPES, MESSAGES, escape(targetMailbox));
    }

    /** A namespace-aware parser that refuses DTDs and external entities. */
    static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new TenantException(
                    TenantException.Kind.INVALID_REQUEST,
                    "Exchange Web Services",
                    null,
                    null,
                    "Exchange Web Services answered something that is not SOAP",
                    e);
        }
    }

    private static String firstText(Document document, String localName) {
        NodeList nodes = document.getElementsByTagNameNS("*", localName);
        if (nodes.getLength() == 0) {
            nodes = document.getElementsByTagName(localName);
        }
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().strip();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&apos;");
    }

    private static TenantException unavailable(String message, Throwable cause) {
        return new TenantException(
                TenantException.Kind.UNAVAILABLE, "Exchange Web Services", null, null, message, cause);
    }
}
