package io.serviceaccountbot.tenant.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.graph.models.ServicePlanInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class GraphLicencesTest {

    private static ServicePlanInfo plan(String name, String appliesTo, String status) {
        ServicePlanInfo plan = new ServicePlanInfo();
        plan.setServicePlanName(name);
        plan.setAppliesTo(appliesTo);
        plan.setProvisioningStatus(status);
        return plan;
    }

    @Test
    void e1AndE3ComeWithAMailbox() {
        assertThat(GraphLicences.includesExchange(List.of(plan("EXCHANGE_S_STANDARD", "User", "Success"))))
                .isTrue();
        assertThat(GraphLicences.includesExchange(List.of(plan("EXCHANGE_S_ENTERPRISE", "User", "Success"))))
                .isTrue();
        assertThat(GraphLicences.includesExchange(List.of(plan("EXCHANGE_S_DESKLESS", "User", "Success"))))
                .isTrue();
    }

    @Test
    void powerBiFreeCarriesExchangeFoundationButNoMailbox() {
        assertThat(GraphLicences.includesExchange(List.of(
                        plan("EXCHANGE_S_FOUNDATION", "Company", "Success"), plan("BI_AZURE_P0", "User", "Success"))))
                .isFalse();
    }

    @Test
    void anArchiveAddOnOrADisabledPlanIsNoMailbox() {
        assertThat(GraphLicences.includesExchange(List.of(plan("EXCHANGE_S_ARCHIVE_ADDON", "User", "Success"))))
                .isFalse();
        assertThat(GraphLicences.includesExchange(List.of(plan("EXCHANGE_S_STANDARD", "User", "Disabled"))))
                .isFalse();
    }

    @Test
    void noPlansNoExchange() {
        assertThat(GraphLicences.includesExchange(null)).isFalse();
        assertThat(GraphLicences.includesExchange(List.of())).isFalse();
    }
}
