package io.serviceaccountbot.teams;

import java.util.regex.Pattern;

/**
 * The command a user typed, out of what Teams delivers: without the {@code <at>bot</at>} mention that channels and
 * group chats put in front, without HTML markup, and with HTML entities and non-breaking spaces turned into text.
 */
final class MessageText {

    private static final Pattern MENTION =
            Pattern.compile("<at[^>]{0,100}>(.{0,300}?)</at>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern LINE_BREAK = Pattern.compile("<br\\s*/?>|</p>|</div>", Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("<[^>]{0,500}>");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");

    private MessageText() {}

    /** The text of a message activity, cleaned; empty when there is none. */
    static String of(Activity activity) {
        String text = activity.text();
        if (text == null) {
            return "";
        }
        if (text.indexOf('<') < 0 && text.indexOf('&') < 0) {
            return collapse(text);
        }
        String withoutMentions = withoutBotMention(text, activity);
        String withoutTags =
                TAG.matcher(LINE_BREAK.matcher(withoutMentions).replaceAll(" ")).replaceAll("");
        return collapse(decodeEntities(withoutTags));
    }

    /**
     * Removes the mention of the bot (the entity whose {@code mentioned.id} is the recipient) and keeps the names of
     * other people mentioned; without mention entities, a leading mention is taken to be the bot's.
     */
    private static String withoutBotMention(String text, Activity activity) {
        String botMention = botMentionText(activity);
        boolean[] first = {true};
        return MENTION.matcher(text).replaceAll(match -> {
            boolean isBot = botMention != null
                    ? match.group().equals(botMention)
                    : first[0] && text.substring(0, match.start()).isBlank();
            first[0] = false;
            return isBot ? " " : java.util.regex.Matcher.quoteReplacement(match.group(1));
        });
    }

    private static String botMentionText(Activity activity) {
        if (activity.entities() == null || activity.recipient() == null) {
            return null;
        }
        return activity.entities().stream()
                .filter(entity -> "mention".equals(entity.type()) && entity.mentioned() != null)
                .filter(entity -> activity.recipient().id() != null
                        && activity.recipient().id().equals(entity.mentioned().id()))
                .map(Activity.Entity::text)
                .findFirst()
                .orElse(null);
    }

    private static String collapse(String text) {
        return SPACES.matcher(text).replaceAll(" ").strip();
    }

    private static String decodeEntities(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        return text.replace("&nbsp;", " ")
                .replace("&quot;", "\"")
                .replace("&#34;", "\"")
                .replace("&apos;", "'")
                .replace("&#39;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
