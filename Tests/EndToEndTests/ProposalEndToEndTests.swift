import Foundation
import Testing

/// The real binary judges what the user plans: a risky proposal gets a finding naming it (and fails CI with
/// --fail-on), every applicable decision shows its cost, and reasons resting on defaults read as assumptions.
@Suite struct ProposalEndToEndTests {
    static let answers = """
        version: 1
        service: partner-orders
        answers:
          service.kind: crud_api
          service.stage: new
          service.public_api: true
          api.consumers: [third_party, web_spa]
          team.size: small
          team.ops_capacity: none
          operations.platform: ecs
        proposed:
          architecture: microservices
        """

    func withAnswers(_ body: (String) throws -> Void) throws {
        let folder = try BinaryRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("answers.yaml").path
        try Self.answers.write(toFile: path, atomically: true, encoding: .utf8)
        try body(path)
    }

    @Test func aRiskyProposalIsNamedInEveryFormatAndFailsTheBuild() throws {
        try withAnswers { path in
            let text = try BinaryRunner.run(["review", "--answers", path])
            #expect(text.status == 0)
            let flat = text.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(flat.contains("YOUR PLAN"))
            #expect(flat.contains("you plan Microservices - recommended instead: Modular monolith"))
            #expect(flat.contains("Planned Microservices: microservices for a small team"))
            let json = try BinaryRunner.run(["review", "--answers", path, "--format", "json"])
            let document = try #require(
                try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            let proposals = try #require(document["proposals"] as? [[String: Any]])
            #expect(proposals.first?["verdict"] as? String == "differs")
            let findings = try #require(document["findings"] as? [[String: Any]])
            #expect(findings.contains { $0["id"] as? String == "proposal.architecture.microservices.when-not-1" })
            let decisions = try #require(document["decisions"] as? [[String: Any]])
            for decision in decisions where decision["status"] as? String == "chosen" {
                let chosen = try #require(decision["chosen"] as? [String: Any])
                let tradeoffs = try #require(chosen["tradeoffs"] as? [[String: Any]])
                #expect(!tradeoffs.isEmpty, "\(decision["id"] ?? "") has no trade-off")
            }
            let failing = try BinaryRunner.run(["review", "--answers", path, "--fail-on", "high"])
            #expect(failing.status == 1)
            #expect(failing.stderr.contains("proposal.architecture.microservices.when-not-1"))
        }
    }

    @Test func theCommandLineProposesAndRejectsUnknownOptions() throws {
        try withAnswers { path in
            let agrees = try BinaryRunner.run(
                ["review", "--answers", path, "--propose", "architecture=modular-monolith", "--format", "json"])
            #expect(agrees.stdout.contains("\"verdict\" : \"agrees\""))
            let bad = try BinaryRunner.run(["review", "--answers", path, "--propose", "architecture=microservice"])
            #expect(bad.status == 2)
            #expect(bad.stderr.contains("did you mean 'microservices'?"))
        }
    }

    @Test func noPlusReasonRestsOnlyOnDefaults() throws {
        try withAnswers { path in
            // Every reason with its answers is in the full detail.
            let text = try BinaryRunner.run(["review", "--answers", path, "--detail", "full"])
            // Join each "+" reason with its continuation lines; its answers (in brackets) must not all be defaults.
            var reasons: [String] = []
            for line in text.stdout.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("    + ") {
                    reasons.append(String(line.dropFirst(6)))
                } else if line.hasPrefix("      "), !reasons.isEmpty {
                    reasons[reasons.count - 1] += " " + line.trimmingCharacters(in: .whitespaces)
                } else if !reasons.isEmpty, !reasons[reasons.count - 1].hasSuffix("\u{0}") {
                    reasons[reasons.count - 1] += "\u{0}"
                }
            }
            #expect(!reasons.isEmpty)
            for reason in reasons {
                guard let open = reason.lastIndex(of: "["), let close = reason.lastIndex(of: "]") else { continue }
                let facts = reason[reason.index(after: open)..<close].components(separatedBy: ", ")
                #expect(!facts.allSatisfy { $0.hasSuffix("(default)") }, "a + reason rests only on defaults: \(reason)")
            }
            #expect(text.stdout.contains("~ assumes "))
            #expect(text.stdout.contains("ANSWER THESE TO FIRM UP THE REVIEW"))
        }
    }
}

/// A checklist priority says why it applies: the decision whose chosen option brought it in (not another decision its
/// condition also mentions), or the answers its condition read; never a bare "it applies to these answers".
@Suite struct PriorityReasonEndToEndTests {
    static func priorities(_ example: String) throws -> [[String: Any]] {
        let result = try BinaryRunner.run(["review", "--answers", "docs/examples/\(example).yaml", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        return try #require(document["priorities"] as? [[String: Any]])
    }

    @Test func aChecklistPriorityNamesTheChoiceThatBroughtItIn() throws {
        for example in ["money-ledger", "jwt-login-api", "high-traffic-public-api"] {
            for priority in try Self.priorities(example) {
                let why = priority["why"] as? String ?? ""
                #expect(!why.contains("because of the chosen No cache yet"), "\(example): \(why)")
                #expect(why != "It applies to these answers.", "\(example): \(priority["id"] ?? "")")
            }
        }
    }

    /// A pooler applies to PostgreSQL on serverless functions: the why names the chosen database and the answer.
    @Test func aChecklistPriorityNamesBothTheChoiceAndTheAnswersThatBroughtItIn() throws {
        let answers = """
            version: 1
            answers:
              service.stage: new
              service.kind: crud_api
              service.criticality: mission_critical
              service.domain: healthcare
              data.shape: relational
              data.multi_record_transactions: true
              security.user_auth: end_users
              security.stores_passwords: true
              security.compliance: [hipaa]
              operations.platform: serverless
            """
        let result = try BinaryRunner.run(["review", "--answers", "-", "--format", "json"], stdin: answers)
        #expect(result.status == 0, "\(result.stderr)")
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let priorities = try #require(document["priorities"] as? [[String: Any]])
        let pooler = priorities.first { $0["id"] as? String == "data.pooler-in-front" }
        #expect(
            (pooler?["why"] as? String)
                == "Applies because of the chosen PostgreSQL (Primary database) and your answers: "
                + "operations.platform = serverless.",
            "\(priorities.map { $0["id"] ?? "" })")
    }

    @Test func aChecklistPriorityNamesTheAnswersItsConditionRead() throws {
        let escape = try Self.priorities("tiny-internal-tool").first { $0["id"] as? String == "nbp.6-9-escape-output" }
        #expect(
            (escape?["why"] as? String) == "Applies because of your answers: api.consumers = [server_rendered].",
            "\(String(describing: escape))")
    }
}
