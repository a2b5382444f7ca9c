package io.serviceaccountbot.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package table of docs/architecture.md names exactly the packages under {@code io.serviceaccountbot}, each by
 * its name below that package ({@code teams}, {@code tenant.graph}): a package added, renamed or removed in the
 * source tree has its row added, renamed or removed too.
 */
class ArchitecturePackagesTest {

    /** The bot's sources, and the simulated tenant's, which only the sandbox jar carries. */
    private static final List<Path> SOURCES =
            List.of(Path.of("src/main/java/io/serviceaccountbot"), Path.of("src/sandbox/java/io/serviceaccountbot"));

    private static final Path ARCHITECTURE = Path.of("docs/architecture.md");
    private static final Pattern HEADER = Pattern.compile("^\\| package \\|.*\\|$");
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z][a-z0-9_]*(?:\\.[a-z][a-z0-9_]*)*)` \\|.*\\|$");
    private static final Pattern SEPARATOR = Pattern.compile("^\\|(?:\\s*:?-+:?\\s*\\|)+$");

    @Test
    void thePackageTableNamesExactlyThePackagesOfTheSourceTree() throws IOException {
        Set<String> inSource = packagesInSource();
        List<String> unreadable = new ArrayList<>();
        Set<String> inTable = packagesInTable(unreadable);

        assertThat(inSource).as("the packages under %s", SOURCES).contains("teams", "tenant.graph", "sandbox");
        assertThat(unreadable)
                .withFailMessage(
                        "These rows of the package table in %s do not start with a backticked package name: %s",
                        ARCHITECTURE, unreadable)
                .isEmpty();
        Set<String> notInTable = new TreeSet<>(inSource);
        notInTable.removeAll(inTable);
        Set<String> notInSource = new TreeSet<>(inTable);
        notInSource.removeAll(inSource);
        assertThat(notInTable.isEmpty() && notInSource.isEmpty())
                .withFailMessage(
                        "The package table of %s does not match the packages under %s.%n"
                                + "  in the source tree but not in the table: %s%n"
                                + "  in the table but not in the source tree: %s",
                        ARCHITECTURE, SOURCES, notInTable, notInSource)
                .isTrue();
    }

    /** Every directory below {@code io/serviceaccountbot}, as a package name relative to it. */
    private static Set<String> packagesInSource() throws IOException {
        Set<String> packages = new TreeSet<>();
        for (Path root : SOURCES) {
            try (Stream<Path> tree = Files.walk(root)) {
                tree.filter(Files::isDirectory)
                        .filter(directory -> !directory.equals(root))
                        .map(directory -> root.relativize(directory).toString().replace(File.separatorChar, '.'))
                        .forEach(packages::add);
            }
        }
        return packages;
    }

    /** The first column of the table whose header starts with "package", up to the first line that is not a row. */
    private static Set<String> packagesInTable(List<String> unreadable) throws IOException {
        List<String> lines = Files.readAllLines(ARCHITECTURE);
        int header = -1;
        for (int i = 0; i < lines.size() && header < 0; i++) {
            if (HEADER.matcher(lines.get(i)).matches()) {
                header = i;
            }
        }
        assertThat(header)
                .as("a table headed '| package | … |' in %s", ARCHITECTURE)
                .isNotNegative();
        Set<String> packages = new TreeSet<>();
        for (int i = header + 1; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String line = lines.get(i);
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                packages.add(row.group(1));
            } else if (!SEPARATOR.matcher(line).matches()) {
                unreadable.add(line);
            }
        }
        return packages;
    }
}
