package io.certwright.acme.orders;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChallengeKeysTest {

    @Test
    void http01KeyIsKeyAuthorization() {
        assertThat(ChallengeKeys.forType("HTTP-01", "token.thumbprint")).isEqualTo("token.thumbprint");
    }

    @Test
    void dns01KeyIsUnpaddedBase64UrlSha256() {
        // Expected value computed outside Java: base64.urlsafe_b64encode(hashlib.sha256(ka).digest()) in
        // Python, with the padding stripped.
        String keyAuthorization = "evaGxfADs6pSRb2LAv9IZf17Dt3juxGJ-PCt92wr-oA.nP1qzpXGymHBrUEepNY9HCsQk7K8KhOypzEt62jcerQ";

        assertThat(ChallengeKeys.forType("DNS-01", keyAuthorization))
                .isEqualTo("NGwKoXBgCT8JhEa0bK7AwfSqHyu_ZWeugV07fLGIVq0");
    }
}
