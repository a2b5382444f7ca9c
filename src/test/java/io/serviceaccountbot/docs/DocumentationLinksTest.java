package io.serviceaccountbot.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The documentation holds together: README.md stays short (at most 10,240 bytes, the rest lives in docs/); every
 * relative markdown link in the README, in docs/, in the READMEs under deploy/, manifest/ and e2e/ and in the Exchange
 * Server runner's protocol reaches a file that exists, and every {@code #anchor} (in the same file or in
 * {@code file.md#anchor}) names a heading of its target by GitHub's slug; and the README links every file in docs/.
 * Links inside code spans and fenced code blocks are text, not links, and are not checked.
 */
class DocumentationLinksTest {

    private static final Path README = Path.of("README.md");
    private static final Path DOCS = Path.of("docs");
    private static final long README_LIMIT = 10_240;

    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");
    private static final Pattern LINK =
            Pattern.compile("!?\\[[^\\]]*\\]\\(\\s*<?([^\\s)>]*)>?(?:\\s+(?:\"[^\"]*\"|'[^']*'))?\\s*\\)");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}[ \\t]+(.*?)(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern HTML_ANCHOR =
            Pattern.compile("<a\\s[^>]*\\b(?:name|id)=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern SCHEME = Pattern.compile("^(?:[A-Za-z][A-Za-z0-9+.-]*:|//)");

    private final Map<Path, Set<String>> anchors = new HashMap<>();

    /** A relative link as written, where it was written. */
    record Link(Path file, int line, String target) {

        @Override
        public String toString() {
            return file + ":" + line + ": (" + target + ")";
        }
    }

    @Test
    void theReadmeIsAtMostTenKibibytes() throws IOException {
        assertThat(Files.size(README))
                .withFailMessage(
                        "README.md is %,d bytes, more than %,d: move the details into a file of docs/ and link it",
                        Files.size(README), README_LIMIT)
                .isLessThanOrEqualTo(README_LIMIT);
    }

    @Test
    void everyRelativeLinkReachesAFileAndEveryAnchorAHeading() throws IOException {
        List<Link> links = new ArrayList<>();
        for (Path document : documents()) {
            links.addAll(links(document));
        }
        List<String> broken = new ArrayList<>();
        for (Link link : links) {
            problem(link).ifPresent(problem -> broken.add(link + " " + problem));
        }

        assertThat(links).as("the relative links found in %s", documents()).hasSizeGreaterThan(20);
        assertThat(broken)
                .withFailMessage(
                        () -> broken.size() + " broken link(s) in the documentation:\n  " + String.join("\n  ", broken))
                .isEmpty();
    }

    @Test
    void theReadmeLinksEveryFileInDocs() throws IOException {
        Set<Path> linked = new LinkedHashSet<>();
        for (Link link : links(README)) {
            linked.add(targetPath(link));
        }
        Set<Path> unlinked;
        try (Stream<Path> files = Files.walk(DOCS)) {
            unlinked = files.filter(Files::isRegularFile).collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(unlinked).as("the files in docs/").isNotEmpty();
        unlinked.removeAll(linked);

        assertThat(unlinked)
                .withFailMessage("README.md does not link these files of docs/: %s", unlinked)
                .isEmpty();
    }

    /** The README, docs/*.md, every README.md under deploy/, the runner's protocol, and the manifest and e2e READMEs. */
    private static Set<Path> documents() throws IOException {
        Set<Path> documents = new TreeSet<>();
        documents.add(README);
        try (Stream<Path> docs = Files.list(DOCS)) {
            docs.filter(path -> path.toString().endsWith(".md")).forEach(documents::add);
        }
        try (Stream<Path> deploy = Files.walk(Path.of("deploy"))) {
            deploy.filter(path -> path.getFileName().toString().equals("README.md"))
                    .forEach(documents::add);
        }
        documents.add(Path.of("deploy/exchange-server/PROTOCOL.md"));
        documents.add(Path.of("manifest/README.md"));
        documents.add(Path.of("e2e/README.md"));
        return documents;
    }

    /** The relative links of a markdown file: those with no scheme, anchors within the file included. */
    static List<Link> links(Path file) throws IOException {
        String text = prose(withoutCodeBlocks(Files.readString(file)));
        List<Link> links = new ArrayList<>();
        Matcher link = LINK.matcher(text);
        while (link.find()) {
            String target = link.group(1);
            if (!target.isEmpty() && !SCHEME.matcher(target).find()) {
                links.add(new Link(file, lineOf(text, link.start()), target));
            }
        }
        return links;
    }

    private Optional<String> problem(Link link) throws IOException {
        Path target = targetPath(link);
        if (!Files.exists(target)) {
            return Optional.of("→ " + target + " does not exist");
        }
        int hash = link.target().indexOf('#');
        if (hash < 0) {
            return Optional.empty();
        }
        String anchor = decode(link.target().substring(hash + 1));
        if (!target.getFileName().toString().endsWith(".md")) {
            return Optional.of("→ #" + anchor + " points into " + target + ", which is not a markdown file");
        }
        Set<String> headings = anchors.computeIfAbsent(target, DocumentationLinksTest::anchorsOf);
        if (!headings.contains(anchor)) {
            return Optional.of("→ no heading of " + target + " has the anchor #" + anchor);
        }
        return Optional.empty();
    }

    /** The file a link leads to, relative to the working directory: the link's own file for a bare {@code #anchor}. */
    private static Path targetPath(Link link) {
        String path = link.target();
        int cut = indexOfAny(path, '#', '?');
        path = decode(cut < 0 ? path : path.substring(0, cut));
        if (path.isEmpty()) {
            return link.file();
        }
        if (path.startsWith("/")) {
            return Path.of(path.substring(1)).normalize();
        }
        Path directory =
                link.file().getParent() == null ? Path.of("") : link.file().getParent();
        return directory.resolve(path).normalize();
    }

    /** The anchors GitHub gives a markdown file: one per heading, by its slug, and any HTML anchor. */
    private static Set<String> anchorsOf(Path file) {
        String text;
        try {
            text = withoutCodeBlocks(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : text.split("\n", -1)) {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                String slug = slug(heading.group(1));
                int times = seen.merge(slug, 1, Integer::sum);
                anchors.add(times == 1 ? slug : slug + "-" + (times - 1));
            }
        }
        Matcher html = HTML_ANCHOR.matcher(text);
        while (html.find()) {
            anchors.add(html.group(1));
        }
        return anchors;
    }

    /**
     * GitHub's slug of a heading (github-slugger): the text as shown, lower case, without punctuation and symbols
     * (letters, marks, digits, underscores, hyphens and spaces stay), each space a hyphen.
     */
    static String slug(String heading) {
        String shown = heading.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1")
                .replaceAll("<[^>]+>", "")
                .toLowerCase(Locale.ROOT);
        return shown.replaceAll("[^\\p{L}\\p{M}\\p{N}\\p{Pc} -]", "").replace(' ', '-');
    }

    /** The text with every line of a fenced code block blanked, so that offsets and line numbers stay. */
    private static String withoutCodeBlocks(String markdown) {
        StringBuilder out = new StringBuilder(markdown.length());
        String fence = null;
        for (String line : markdown.split("\n", -1)) {
            if (fence == null) {
                Matcher opening = FENCE.matcher(line);
                if (opening.find()) {
                    fence = opening.group(1);
                }
                out.append(fence == null ? line : " ".repeat(line.length()));
            } else {
                String stripped = line.strip();
                if (stripped.startsWith(fence) && stripped.chars().allMatch(c -> c == stripped.charAt(0))) {
                    fence = null;
                }
                out.append(" ".repeat(line.length()));
            }
            out.append('\n');
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }

    /**
     * The text with code spans and backslash-escaped characters blanked (newlines kept): what remains can hold links. A
     * code span opens with a run of backticks and closes with a run of the same length within its paragraph.
     */
    private static String prose(String markdown) {
        char[] text = markdown.toCharArray();
        int i = 0;
        while (i < text.length) {
            if (text[i] == '\\' && i + 1 < text.length && text[i + 1] != '\n') {
                text[i] = ' ';
                text[i + 1] = ' ';
                i += 2;
            } else if (text[i] == '`') {
                int run = runOfBackticks(text, i);
                int close = closingRun(text, i + run, run);
                if (close < 0) {
                    i += run;
                } else {
                    for (int j = i; j < close + run; j++) {
                        if (text[j] != '\n') {
                            text[j] = ' ';
                        }
                    }
                    i = close + run;
                }
            } else {
                i++;
            }
        }
        return new String(text);
    }

    private static int runOfBackticks(char[] text, int from) {
        int end = from;
        while (end < text.length && text[end] == '`') {
            end++;
        }
        return end - from;
    }

    private static int closingRun(char[] text, int from, int length) {
        int i = from;
        while (i < text.length) {
            if (text[i] == '\n' && i + 1 < text.length && text[i + 1] == '\n') {
                return -1;
            }
            if (text[i] == '`') {
                int run = runOfBackticks(text, i);
                if (run == length) {
                    return i;
                }
                i += run;
            } else {
                i++;
            }
        }
        return -1;
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int indexOfAny(String text, char first, char second) {
        int a = text.indexOf(first);
        int b = text.indexOf(second);
        return a < 0 ? b : b < 0 ? a : Math.min(a, b);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
