package io.serviceaccountbot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class ODataFilterTest {

    private static final Set<String> PROPERTIES = Set.of("mailNickname", "userPrincipalName", "accountEnabled");
    private static final List<Map<String, Object>> PEOPLE = List.of(
            Map.of("mailNickname", "o'brien", "userPrincipalName", "o'brien@example.com", "accountEnabled", true),
            Map.of("mailNickname", "alexw", "userPrincipalName", "alexw@example.com", "accountEnabled", true),
            Map.of("mailNickname", "svc-old", "userPrincipalName", "svc-old@example.com", "accountEnabled", false));

    private static List<Object> matching(String filter) {
        Predicate<Map<String, Object>> predicate = ODataFilter.parse(filter, PROPERTIES, "User");
        return PEOPLE.stream()
                .filter(predicate)
                .map(person -> person.get("mailNickname"))
                .toList();
    }

    @Test
    void aDoubledQuoteInsideALiteralIsOneQuote() {
        assertThat(matching("mailNickname eq 'o''brien'")).containsExactly("o'brien");
    }

    @Test
    void aForgottenEscapeIsASyntaxErrorAsInGraph() {
        assertThatThrownBy(() -> matching("mailNickname eq 'o'brien'"))
                .isInstanceOfSatisfying(GraphRefusal.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo("BadRequest");
                    assertThat(refusal.getMessage())
                            .isEqualTo("Invalid filter clause: There is an unterminated string literal at position 24"
                                    + " in 'mailNickname eq 'o'brien''.");
                });
        assertThatThrownBy(() -> matching("mailNickname eq 'o' brien"))
                .hasMessage("Invalid filter clause: Syntax error at position 20 in 'mailNickname eq 'o' brien'.");
    }

    @Test
    void anUnescapedNameCouldWidenTheFilterWhichIsWhyClientsMustEscape() {
        String name = "x' or mailNickname ne '";
        assertThat(matching("mailNickname eq '" + name + "'"))
                .as("unescaped: everyone")
                .hasSize(3);
        assertThat(matching("mailNickname eq '" + name.replace("'", "''") + "'"))
                .as("escaped: nobody")
                .isEmpty();
    }

    @Test
    void anUnterminatedLiteralIsRefused() {
        assertThatThrownBy(() -> matching("mailNickname eq 'alexw"))
                .hasMessage("Invalid filter clause: There is an unterminated string literal at position 16 in"
                        + " 'mailNickname eq 'alexw'.");
    }

    @Test
    void aPropertyThatCannotBeFilteredOnIsAnUnsupportedQuery() {
        assertThatThrownBy(() -> matching("jobTitle eq 'x'")).isInstanceOfSatisfying(GraphRefusal.class, refusal -> {
            assertThat(refusal.code()).isEqualTo("Request_UnsupportedQuery");
            assertThat(refusal.getMessage()).contains("property 'jobTitle' of resource 'User'");
        });
    }

    @Test
    void comparisonsIgnoreCaseLikeEntra() {
        assertThat(matching("userPrincipalName eq 'ALEXW@Example.com'")).containsExactly("alexw");
    }

    @Test
    void andOrNotParenthesesStartswithAndBooleansCombine() {
        assertThat(matching("accountEnabled eq false")).containsExactly("svc-old");
        assertThat(matching("startswith(mailNickname,'svc') or mailNickname eq 'alexw'"))
                .containsExactly("alexw", "svc-old");
        assertThat(matching("not (accountEnabled eq true) and startswith(userPrincipalName,'svc')"))
                .containsExactly("svc-old");
        assertThat(matching("mailNickname ne null")).hasSize(3);
    }

    @Test
    void somethingThatIsNotAComparisonIsASyntaxError() {
        assertThatThrownBy(() -> matching("mailNickname")).hasMessageContaining("Invalid filter clause");
        assertThatThrownBy(() -> matching("mailNickname gt 'a'")).hasMessageContaining("Syntax error at position 13");
        assertThatThrownBy(() -> matching("(mailNickname eq 'a'")).hasMessageContaining("Invalid filter clause");
    }
}
