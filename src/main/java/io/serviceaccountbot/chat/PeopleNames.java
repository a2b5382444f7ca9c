package io.serviceaccountbot.chat;

import java.util.List;

/** Names in a sentence: "Megan Bowen", "Megan Bowen and Adele Vance", "A, B and C". */
public final class PeopleNames {

    private PeopleNames() {}

    public static String join(List<String> names) {
        if (names.size() <= 1) {
            return names.isEmpty() ? "" : names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
