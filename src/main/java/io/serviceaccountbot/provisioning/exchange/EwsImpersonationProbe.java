package io.serviceaccountbot.provisioning.exchange;

import io.serviceaccountbot.provisioning.ImpersonationProbe;
import io.serviceaccountbot.provisioning.Secret;
import io.serviceaccountbot.provisioning.TenantException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Supplier;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * {@link ImpersonationProbe} over Exchange Web Services: a SOAP {@code GetFolder} of the target's inbox with the
 * {@code ExchangeImpersonation} header, signed in as the service account with Basic authentication (as the Remote
 * Connectivity Analyzer does; Exchange Server accepts it, Exchange Online no longer does). The password goes only into
 * the Authorization header of this one request and is never logged. The answer is read for its {@code ResponseCode}
 * (in a message or in a SOAP fault's detail) with a parser that refuses DTDs and external entities.
 */
final class EwsImpersonationProbe implements ImpersonationProbe {

    static final String MESSAGES = "http://schemas.microsoft.com/exchange/services/2006/messages";
    static final String TYPES = "http://schemas.microsoft.com/exchange/services/2006/types";
    static final String ERRORS = "http://schemas.microsoft.com/exchange/services/2006/errors";

    private final HttpClient http;
    private final Supplier<URI> endpoint;
    private final Duration timeout;

    EwsImpersonationProbe(HttpClient http, Supplier<URI> endpoint, Duration timeout) {
        this.http = http;
        this.endpoint = endpoint;
        this.timeout = timeout;
    }

    @Override
    public ProbeResult probe(String serviceAccount, Secret password, String targetMailbox) {
        String credentials = Base64.getEncoder()
                .encodeToString((serviceAccount + ":" + password.reveal()).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(endpoint.get())
                .timeout(timeout)
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("Authorization", "Basic " + credentials)
                .header("X-AnchorMailbox", targetMailbox)
                .POST(HttpRequest.BodyPublishers.ofString(getFolder(targetMailbox)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw unavailable(
                    "Exchange Web Services did not answer (" + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("the probe was interrupted", e);
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            return new ProbeResult(
                    Outcome.SIGN_IN_REFUSED,
                    String.valueOf(response.statusCode()),
                    "Exchange Web Services did not accept the sign-in of " + serviceAccount);
        }
        if (response.statusCode() >= 500 && !response.body().contains("ResponseCode")) {
            throw unavailable("Exchange Web Services answered " + response.statusCode(), null);
        }
        return read(response.body());
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
