package io.certwright.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Chain ordering and CA selection for the issuer Secret layouts a CA issuer can have. */
class ChainsTest {

    private static X509Certificate root;
    private static X509Certificate int1;
    private static X509Certificate int2;
    private static X509Certificate leafOfInt2;
    private static X509Certificate leafOfInt1;
    private static X509Certificate leafOfRoot;

    @BeforeAll
    static void mintHierarchy() throws PkiException {
        TestPki.Issued rootCa = TestPki.selfSignedCa("Root", TestPki.ecKey(0));
        TestPki.Issued int1Ca = TestPki.intermediate("Int1", TestPki.ecKey(1), rootCa);
        TestPki.Issued int2Ca = TestPki.intermediate("Int2", TestPki.ecKey(2), int1Ca);
        root = rootCa.certificate();
        int1 = int1Ca.certificate();
        int2 = int2Ca.certificate();
        leafOfInt2 = TestPki.leaf("leaf.example.com", TestPki.ecKey(3), int2Ca).certificate();
        leafOfInt1 = TestPki.leaf("leaf.example.com", TestPki.ecKey(3), int1Ca).certificate();
        leafOfRoot = TestPki.leaf("leaf.example.com", TestPki.ecKey(3), rootCa).certificate();
    }

    @Test
    void fullIssuerChainDropsRootIntoCa() {
        Chains.Bundle bundle = Chains.bundle(leafOfInt2, List.of(int2, int1, root), List.of());

        assertThat(bundle.chain()).containsExactly(leafOfInt2, int2, int1);
        assertThat(bundle.ca()).isEqualTo(root);
    }

    @Test
    void rootFromIssuerCaFileBecomesCa() {
        Chains.Bundle bundle = Chains.bundle(leafOfInt1, List.of(int1), List.of(root));

        assertThat(bundle.chain()).containsExactly(leafOfInt1, int1);
        assertThat(bundle.ca()).isEqualTo(root);
    }

    @Test
    void withoutRootTopIntermediateIsCa() {
        Chains.Bundle bundle = Chains.bundle(leafOfInt1, List.of(int1), List.of());

        assertThat(bundle.chain()).containsExactly(leafOfInt1, int1);
        assertThat(bundle.ca()).isEqualTo(int1);
    }

    @Test
    void rootSigningDirectlyLeavesOnlyLeaf() {
        Chains.Bundle bundle = Chains.bundle(leafOfRoot, List.of(root), List.of());

        assertThat(bundle.chain()).containsExactly(leafOfRoot);
        assertThat(bundle.ca()).isEqualTo(root);
    }

    @Test
    void mixedOrderAndDuplicatesAreRebuilt() {
        Chains.Bundle bundle = Chains.bundle(leafOfInt2, List.of(int2, root, int1, int1), List.of(root));

        assertThat(bundle.chain()).containsExactly(leafOfInt2, int2, int1);
        assertThat(bundle.ca()).isEqualTo(root);
    }

    @Test
    void selfSignedLeafIsItsOwnCa() throws PkiException {
        X509Certificate selfSigned = TestPki.selfSignedCa("self", TestPki.ecKey(4)).certificate();

        Chains.Bundle bundle = Chains.bundle(selfSigned, List.of(), List.of());

        assertThat(bundle.chain()).containsExactly(selfSigned);
        assertThat(bundle.ca()).isEqualTo(selfSigned);
    }

    @Test
    void unrelatedCasAreIgnored() throws PkiException {
        X509Certificate otherRoot = TestPki.selfSignedCa("Other Root", TestPki.ecKey(5)).certificate();

        Chains.Bundle bundle = Chains.bundle(leafOfInt1, List.of(int1), List.of(otherRoot, root));

        assertThat(bundle.chain()).containsExactly(leafOfInt1, int1);
        assertThat(bundle.ca()).isEqualTo(root);
    }

