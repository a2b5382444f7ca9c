package io.serviceaccountbot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecipientFilterTest {

    private static final String SALES = "CN=Sales Mailboxes,OU=example.com,OU=Microsoft Exchange Hosted Organizations";

    private static final Map<String, List<String>> ALEX = Map.of(
            "memberofgroup", List.of(SALES, "O'Brien Team"),
            "alias", List.of("alexw"),
            "primarysmtpaddress", List.of("alexw@example.com"),
            "displayname", List.of("Alex Wilber"));

    private static boolean matches(String filter) {
        return RecipientFilter.parse(filter).matches(ALEX);
    }

    @Test
    void memberOfGroupMatchesAnyOfTheGroupsTheMailboxIsIn() {
        assertThat(matches("MemberOfGroup -eq '" + SALES + "'")).isTrue();
        assertThat(matches("memberofgroup -eq 'CN=Other,OU=example.com'")).isFalse();
        assertThat(matches("MemberOfGroup -ne 'CN=Other,OU=example.com'")).isTrue();
    }

    @Test
    void quotesInsideAValueAreDoubled() {
        assertThat(matches("MemberOfGroup -eq 'O''Brien Team'")).isTrue();
        assertThat(matches("MemberOfGroup -eq \"O'Brien Team\"")).isTrue();
    }

    @Test
    void comparisonsCombineWithAndOrNotAndParentheses() {
        assertThat(matches("Alias -eq 'alexw' -and PrimarySmtpAddress -like '*@example.com'"))
                .isTrue();
        assertThat(matches("Alias -eq 'meganb' -or (DisplayName -like 'Alex*' -and -not Alias -eq 'x')"))
                .isTrue();
        assertThat(matches("-not (Alias -eq 'alexw')")).isFalse();
        assertThat(matches("DisplayName -notlike '*Wilber'")).isFalse();
    }

    @Test
    void aFilterExchangeCannotParseIsRefusedWithItsMessage() {
        for (String broken : List.of(
                "MemberOfGroup -eq", "Alias -eq 'x' -and", "(Alias -eq 'x'", "Alias -contains 'x'", "Alias -eq 'x")) {
            assertThatThrownBy(() -> RecipientFilter.parse(broken))
                    .as(broken)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("Invalid filter syntax.");
        }
    }

    @Test
    void onlyPropertiesARecipientFilterKnowsAreAccepted() {
        assertThatThrownBy(() -> RecipientFilter.parse("FavouriteColour -eq 'blue'"))
                .hasMessageStartingWith("Invalid filter syntax.");
    }
}
