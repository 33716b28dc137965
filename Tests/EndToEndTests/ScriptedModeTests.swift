import Foundation
import Testing

/// The "Done when": template -> filled answers -> review (text, markdown, json) -> export -> hand edit ->
/// changed answer -> export -> the edit survived, the records link both ways, a third export is a no-op.
@Suite struct ScriptedModeTests {
    @Test func templateReviewExportEditSupersedeAndNoOp() throws {
        let workspace = try ScriptedWorkspace()
        defer { workspace.remove() }

        let template = try workspace.run(["answers", "template"])
        #expect(template.status == 0, "\(template.stderr)")
        #expect(template.stdout.contains("\n  e2e.pick:\n"))
        #expect(template.stdout.contains("#   alpha  Alpha"))
        let filled = template.stdout
            .replacingOccurrences(of: "\n  e2e.pick:\n", with: "\n  e2e.pick: alpha\n")
            .replacingOccurrences(of: "\nservice:\n", with: "\nservice: \"Billing <b>API</b>\"\n")
        let answers = try workspace.write("answers.yaml", filled)

        let text = try workspace.run(["review", "--answers", answers])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("E2E store: Alpha DB"))
        #expect(text.stdout.contains("+ The answers ask for alpha"), "the decisive reason")
        #expect(!text.stdout.contains("\u{1B}["), "no colour when not a terminal")
        for line in text.stdout.split(separator: "\n") { #expect(line.count <= 80, "\(line)") }

        let markdown = try workspace.run(["review", "--answers", answers, "--format", "markdown"])
        #expect(markdown.status == 0)
        #expect(markdown.stdout.contains("| E2E store | Alpha DB |"))
        #expect(markdown.stdout.contains("Billing &lt;b&gt;API&lt;/b&gt;"))
        #expect(!markdown.stdout.contains("<b>"))

        let json = try workspace.run(["review", "--answers", answers, "--format", "json"])
        #expect(json.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(document["schemaVersion"] as? Int == 2)
        let decisions = try #require(document["decisions"] as? [[String: Any]])
        let store = try #require(decisions.first { $0["id"] as? String == "e2e_store" })
        #expect((store["chosen"] as? [String: Any])?["id"] as? String == "alpha_db")

        let first = try workspace.run(["export", "--answers", answers, "--date", "2025-01-02"])
        #expect(first.status == 0, "\(first.stderr)")
        let records = try workspace.snapshot("docs/decisions")
        #expect(records["index.md"] != nil && records["design-review.md"] != nil)
        let alphaName = try #require(records.keys.first { $0.hasSuffix("-e2e-store-alpha-db.md") })
        let alphaNumber = String(alphaName.prefix(4))
        let alpha = try workspace.read("docs/decisions/\(alphaName)")
        for heading in [
            "## Context and Problem Statement", "## Decision Drivers", "## Considered Options", "## Decision Outcome",
            "### Consequences", "### Confirmation", "## Pros and Cons of the Options", "## More Information",
        ] {
            #expect(alpha.contains("\n\(heading)\n"), "\(heading)")
        }
        #expect(alpha.hasPrefix("---\nstatus: proposed\ndate: 2025-01-02\ndecision-makers: []\n"))
        #expect(alpha.contains("Chosen option: \"Alpha DB\", because the answers ask for alpha."))

        // A person edits the record, then the answer changes.
        let edited = alpha.replacingOccurrences(
            of: "## Decision Drivers", with: "Reviewed with the platform team on Monday.\n\n## Decision Drivers")
        try edited.write(
            to: workspace.root.appendingPathComponent("docs/decisions/\(alphaName)"), atomically: true, encoding: .utf8)
        try workspace.write("answers.yaml", filled.replacingOccurrences(of: "e2e.pick: alpha", with: "e2e.pick: beta"))

        let dryRun = try workspace.run(["export", "--answers", answers, "--dry-run", "--date", "2025-02-03"])
        #expect(dryRun.status == 0)
        #expect(dryRun.stdout.contains("would be superseded   docs/decisions/\(alphaName)"))
        #expect(try workspace.read("docs/decisions/\(alphaName)") == edited, "a dry run writes nothing")

        let second = try workspace.run(["export", "--answers", answers, "--date", "2025-02-03"])
        #expect(second.status == 0, "\(second.stderr)")
        let after = try workspace.snapshot("docs/decisions")
        let betaName = try #require(after.keys.first { $0.hasSuffix("-e2e-store-beta-db.md") })
        let old = try workspace.read("docs/decisions/\(alphaName)")
        let new = try workspace.read("docs/decisions/\(betaName)")
        #expect(old.contains("Reviewed with the platform team on Monday."), "the hand edit survived")
        #expect(old.contains("status: \"superseded by ADR-\(betaName.prefix(4))\""))
        #expect(old.contains("Superseded by [ADR-\(betaName.prefix(4)): E2E store: Beta DB](\(betaName))."))
        #expect(new.contains("Supersedes [ADR-\(alphaNumber): E2E store: Alpha DB](\(alphaName))."))
        #expect(Int(betaName.prefix(4))! > Int(alphaNumber)!)
        let index = try workspace.read("docs/decisions/index.md")
        #expect(index.contains("~~E2E store: Alpha DB~~"))

        let third = try workspace.run(["export", "--answers", answers, "--date", "2025-03-04"])
        #expect(third.status == 0)
        #expect(third.stdout.contains("0 files written"))
        #expect(try workspace.snapshot("docs/decisions") == after, "a third identical export changes no byte")
    }

