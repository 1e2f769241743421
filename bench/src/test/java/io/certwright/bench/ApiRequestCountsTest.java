package io.certwright.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiRequestCountsTest {
    private static final String BEFORE = """
            # HELP apiserver_request_total [STABLE] Counter of apiserver requests broken out for each verb...
            # TYPE apiserver_request_total counter
            apiserver_request_total{code="201",component="apiserver",dry_run="",group="cert-manager.io",resource="certificates",scope="resource",subresource="",verb="POST",version="v1"} 10
            apiserver_request_total{code="409",component="apiserver",dry_run="",group="cert-manager.io",resource="certificates",scope="resource",subresource="",verb="POST",version="v1"} 2
            apiserver_request_total{code="200",component="apiserver",dry_run="",group="cert-manager.io",resource="certificates",scope="resource",subresource="status",verb="PUT",version="v1"} 30
            apiserver_request_total_other{verb="GET"} 99
            """;
    private static final String AFTER = """
            apiserver_request_total{code="201",component="apiserver",dry_run="",group="cert-manager.io",resource="certificates",scope="resource",subresource="",verb="POST",version="v1"} 110
            apiserver_request_total{code="409",component="apiserver",dry_run="",group="cert-manager.io",resource="certificates",scope="resource",subresource="",verb="POST",version="v1"} 2
            apiserver_request_total{code="200",component="apiserver",dry_run="",group="cert-manager.io",resource="certificates",scope="resource",subresource="status",verb="PUT",version="v1"} 330
            apiserver_request_total{code="200",component="apiserver",dry_run="",group="",resource="secrets",scope="resource",subresource="",verb="GET",version="v1"} 5
            """;

    @Test
    void countsAreSummedOverResponseCodes() {
        ApiRequestCounts counts = ApiRequestCounts.parse(BEFORE);

        assertThat(counts.count("POST", "certificates")).isEqualTo(12);
        assertThat(counts.count("PUT", "certificates/status")).isEqualTo(30);
        assertThat(counts.total()).isEqualTo(42);
    }

    @Test
    void differenceCountsOnlyNewRequests() {
        ApiRequestCounts difference = ApiRequestCounts.parse(AFTER).since(ApiRequestCounts.parse(BEFORE));

        assertThat(difference.count("POST", "certificates")).isEqualTo(100);
        assertThat(difference.count("PUT", "certificates/status")).isEqualTo(300);
        assertThat(difference.count("GET", "secrets")).isEqualTo(5);
        assertThat(difference.total()).isEqualTo(405);
    }
}
