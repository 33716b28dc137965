import EmbeddedKnowledgeBase
import KnowledgeModel
import StackwiseTestSupport
import Testing

@Suite struct ClaimSourceLintTests {
    @Test func findsNumbersWithUnitsDatesYearsAndVersions() {
        #expect(
            ClaimFinder.claims(in: "Set the timeout to 30 s and pool max to 100 connections.")
                == ["30 s", "100 connections"])
        #expect(
            ClaimFinder.claims(in: "Fastify served 46,850 req/s (run of 2026-10-28).") == [
                "46,850 req/s", "2026-10-28",
            ])
        #expect(
            ClaimFinder.claims(in: "Node 26 becomes LTS in October 2026; 512MB, 15% and 3x.")
                == ["Node 26", "2026", "512MB", "15%", "3x"])
        #expect(ClaimFinder.claims(in: "See RFC 6749.") == ["RFC 6749"])
    }

    @Test func ignoresStatusCodesCountsAndPlainNumbers() {
        #expect(
            ClaimFinder.claims(in: "Return HTTP 429 and retry on SQLSTATE 40001; 502s mean the proxy closed.").isEmpty)
        #expect(ClaimFinder.claims(in: "Pick 2 or 3 of these; the Top 10 list; step 4.").isEmpty)
        #expect(ClaimFinder.claims(in: "HIPAA, PCI DSS and SOC 2 all expect audit trails.").isEmpty)
    }

    @Test func numericClaimWithoutASectionSourceIsAWarningThatListsTheClaims() {
        let diagnostics = lintOverlay(
            """
            checklist:
              - { id: org.pool, text: "Cap the pool at 10 connections per instance.", category: data, priority: low, sources: [prisma-docs] }
            """)
        expectDiagnostic(
            diagnostics,
            "checklist item 'org.pool' states '10 connections' but cites no source with a section",
            at: "overlay/test.yaml:2:5", severity: .warning)
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
    }

    @Test func citingASectionSourceSatisfiesTheCheck() {
        let diagnostics = lintOverlay(
            """
            sources:
              - id: prisma-docs.pool
                title: "Prisma: connection pool"
                publisher: Prisma
                url: "https://www.prisma.io/docs#pool"
                verified: 2026-12-04
                section: Connection pool
                partOf: prisma-docs
            checklist:
              - { id: org.pool, text: "Cap the pool at 10 connections per instance.", category: data, priority: low, sources: [prisma-docs.pool] }
            """)
        #expect(!diagnostics.contains { $0.description.contains("no source with a section") }, "\(diagnostics)")
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics)")
    }

    @Test func partOfNamesAKnownWholeDocumentWithDidYouMean() {
        let diagnostics = lintOverlay(
            """
            sources:
              - { id: org.pool, title: T, publisher: P, url: "https://e.org/#a", verified: 2026-12-04, section: Pool, partOf: prisma-doc }
              - { id: org.nested, title: T, publisher: P, url: "https://e.org/#b", verified: 2026-12-04, section: B, partOf: org.pool }
              - { id: org.lonely, title: T, publisher: P, url: "https://e.org/#c", verified: 2026-12-04, partOf: prisma-docs }
              - { id: org.empty, title: T, publisher: P, url: "https://e.org/#d", verified: 2026-12-04, section: "" }
            """)
        expectDiagnostic(
            diagnostics, "source 'org.pool' is partOf unknown source 'prisma-doc'; did you mean 'prisma-docs'?",
            at: "overlay/test.yaml:2:5")
        expectDiagnostic(diagnostics, "which is itself a section", at: "overlay/test.yaml:3:5")
        expectDiagnostic(diagnostics, "add 'section'", at: "overlay/test.yaml:4:102")
        expectDiagnostic(diagnostics, "'section' must not be empty", at: "overlay/test.yaml:5:102")
    }

    /// Every numeric or dated claim in the shipped knowledge base cites a section source, and it stays that way.
    @Test func everyShippedClaimCitesASection() {
        let base = KnowledgeBaseLayer(wholeOf: StackwiseKnowledge.embedded, name: "KnowledgeBase")
        let unsourced = KnowledgeBaseBuilder.build(layers: [base]).1.filter {
            $0.isUnsourcedClaim
        }
        #expect(unsourced.isEmpty, "\(unsourced.count) claims without a section source")
    }
}
