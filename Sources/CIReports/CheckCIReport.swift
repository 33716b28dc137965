import DriftCheck
import KnowledgeModel

extension CIReport {
    /// A check's results for CI: one rule per kind (drift, stale, unrecorded), results at the evidence line or the
    /// declaration that went stale.
    public init(check outcome: CheckOutcome, service: String?, toolVersion: String, failOn: Severity? = nil) {
        let findings = outcome.results.map { result in
            CIFinding(
                ruleID: "stackwise/\(result.kind.rawValue)", severity: result.severity, message: result.message,
                position: result.position,
                related: (result.contradicts.map { [$0.position] } ?? []) + result.related,
                fingerprint: result.fingerprint, acceptedReason: result.accepted?.reason)
        }
        self.init(
            command: "check", toolVersion: toolVersion, service: service, rules: Self.checkRules, findings: findings,
            notices: outcome.expiredAcceptances.map(Self.expiredNotice), failOn: failOn)
    }

    /// The rules of `stackwise check`.
    public static let checkRules: [CIRule] = [
        CIRule(
            id: "stackwise/drift", name: "DecisionDrift",
            shortDescription: "The code uses something a recorded decision or the declared answers rule out",
            fullDescription:
                "A dependency or configuration settles an architecture decision differently from the accepted "
                + "decision record, or uses something the answers file's current-stack answer does not name.",
            helpText:
                "Either remove the dependency, or record the new decision: supersede the record (stackwise export) "
                + "or update the answers file. To accept it for a while, add an acceptedRisks entry with "
                + "finding: drift, a scope, an owner and an expiry date.",
            helpMarkdown:
                "The code settles a decision differently from what was recorded.\n\n"
                + "- Remove the dependency, **or**\n- record the new decision (supersede the record with "
                + "`stackwise export`, or update the answers file), **or**\n- accept it for a while: an "
                + "`acceptedRisks` entry with `finding: drift`, `scope`, `owner` and `expires`.",
            tags: ["stackwise", "architecture", "drift"], severity: .high),
        CIRule(
            id: "stackwise/stale", name: "StaleDecision",
            shortDescription: "A recorded decision or declared answer the code no longer supports",
            fullDescription:
                "An accepted record or a current-stack answer names a technology the scan can recognise, but the "
                + "code no longer uses it.",
            helpText: "Update the answers file or supersede the record so the declared design matches the code.",
            helpMarkdown:
                "The declared design names something the code no longer uses. Update the answers file, or "
                + "supersede the decision record (`stackwise export`).",
            tags: ["stackwise", "architecture", "stale"], severity: .medium),
        CIRule(
            id: "stackwise/unrecorded", name: "UnrecordedDecision",
            shortDescription: "A significant choice in the code with no decision record or answer",
            fullDescription:
                "The code uses a technology that settles an architecture decision (database, framework, logging, "
                + "jobs...), and neither an accepted record nor the answers file declares it.",
            helpText: "Record the decision: answer the current-stack question, or export and accept a record.",
            helpMarkdown:
                "Record the decision: answer the current-stack question in the answers file, or export a record "
                + "with `stackwise export` and accept it.",
            tags: ["stackwise", "architecture", "unrecorded"], severity: .low),
    ]
}