    @Test
    void sameNameDifferentKeyIsNotAParent() throws PkiException {
        // A second "Int1" with another key must not be taken as the issuer of leafOfInt1.
        TestPki.Issued rootCa = new TestPki.Issued(root, TestPki.ecKey(0));
        X509Certificate impostor = TestPki.intermediate("Int1", TestPki.ecKey(6), rootCa).certificate();

        Chains.Bundle bundle = Chains.bundle(leafOfInt1, List.of(impostor, int1, root), List.of());

        assertThat(bundle.chain()).containsExactly(leafOfInt1, int1);
    }

    @Test
    void bundleSignedByMatchesBundle() {
        List<List<X509Certificate>> cases = List.of(
                List.of(leafOfInt2, int2, int1, root),
                List.of(leafOfInt1, int1, root),
                List.of(leafOfRoot, root));
        for (List<X509Certificate> hierarchy : cases) {
            X509Certificate leaf = hierarchy.get(0);
            List<X509Certificate> issuerChain = hierarchy.subList(1, hierarchy.size());

            Chains.Bundle signedBy = Chains.bundleSignedBy(leaf, issuerChain.get(0), issuerChain, List.of(root));
            Chains.Bundle bundle = Chains.bundle(leaf, issuerChain, List.of(root));

            assertThat(signedBy.chain()).as("chain of %s", leaf.getIssuerX500Principal()).isEqualTo(bundle.chain());
            assertThat(signedBy.ca()).as("CA of %s", leaf.getIssuerX500Principal()).isEqualTo(bundle.ca());
        }
    }

    @Test
    void bundleSignedByTakesSignerAsFirstLink() throws PkiException {
        // Issued by another "Int1" with its own key: bundle() finds no parent, bundleSignedBy trusts its caller.
        TestPki.Issued impostorCa = TestPki.intermediate("Int1", TestPki.ecKey(6),
                new TestPki.Issued(root, TestPki.ecKey(0)));
        X509Certificate leaf = TestPki.leaf("leaf.example.com", TestPki.ecKey(3), impostorCa).certificate();

        assertThat(Chains.bundle(leaf, List.of(int1, root), List.of()).chain()).containsExactly(leaf);
        assertThat(Chains.bundleSignedBy(leaf, int1, List.of(int1, root), List.of()).chain())
                .containsExactly(leaf, int1);
    }

    @Test
    void bundleSignedByChecksSelfSignedLeaf() throws PkiException {
        X509Certificate selfSigned = TestPki.selfSignedCa("self", TestPki.ecKey(4)).certificate();

        Chains.Bundle bundle = Chains.bundleSignedBy(selfSigned, root, List.of(root), List.of());

        assertThat(bundle.chain()).containsExactly(selfSigned);
        assertThat(bundle.ca()).isEqualTo(selfSigned);
    }

    @Test
    void parseSingleChainOrdersUnorderedBundle() throws PkiException {
        Chains.Bundle bundle = Chains.parseSingleChain(List.of(int1, root, leafOfInt2, int2));

        assertThat(bundle.chain()).containsExactly(leafOfInt2, int2, int1);
        assertThat(bundle.ca()).isEqualTo(root);
    }

    @Test
    void parseSingleChainKeepsChainWithoutRoot() throws PkiException {
        Chains.Bundle bundle = Chains.parseSingleChain(List.of(int1, leafOfInt2, int2));

        assertThat(bundle.chain()).containsExactly(leafOfInt2, int2, int1);
        assertThat(bundle.ca()).isEqualTo(int1);
    }

    @Test
    void parseSingleChainRejectsTwoLeaves() {
        assertThatThrownBy(() -> Chains.parseSingleChain(List.of(leafOfInt1, leafOfRoot, int1, root)))
                .isInstanceOf(PkiException.class)
                .hasMessageContaining("does not form a single chain");
    }

    @Test
    void parseSingleChainRejectsGap() {
        assertThatThrownBy(() -> Chains.parseSingleChain(List.of(leafOfInt2, root)))
                .isInstanceOf(PkiException.class)
                .hasMessageContaining("does not form a single chain");
    }

    @Test
    void parseSingleChainRejectsEmptyInput() {
        assertThatThrownBy(() -> Chains.parseSingleChain(List.of()))
                .isInstanceOf(PkiException.class)
                .hasMessageContaining("empty");
    }
}
