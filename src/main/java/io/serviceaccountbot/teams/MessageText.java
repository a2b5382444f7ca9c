package io.serviceaccountbot.teams;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command a user typed, out of what Teams delivers: without the {@code <at>bot</at>} mention that channels and
 * group chats put in front, without HTML markup, and with HTML entities and non-breaking spaces turned into text.
 *
 * <p>Teams sends a message as HTML: the markup it adds itself ({@code <p>}, {@code <at>}, formatting) as tags, and
 * whatever the user typed as escaped text, so a typed {@code <script>} arrives as {@code &lt;script&gt;}. Tags are
 * therefore stripped <em>first</em> and entities decoded <em>after</em>, once, in a single pass: the result is what
 * the user literally typed, {@code <script>} included, and decoding can never make a tag that stripping would have
 * removed reappear as markup, because from here on the text is only ever treated as text. Every card and message
 * that shows it escapes it ({@link UserText#forMarkdown(String)}), so a typed {@code <a href=…>} shows as those
 * characters and never as a link.
 */
public final class MessageText {

    private static final Pattern MENTION =
            Pattern.compile("<at[^>]{0,100}>(.{0,300}?)</at>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern LINE_BREAK = Pattern.compile("<br\\s*/?>|</p>|</div>", Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("<[^>]{0,500}>");
    private static final Pattern ENTITY =
            Pattern.compile("&(nbsp|quot|apos|lt|gt|amp|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");

    private MessageText() {}

    /** The text of a message activity, cleaned; empty when there is none. */
    public static String of(Activity activity) {
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
            return isBot ? " " : Matcher.quoteReplacement(match.group(1));
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
        return ENTITY.matcher(text).replaceAll(entity -> Matcher.quoteReplacement(decode(entity.group(1))));
    }

    /** The character an entity stands for; the entity itself when it is not one Teams sends or not a character. */
    private static String decode(String name) {
        switch (name) {
            case "nbsp":
                return " ";
            case "quot":
                return "\"";
            case "apos":
                return "'";
            case "lt":
                return "<";
            case "gt":
                return ">";
            case "amp":
                return "&";
            default:
                break;
        }
        boolean hex = name.length() > 2 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
        int codePoint;
        try {
            codePoint = Integer.parseInt(name.substring(hex ? 2 : 1), hex ? 16 : 10);
        } catch (NumberFormatException e) {
            return "&" + name + ";";
        }
        return Character.isValidCodePoint(codePoint) && codePoint != 0
                ? new String(Character.toChars(codePoint))
                : "&" + name + ";";
    }
}
