package io.serviceaccountbot.teams;

import java.net.InetAddress;
import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an activity must carry before the bot acts on it, and in sandbox mode where it may send: only to a loopback
 * service URL, so an anonymous caller cannot make the bot post to another host.
 */
public final class ActivityCheck {

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|[0-9a-fA-F:]+");

    /** The longest service URL, conversation id, other id and conversation type the bot stores (its schema's limits). */
    static final int MAX_SERVICE_URL = 500, MAX_CONVERSATION_ID = 1000, MAX_ID = 256, MAX_CONVERSATION_TYPE = 64;

    private ActivityCheck() {}

    /** The reason the activity cannot be handled, in words for the caller; empty when it is acceptable. */
    static Optional<String> problemWith(Activity activity, boolean sandbox) {
        if (activity.type() == null || activity.type().isBlank()) {
            return Optional.of("The activity has no type.");
        }
        if (!ActivityTypes.isKnown(activity.type())) {
            return Optional.of("Unknown activity type '" + shorten(activity.type()) + "'.");
        }
        if (ActivityTypes.IGNORED.contains(activity.type())) {
            return Optional.empty();
        }
        if (!sandbox && !EndorsedSigningKeys.CHANNEL.equals(activity.channelId())) {
            return Optional.of("This bot serves Microsoft Teams only; the activity's channel is not msteams.");
        }
        if (activity.serviceUrl() == null || activity.serviceUrl().isBlank()) {
            return Optional.of("The activity has no serviceUrl, so the bot could not answer it.");
        }
        Optional<URI> serviceUrl = parse(activity.serviceUrl());
        if (serviceUrl.isEmpty()) {
            return Optional.of("The serviceUrl is not an http(s) URL.");
        }
        if (sandbox && !isLoopback(serviceUrl.get().getHost())) {
            return Optional.of("In sandbox mode the bot only answers service URLs on this machine (localhost).");
        }
        if (!sandbox
                && !"https".equals(serviceUrl.get().getScheme())
                && !isLoopback(serviceUrl.get().getHost())) {
            return Optional.of("The serviceUrl must use https.");
        }
        if (activity.conversation() == null || isBlank(activity.conversation().id())) {
            return Optional.of("The activity has no conversation id.");
        }
        if (namesTwoTenants(activity)) {
            return Optional.of("The activity names two different tenants (conversation.tenantId and"
                    + " channelData.tenant.id), so it is refused.");
        }
        if (tooLong(activity)) {
            return Optional.of("An id in the activity is too long: the serviceUrl may have " + MAX_SERVICE_URL
                    + " characters, the conversation id " + MAX_CONVERSATION_ID + ", other ids " + MAX_ID + ".");
        }
        if (ActivityTypes.MESSAGE.equals(activity.type()) || ActivityTypes.INVOKE.equals(activity.type())) {
            if (activity.from() == null || isBlank(activity.from().id())) {
                return Optional.of("The activity has no sender.");
            }
            if (isBlank(activity.id())) {
                return Optional.of("The activity has no id.");
            }
        }
        return Optional.empty();
    }

    private static Optional<URI> parse(String url) {
        try {
            URI uri = new URI(url);
            boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            return http && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    static boolean isLoopback(String host) {
        if ("localhost".equalsIgnoreCase(host) || "127.0.0.1".equals(host)) {
            return true;
        }
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!IP_LITERAL.matcher(literal).matches()) {
            return false;
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (Exception e) {
            return false;
        }
    }

    /** Teams sends the tenant in both places; when both are present they must agree. */
    private static boolean namesTwoTenants(Activity activity) {
        String inConversation = activity.conversation().tenantId();
        String inChannelData =
                activity.channelData() == null || activity.channelData().tenant() == null
                        ? null
                        : activity.channelData().tenant().id();
        return inConversation != null && inChannelData != null && !inConversation.equalsIgnoreCase(inChannelData);
    }

    private static boolean tooLong(Activity activity) {
        return longer(activity.serviceUrl(), MAX_SERVICE_URL)
                || longer(activity.conversation().id(), MAX_CONVERSATION_ID)
                || longer(activity.conversation().conversationType(), MAX_CONVERSATION_TYPE)
                || longer(activity.id(), MAX_ID)
                || longer(activity.tenantId(), MAX_ID)
                || activity.from() != null
                        && (longer(activity.from().id(), MAX_ID)
                                || longer(activity.from().aadObjectId(), MAX_ID))
                || activity.recipient() != null && longer(activity.recipient().id(), MAX_ID);
    }

    private static boolean longer(String value, int limit) {
        return value != null && value.length() > limit;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    public static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
