package io.serviceaccountbot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserTextTest {

    @Test
    void linksAndImagesLoseTheirBracketsAndTheirAddress() {
        assertThat(UserText.forMarkdown("[Approve here](https://evil.example/x)"))
                .isEqualTo("\\[Approve here\\](https\\[:\\]//evil\\[.\\]example/x)");
        assertThat(UserText.forMarkdown("![img](https://evil.example/i.png)"))
                .isEqualTo("!\\[img\\](https\\[:\\]//evil\\[.\\]example/i\\[.\\]png)");
    }

    @Test
    void bareAddressesAreDefangedSoThatNoClientLinksThem() {
        assertThat(UserText.forMarkdown("see https://evil.example/x now"))
                .isEqualTo("see https\\[:\\]//evil\\[.\\]example/x now");
        assertThat(UserText.forMarkdown("see WWW.evil.example")).isEqualTo("see WWW\\[.\\]evil\\[.\\]example");
    }

    @Test
    void emphasisCodeStrikeTablesAndTagsAreEscaped() {
        assertThat(UserText.forMarkdown("**bold** _it_ `code` ~~gone~~ a|b"))
                .isEqualTo("\\*\\*bold\\*\\* \\_it\\_ \\`code\\` \\~\\~gone\\~\\~ a\\|b");
        assertThat(UserText.forMarkdown("<script>alert(1)</script>")).isEqualTo("\\<script\\>alert(1)\\</script\\>");
        assertThat(UserText.forMarkdown("a\\b")).isEqualTo("a\\\\b");
    }

    @Test
    void blockMarkupIsEscapedOnlyAtTheStartOfALine() {
        assertThat(UserText.forMarkdown("# big\n- item\n+ item\n12. item\n3) item\n== rule"))
                .isEqualTo("\\# big\n\\- item\n\\+ item\n12\\. item\n3\\) item\n\\== rule");
        assertThat(UserText.forMarkdown("svc-sync has 2. and #1 + more")).isEqualTo("svc-sync has 2. and #1 + more");
    }

    @Test
    void plainTextAndEmailAddressesStayAsTheyAre() {
        assertThat(UserText.forMarkdown("Salesforce Exchange Sync for sales (team 2), svc-sync@contoso.com"))
                .isEqualTo("Salesforce Exchange Sync for sales (team 2), svc-sync@contoso.com");
        assertThat(UserText.forMarkdown(null)).isEmpty();
    }
}
