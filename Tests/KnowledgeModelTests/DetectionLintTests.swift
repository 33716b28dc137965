import KnowledgeModel
import StackwiseTestSupport
import Testing

/// The `detection:` section of the knowledge base is linted like the rest and extensible by overlays.
@Suite struct DetectionLintTests {
    @Test func unknownKeysCategoriesAndTechnologies() {
        let diagnostics = lintOverlay(
            """
            detection:
              technologies:
                - { id: acme-orm, title: Acme ORM, category: dataAcess, caveat: [x] }
              packages:
                - { package: "@acme/orm", detects: [acme-ormm], adapt: express }
                - { package: "Bad Name", detects: [acme-orm] }
            """)
        expectDiagnostic(diagnostics, "'category' must be one of", at: "overlay/test.yaml:3:50")
        expectDiagnostic(diagnostics, "did you mean 'dataAccess'?")
        expectDiagnostic(diagnostics, "unknown key 'caveat' in a technology; did you mean 'caveats'?")
        expectDiagnostic(diagnostics, "unknown key 'adapt' in a package mapping; did you mean 'adapts'?")
        expectDiagnostic(diagnostics, "'Bad Name' is not an npm package name")
    }

    /// Lints the fixture base with a detection layer and then `overlay` on top.
    func lintOverDetectionBase(_ overlay: String) -> [Diagnostic] {
        let base = """
            detection:
              technologies:
                - { id: express, title: Express, category: framework }
                - { id: fastify, title: Fastify, category: framework }
              packages:
                - { package: express, detects: [express] }
            """
        let loader = KnowledgeBaseLoader()
        let (baseLayer, baseDiagnostics) = loader.loadLayer(name: "detection", files: [("detection/base.yaml", base)])
        let (layer, diagnostics) = loader.loadLayer(name: "overlay", files: [("overlay/test.yaml", overlay)])
        return KnowledgeBaseBuilder.build(
            layers: [fixtureBase, baseLayer, layer], loadDiagnostics: baseDiagnostics + diagnostics
        ).1
    }

    @Test func duplicatePackagesAndOverrides() {
        let duplicate = lintOverDetectionBase(
            """
            detection:
              packages:
                - { package: express, detects: [fastify] }
            """)
        expectDiagnostic(duplicate, "duplicate package mapping id 'express'")
        expectDiagnostic(duplicate, "add 'override: true' to replace it on purpose")
        let replaced = lintOverDetectionBase(
            """
            detection:
              technologies:
                - { id: acme-orm, title: Acme ORM, category: dataAccess }
              packages:
                - { package: "@acme/orm", detects: [acme-orm] }
                - { package: express, detects: [express], caveats: [Pinned by the platform team.], override: true }
            """)
        #expect(!replaced.hasErrors, "\(replaced)")
    }

    @Test func danglingTechnologyReferencesAndBadAnswerMappings() {
        let diagnostics = lintOverlay(
            """
            detection:
              technologies:
                - id: acme-db
                  title: Acme DB
                  category: databases
                  answers:
                    - { question: data.shape, option: relatoinal }
                    - { question: data.typescript, option: big }
                    - { question: data.shape, option: relational, versions: "=>5" }
                    - { question: data.shap, option: relational }
              packages:
                - { package: acme-db, detects: [acme-dbb] }
            """)
        expectDiagnostic(diagnostics, "question 'data.shape' has no option 'relatoinal'; did you mean 'relational'?")
        expectDiagnostic(diagnostics, "detections can only answer single or multiple choice questions")
        expectDiagnostic(diagnostics, "'versions' must be a range of major versions")
        expectDiagnostic(
            diagnostics, "technology 'acme-db' answers unknown question 'data.shap'; did you mean 'data.shape'?")
        expectDiagnostic(diagnostics, "package 'acme-db' names unknown technology 'acme-dbb'; did you mean 'acme-db'?")
    }

    @Test func versionRanges() {
        #expect(MajorVersionRange(parsing: "<5")?.contains(4) == true)
        #expect(MajorVersionRange(parsing: "<5")?.contains(5) == false)
        #expect(MajorVersionRange(parsing: ">=5")?.contains(5) == true)
        #expect(MajorVersionRange(parsing: "4")?.contains(4) == true)
        #expect(MajorVersionRange(parsing: "4")?.contains(5) == false)
        #expect(MajorVersionRange(parsing: ">=4 <6")?.contains(5) == true)
        #expect(MajorVersionRange(parsing: ">=6 <4") == nil)
        #expect(MajorVersionRange(parsing: "five") == nil)
    }
}
