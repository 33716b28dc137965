import Foundation
import Testing

/// Every reason a review shows has its interpolations filled in: a rule whose reason reads an answer
/// (`A job of {operations.longest_job_minutes} ...`) and that only includes checklist items showed its raw braces as a
/// priority's why.
@Suite struct RenderedReasonTests {
    /// `{` followed by a question id (`{operations.longest_job_minutes`), which no rendered text contains.
    static func rawInterpolations(in text: String) -> [String] {
        let pattern = #/\{[a-z_]+\.[a-z_]+/#
        return text.matches(of: pattern).map { String(text[$0.range]) }
    }

    static let longJobs = """
        version: 1
        answers:
          service.stage: new
          service.kind: event_processor
          service.criticality: internal_tool
          service.public_api: false
          data.shape: relational
          security.user_auth: none
          team.size: solo
          operations.platform: serverless
          operations.scheduled_jobs: true
          operations.longest_job_minutes: 90
        """

    @Test(arguments: ["text", "markdown", "json"])
    func aReasonWithInterpolationsIsShownFilledIn(format: String) throws {
        let result = try BinaryRunner.run(
            ["review", "--answers", "-", "--format", format, "--detail", "full"], stdin: Self.longJobs)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.rawInterpolations(in: result.stdout).isEmpty, "\(Self.rawInterpolations(in: result.stdout))")
        // Text wraps at 80 columns: compare with runs of white space as one space.
        let flowing = result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flowing.contains("A job of 90 minutes outlives a function invocation"))
        // The "chosen although" tension names the option without its parenthesised details.
        #expect(flowing.contains("Serverless functions chosen although AWS Lambda ends an invocation"))
    }

    @Test(arguments: [
        "express-slow-under-load", "high-traffic-public-api", "job-heavy-saas", "jwt-login-api", "money-ledger",
        "realtime-chat", "tiny-internal-tool",
    ])
    func noExampleShowsARawInterpolation(example: String) throws {
        let result = try BinaryRunner.run(
            ["review", "--answers", "docs/examples/\(example).yaml", "--format", "json", "--detail", "full"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.rawInterpolations(in: result.stdout).isEmpty, "\(Self.rawInterpolations(in: result.stdout))")
    }
}
