import KnowledgeModel
import RecommendationEngine
import StackwiseTestSupport
import Testing

@testable import TerminalUI

/// Replies by what was asked last, not by position: each key is text of a prompt (a question's prompt, or
/// "Plan: "), and the key that appears latest in the output gets its next reply. Tests stay true when the
/// interview order within a section changes.
final class PromptedLines: LineIO {
    var replies: [(prompt: String, lines: [String])]
    var output = ""

    init(_ replies: [(String, [String])]) { self.replies = replies.map { (prompt: $0.0, lines: $0.1) } }

    func readLine() -> String? {
        let latest = replies.indices.compactMap { index -> (Int, String.Index)? in
            output.range(of: replies[index].prompt, options: .backwards).map { (index, $0.lowerBound) }
        }.max { $0.1 < $1.1 }
        guard let (index, _) = latest, !replies[index].lines.isEmpty else { return nil }
        return replies[index].lines.removeFirst()
    }

    func write(_ text: String) { output += text }
}

@Suite struct PlainInterviewPromptTests {
    static let shape = "What does the data look like?"
    static let exists = "Is the service running today?"

    func run(
        _ replies: [(String, [String])], answers: AnswerSet = AnswerSet(), width: Int = 80, plans: Bool = false
    ) -> (AnswerSet, PlainInterview.Outcome, String) {
        var interview = PlainInterview(advisor: RecommendationEngine(knowledgeBase: TUIFixtures.kb)) { _ in nil }
        interview.width = width
        interview.offersSectionPlans = plans
        let io = PromptedLines(replies)
        let (result, outcome) = interview.run(answers, io: io)
        return (result, outcome, io.output)
    }

    @Test func theDefaultIsShownAndBareEnterTakesItAndEchoesIt() {
        let (answers, _, output) = run([(Self.shape, [""])])
        #expect(output.contains("  Default: Related records (press Enter to take it)\n"))
        #expect(output.contains("Choose 1-2, or not sure [Enter: Related records]: "))
        #expect(output.contains("  → Related records (default)\n"))
        #expect(answers.value(of: "data.shape") == .choice("relational"), "taken as the user's answer")
    }

    @Test func theAcceptedAnswerIsEchoedByItsLabel() {
        let (answers, _, output) = run([(Self.shape, ["2"])])
        #expect(output.contains("  → Documents\n"))
        #expect(answers.value(of: "data.shape") == .choice("documents"))
    }

    @Test func bareEnterWithoutADefaultIsReaskedWithTheReasonOnly() {
        let (answers, _, output) = run([
            (Self.shape, ["1"]), ("Do several records change together?", ["no"]), ("Peak requests", ["skip"]),
            (Self.exists, ["", "yes"]), ("What does it use?", ["quit"]),
        ])
        #expect(output.contains("Please answer, or type skip to leave it open.\nyes or no: "))
        #expect(output.components(separatedBy: Self.exists).count == 2, "the question is not printed again")
        #expect(answers.value(of: "current.exists") == .bool(true))
        #expect(output.contains("  → skipped; the review assumes 10 req/s\n"))
    }

    @Test func invalidInputRepeatsOnlyTheReasonAndThePromptLine() {
        let (answers, _, output) = run([(Self.shape, ["9", "mongo", "2"])])
        #expect(
            output.contains(
                "Invalid: 9 is not between 1 and 2. Try again.\nChoose 1-2, or not sure [Enter: Related records]: "))
        #expect(output.components(separatedBy: "1) Related records").count == 2, "the options are listed once")
        #expect(answers.value(of: "data.shape") == .choice("documents"))
    }

    @Test func whyWrapsAtTheWidthAndNamesQuestionsByTheirPrompts() {
        let (_, _, output) = run(
            [
                (Self.shape, ["1"]), ("Do several records change together?", ["no"]), ("Peak requests", ["10"]),
                // Section and prompt: the header only (`why` quotes follow-up prompts).
                ("What runs today: " + Self.exists, ["why", "yes"]),
                ("What runs today: What does it use?", ["why", "quit"]),
            ], width: 30)
        #expect(output.contains("Follow-ups it opens:\n  - What does it use?\n"), "\(output)")
        #expect(
            output.contains("Asked because of your answer\n  to: \"Is the service running\n  today?\" (yes)"),
            "\(output)")
        #expect(!output.contains("current.stack") && !output.contains("current.exists"), "no raw ids")
        let lines = output.components(separatedBy: "\n")
        for start in lines.indices where lines[start].hasPrefix("Why:") {
            let block = lines[start...].prefix { !$0.hasPrefix("[") && !$0.isEmpty && !$0.hasSuffix(": ") }
            #expect(block.count > 2 && block.allSatisfy { $0.count <= 30 }, "\(block)")
        }
    }

    @Test func afterAnAnswerItSaysHowManyDecisionsStillRestOnDefaults() {
        let (_, _, output) = run([(Self.shape, ["not sure"]), ("Do several records change together?", ["quit"])])
        #expect(
            output.contains(
                "  → not sure\n  1 decision still rests on defaults; 2 open questions could change the review.\n"),
            "\(output)")
    }

    @Test func onceNothingImportantIsOpenItSaysSoOnceAndReviewShowsTheRecommendations() {
        let (_, outcome, output) = run([
            (Self.shape, ["1"]), ("Do several records change together?", ["no"]), ("Peak requests", ["100"]),
            (Self.exists, ["review"]),
        ])
        #expect(output.contains("  → Related records\n  1 open question could change the review.\n"), "\(output)")
        #expect(
            output.contains(
                "Nothing important is left open: type review (or done) for the recommendations, or keep answering."))
        #expect(output.components(separatedBy: "Nothing important is left open").count == 2, "said once")
        #expect(output.hasSuffix("Recommendations so far:\n  Database: PostgreSQL\n"))
        #expect(outcome == .finished)
    }

    @Test func theEndOfASectionOffersAPlanStepThatEnterSkips() {
        let (answers, _, output) = run(
            [
                (Self.shape, ["1"]), ("Do several records change together?", ["no"]), ("Peak requests", ["10"]),
                ("Plan: ", ["plan databse=x", "database=mongodb", ""]), (Self.exists, ["quit"]),
            ], plans: true)
        #expect(
            output.contains(
                "Any plans for the decisions of this section? (plan DECISION=OPTION, Enter to skip)\n"
                    + "  database: postgresql, mongodb; recommended: PostgreSQL\nPlan: "), "\(output)")
        #expect(output.contains("Invalid: unknown decision 'databse'; did you mean 'database'?\n"))
        #expect(output.contains("Your plan MongoDB differs: the review recommends PostgreSQL."))
        #expect(answers.proposed["database"] == ["mongodb"])
        #expect(output.contains(Self.exists), "Enter went on to the next section")
    }

    @Test func withoutThePlanStepScriptedInputIsNeverReadAsAPlan() {
        let (_, _, output) = run([
            (Self.shape, ["1"]), ("Do several records change together?", ["no"]), ("Peak requests", ["10"]),
            (Self.exists, ["quit"]),
        ])
        #expect(!output.contains("Any plans"))
    }
}
