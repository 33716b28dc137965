import KnowledgeModel
import Testing

/// Compact views name options without their parenthesised details.
@Suite struct OptionNameTests {
    @Test(arguments: [
        ("Managed containers (AWS ECS on Fargate, Google Cloud Run)", "Managed containers"),
        ("PostgreSQL", "PostgreSQL"),
        ("(unnamed) option", "(unnamed) option"),
        ("Zod 4 (schemas) (v4)", "Zod 4"),
        ("Fonctions sans serveur (Lambda) é", "Fonctions sans serveur"),
    ])
    func theNameUpToItsDetails(name: String, short: String) {
        #expect(OptionName.short(name) == short)
    }
}