    @Test func failOnStrictSetAndStdin() throws {
        let workspace = try ScriptedWorkspace()
        defer { workspace.remove() }
        let answers = try workspace.write("a.yaml", "answers:\n  e2e.pick: beta\n")

        let failing = try workspace.run(["review", "--answers", answers, "--fail-on", "high"])
        #expect(failing.status == 1)
        #expect(failing.stderr.contains("e2e-no-backups"))
        #expect(
            try workspace.run(["review", "--answers", answers, "--fail-on", "high", "--set", "e2e.pick=alpha"])
                .status == 0)

        let accepted = try workspace.write(
            "b.yaml",
            "answers:\n  e2e.pick: beta\nacceptedRisks:\n  - { finding: e2e-no-backups, reason: test data only }\n")
        let passing = try workspace.run(["review", "--answers", accepted, "--fail-on", "low"])
        #expect(passing.status == 0, "\(passing.stderr)")
        #expect(passing.stdout.contains("No backups (e2e-no-backups): test data only"))
        let full = try workspace.run(["review", "--answers", accepted, "--detail", "full"])
        #expect(full.stdout.contains("accepted risk: test data only"))

        let piped = try workspace.run(
            ["review", "--answers", "-", "--format", "json"], stdin: "answers:\n  e2e.pick: beta\n")
        #expect(piped.status == 0)
        #expect(piped.stdout.contains("\"beta_db\""))

        let questions = try BinaryRunner.run(["questions", "--format", "json"])
        let array = try #require(
            try JSONSerialization.jsonObject(with: Data(questions.stdout.utf8)) as? [[String: Any]])
        if array.contains(where: { $0["required"] as? Bool == true }) {
            let strict = try workspace.run(["review", "--strict"])
            expectCleanFailure(strict, status: 2, mentioning: "has no answer (--strict)")
        }
    }

    @Test func colourOnlyOnATerminalAndNeverUnderNoColor() throws {
        let workspace = try ScriptedWorkspace()
        defer { workspace.remove() }
        let plain = try workspace.run(["review", "--set", "e2e.pick=beta"], environment: ["NO_COLOR": "1"])
        #expect(!plain.stdout.contains("\u{1B}"))
    }

    @Test func questionsAndSchema() throws {
        let questions = try BinaryRunner.run(["questions", "--format", "json"])
        #expect(questions.status == 0)
        let array = try #require(
            try JSONSerialization.jsonObject(with: Data(questions.stdout.utf8)) as? [[String: Any]])
        #expect(!array.isEmpty)
        let text = try BinaryRunner.run(["questions"])
        for object in array { #expect(text.stdout.contains(object["id"] as? String ?? "?")) }
        let schema = try BinaryRunner.run(["schema", "answers"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(schema.stdout.utf8)) as? [String: Any])
        let properties = try #require(object["properties"] as? [String: Any])
        let answers = try #require((properties["answers"] as? [String: Any])?["properties"] as? [String: Any])
        #expect(Set(answers.keys) == Set(array.compactMap { $0["id"] as? String }))
    }
}
