import AnswersFile
import EmbeddedKnowledgeBase
import Foundation
import KnowledgeModel
import RecommendationEngine
import ReviewRendering
import Testing

/// The review a senior would hand over (issue 13): for the two shipped examples and five answers files of varied
/// services, the default text review is short, starts with its priorities and keeps the full detail on demand.
@Suite struct ReviewLayoutTests {
    static let examples = [
        "express-slow-under-load", "jwt-login-api", "tiny-internal-tool", "high-traffic-public-api", "realtime-chat",
        "money-ledger", "job-heavy-saas",
    ]

    static func report(_ name: String) throws -> ReviewReport {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let url = root.appendingPathComponent("docs/examples/\(name).yaml")
        let engine = RecommendationEngine(knowledgeBase: StackwiseKnowledge.embedded)
        let result = AnswersFileReader(engine: engine).read(fileAt: url, displayPath: url.path)
        #expect(!result.diagnostics.contains { $0.severity == .error }, "\(result.diagnostics)")
        return ReviewReport(engine: engine, answers: result.answerSet)
    }

    @Test(arguments: examples) func defaultReviewIsShortAndStartsWithPriorities(_ name: String) throws {
        let report = try Self.report(name)
        let text = ReviewText().render(report)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count <= 150, "\(name): \(lines.count) lines")
        for line in lines { #expect(line.count <= 80, "\(name): \(line)") }
        let first = try #require(lines.firstIndex { $0.hasPrefix("  1. [") })
        #expect(first < 30, "\(name): first priority at line \(first + 1)")
        #expect(lines.firstIndex { $0 == "PRIORITIES (do these first)" }! < lines.firstIndex { $0 == "DECISIONS" }!)
        #expect(lines[1].contains("decisions"), "the summary is at the top")

        // At most 15 checklist items show as high: those under PRIORITIES plus those under CHECKLIST.
        let outline = ReviewOutline(report)
        #expect(outline.standardChecklist.count <= ReviewLimits.standardChecklistItems)
        let shownItems = report.review.checklist.filter { text.contains("[ ] \($0.item.id):") }.count
        let prioritised = outline.priorities.filter { $0.kind == .checklist }.count
        #expect(shownItems + prioritised <= 15, "\(name)")

        // Every applicable decision has its line with the choice.
        for outcome in report.review.decisions where outcome.status == .chosen {
            #expect(text.contains("  \(outcome.title): "), "\(name): \(outcome.title)")
        }
    }

    /// When decisions went to one line each and lines are left under the budget, the first decisions get their two
    /// lines back (the job-heavy example: a 30-character reason said little), and the review still fits.
    @Test func leftoverLinesGoBackToTheFirstDecisions() throws {
        let text = ReviewText().render(try Self.report("job-heavy-saas"))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count <= ReviewText.standardLineBudget)
        let decisions = try #require(lines.firstIndex(of: "DECISIONS"))
        // The first decision: its heading, then a reason wrapped onto a second line ("+ ...; cost: ..." and more).
        #expect(lines[decisions + 2].hasPrefix("    + "), "\(lines[decisions + 2])")
        #expect(lines[decisions + 3].hasPrefix("      "), "two lines: \(lines[decisions + 1...decisions + 3])")
        // And later decisions share one line between reason and cost.
        #expect(lines[decisions...].contains { $0.hasPrefix("    + ") && $0.contains("...  cost: ") })
    }

    /// `high` means "do before launch or the next release, for these answers" (issue 12): no shipped example, nor any
    /// answers file added to docs/examples later, may have more than 15 high checklist items in its review.
    @Test func everyExampleHasAtMostFifteenHighChecklistItems() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let files = try FileManager.default.contentsOfDirectory(
            atPath: root.appendingPathComponent("docs/examples").path)
        let names = files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(".yaml".count)) }.sorted()
        #expect(Set(Self.examples).isSubset(of: names), "the examples this suite renders exist")
        for name in names {
            let report = try Self.report(name)
            let high = report.review.checklist.filter { $0.item.priority == .high }.map(\.item.id)
            #expect(high.count <= 15, "\(name): \(high.count) high checklist items: \(high.joined(separator: ", "))")
        }
    }

    @Test(arguments: examples) func fullDetailKeepsEveryAlternativeAndChecklistItem(_ name: String) throws {
        let report = try Self.report(name)
        let text = ReviewText(width: 10_000, detail: .full).render(report)
        for outcome in report.review.decisions where outcome.status == .chosen {
            for option in outcome.options where option.verdict != .chosen {
                #expect(text.contains("instead of \(option.name): "), "\(name): \(option.name)")
            }
        }
        for entry in report.review.checklist { #expect(text.contains("(\(entry.item.id),"), "\(entry.item.id)") }
        for raised in report.review.findings { #expect(text.contains("(\(raised.finding.id))")) }

        let markdown = ReviewMarkdown(detail: .full).render(report)
        for entry in report.review.checklist { #expect(markdown.contains(MarkdownText.code(entry.item.id))) }
        let standard = ReviewMarkdown().render(report)
        for entry in report.review.checklist { #expect(standard.contains(MarkdownText.code(entry.item.id))) }
        #expect(standard.contains("<details><summary>All \(report.review.checklist.count) checklist items</summary>"))
    }

    /// design-review.md judges the team's plan as the text does: every verdict, with why not and the switching
    /// cost for a plan that differs (the Markdown had no plan section).
    @Test func theMarkdownReviewJudgesThePlan() throws {
        for name in Self.examples {
            let report = try Self.report(name)
            let markdown = ReviewMarkdown().render(report)
            #expect(markdown.contains("\n## Your plan\n") == !report.review.proposals.isEmpty, "\(name)")
            for verdict in report.review.proposals {
                #expect(markdown.contains("- **\(verdict.title)**: "), "\(name): \(verdict.decisionID)")
            }
        }
        // The express example runs an in-process limiter on several instances: recommended instead, with its cost.
        let express = ReviewMarkdown().render(try Self.report("express-slow-under-load"))
        let limiter = try #require(
            express.split(separator: "\n").first { $0.hasPrefix("- **Rate limiting**: ") })
        #expect(limiter.contains("— recommended instead: Redis-backed limiter in the app"), "\(limiter)")
        #expect(express.contains("  - Switching cost: "))
    }

    /// design-review.md asks the questions that would firm up the review, as the text does: three, the rest folded
    /// (all with --detail full).
    @Test func theMarkdownReviewAsksTheFirmUpQuestions() throws {
        let report = try Self.report("tiny-internal-tool")
        let questions = report.review.firmUp
        #expect(questions.count > 3)
        let standard = ReviewMarkdown().render(report)
        #expect(standard.contains("\n## Answer these to firm up the review\n"))
        #expect(standard.contains("<details><summary>\(questions.count - 3) more questions</summary>\n\n- "))
        let full = ReviewMarkdown(detail: .full).render(report)
        for question in questions { #expect(full.contains("- `\(question.questionID)`"), "\(question.questionID)") }
        #expect(!full.contains("more questions</summary>"))
    }

    @Test(arguments: examples) func jsonHasThreeToSevenRankedPriorities(_ name: String) throws {
        let report = try Self.report(name)
        let json = ReviewJSON.render(report)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let priorities = try #require(document["priorities"] as? [[String: Any]])
        #expect((3...7).contains(priorities.count), "\(name): \(priorities.count)")
        #expect(priorities.map { $0["rank"] as? Int } == Array(1...priorities.count).map { $0 })
        let kinds = Set(ReviewPriority.Kind.allCases.map(\.rawValue))
        for priority in priorities {
            for key in ["rank", "kind", "id", "severity", "title", "why", "action"] {
                #expect(priority[key] != nil, "\(key)")
            }
            #expect(kinds.contains(priority["kind"] as? String ?? ""))
        }
        let decisions = try #require(document["decisions"] as? [[String: Any]])
        #expect(decisions.contains { $0["runnerUp"] is [String: Any] && $0["decisiveReason"] is [String: Any] })
    }

    @Test func prioritiesFollowTheRankingRule() throws {
        for name in Self.examples {
            let report = try Self.report(name)
            let priorities = report.review.priorities(in: report.knowledgeBase)
            // Severity, then problems before additions, then seen today, then irreversible, then stated, then reach.
            func key(_ priority: ReviewPriority) -> [Int] {
                [
                    priority.severity == .high ? 2 : priority.severity == .medium ? 1 : 0,
                    priority.isProblem ? 1 : 0, priority.observed ? 1 : 0, priority.irreversible ? 1 : 0,
                    priority.stated ? 1 : 0, priority.touches,
                ]
            }
            for (earlier, later) in zip(priorities, priorities.dropFirst()) {
                #expect(!key(earlier).lexicographicallyPrecedes(key(later)), "\(name): \(earlier.id), \(later.id)")
            }
            #expect(priorities == report.review.priorities(in: report.knowledgeBase), "deterministic")
            // Nothing done and nothing accepted is a priority.
            let accepted = Set(report.review.findings.filter { $0.accepted != nil }.map(\.finding.id))
            #expect(!priorities.contains { $0.kind == .finding && accepted.contains($0.id) })
        }
    }

    @Test func existingServiceFindingsAreGroupedByCauseInFixOrder() throws {
        let report = try Self.report("express-slow-under-load")
        let groups = report.review.findingGroups(in: report.knowledgeBase)
        let open = report.review.findings.filter { $0.accepted == nil }
        #expect(groups.flatMap(\.findings).map(\.finding.id).sorted() == open.map(\.finding.id).sorted())
        #expect(groups.count < open.count, "some findings share a cause")
        for (earlier, later) in zip(groups, groups.dropFirst()) {
            #expect(earlier.severity >= later.severity)
            if earlier.severity == later.severity {
                #expect(earlier.observed || !later.observed, "harm seen today first")
            }
            if earlier.severity == later.severity, earlier.observed == later.observed {
                #expect(earlier.irreversible || !later.irreversible, "then harm that cannot be undone")
            }
        }
        // The reported symptoms (event-loop lag, pool exhaustion) are harm seen today; a missing practice is not.
        let observed = Set(groups.filter(\.observed).flatMap(\.findings).map(\.finding.id))
        #expect(observed.isSuperset(of: ["event-loop-blocked", "db-pool-exhaustion"]), "\(observed)")
        #expect(!observed.contains("backups-never-restored"))
        // The reported slowness raises a medium N+1 finding in the group led by the high, latent "raw queries built
        // from strings": harm seen today must be as severe as the group to count for it.
        let rawQueries = try #require(groups.first { $0.lead.finding.id == "orm-raw-queries-from-strings" })
        #expect(rawQueries.findings.contains { $0.finding.id == "n-plus-one-queries-suspected" })
        #expect(!rawQueries.observed)
        for group in groups where group.findings.count > 1 {
            let cause = try #require(group.cause)
            for raised in group.findings { #expect(raised.answers.contains { $0.questionID == cause.questionID }) }
        }
        let instances = try #require(groups.first { $0.cause?.questionID == "current.instances" })
        #expect(instances.findings.map(\.finding.id).contains("socketio-no-adapter"))
    }

    /// A cause is something the service runs today (a section marked `causes: true`), never context such as how
    /// public or critical it is; in an inventory answer (what runs, what is practised) it is one item, tested by the
    /// rule of every finding in the group: findings about different items of one list share no cause.
    @Test(arguments: examples) func causesAreItemsOfWhatRunsNotContext(_ name: String) throws {
        let report = try Self.report(name)
        let kb = report.knowledgeBase
        for group in report.review.findingGroups(in: kb) {
            guard let cause = group.cause else { continue }
            let question = try #require(kb.question(cause.questionID))
            #expect(kb.section(question.section)?.holdsCauses == true, "\(name): \(cause.questionID)")
            guard question.type == .multi else { continue }
            let option = try #require(group.causeOption, "\(name): \(cause.questionID) without an option")
            for raised in group.findings {
                let rule = try #require(kb.rule(raised.ruleID))
                #expect(Review.optionsTested(of: cause.questionID, in: rule.when.expression).contains(option))
            }
            #expect(group.causeDescription?.contains(" \(option)") == true)
        }
    }

    @Test func briefIsShorterThanStandardAndShowsPriorities() throws {
        let report = try Self.report("jwt-login-api")
        let brief = ReviewText(detail: .brief).render(report)
        let standard = ReviewText().render(report)
        #expect(brief.split(separator: "\n").count < standard.split(separator: "\n").count)
        #expect(brief.contains("PRIORITIES"))
        #expect(!brief.contains("\u{1B}["))
        #expect(ReviewText(colour: true).render(report).contains("\u{1B}[1m"))
    }

    @Test func wrapWithALineLimitEndsInAnEllipsisAndFits() {
        let text = String(repeating: "word ", count: 60)
        let lines = TextLayout.wrap(text, width: 40, first: "  - ", rest: "    ", maxLines: 2)
        #expect(lines.count == 2)
        #expect(lines[1].hasSuffix("..."))
        for line in lines { #expect(line.count <= 40) }
        #expect(TextLayout.wrap("short", width: 40, maxLines: 1) == ["short"])
    }

    /// A line limit lays out only the lines it keeps, so what it keeps must be the full layout's first lines.
    @Test func wrapWithALineLimitKeepsTheFullLayoutsFirstLines() {
        let texts = [
            "Back up the database automatically and restore a backup into a scratch environment at least once.",
            "first paragraph\nsecond  paragraph with  doubled spaces and a verylongwordthatmustbebrokenacrosslines",
            String(repeating: "x", count: 130), "a b c", "",
        ]
        for text in texts {
            for width in [12, 20, 40, 80] {
                let full = TextLayout.wrap(text, width: width, first: "  - ", rest: "    ")
                for maxLines in 1...4 {
                    let limited = TextLayout.wrap(text, width: width, first: "  - ", rest: "    ", maxLines: maxLines)
                    if full.count <= maxLines {
                        #expect(limited == full)
                    } else {
                        #expect(limited.count == maxLines)
                        #expect(Array(limited.dropLast()) == Array(full.prefix(maxLines - 1)))
                        #expect(limited.last?.hasSuffix("...") == true)
                    }
                }
            }
        }
    }
}

/// Tensions and findings that read a default say which, in text and Markdown (the user may never have said it).
@Suite struct AssumedAnswerTests {
    let engine = RecommendationEngine(knowledgeBase: StackwiseKnowledge.embedded)

    func report(_ answers: [String: AnswerValue]) -> ReviewReport {
        var set = AnswerSet()
        for (id, value) in answers { set.set(id, to: value) }
        return ReviewReport(engine: engine, answers: set)
    }

    @Test func aTensionRestingOnADefaultSaysWhatItAssumes() throws {
        var answers: [String: AnswerValue] = [
            "service.kind": .choice("crud_api"), "api.consumers": .choices(["mobile"]),
        ]
        let assumed = report(answers)
        let tension = try #require(
            assumed.review.tensions.first { $0.tension.id == "mobile-clients-without-versioning" })
        #expect(tension.answers.contains { $0.assumed && $0.questionID == "api.public_versioning" })
        #expect(ReviewText().render(assumed).contains("assumes: api.public_versioning = no (unanswered)"))
        #expect(ReviewMarkdown().render(assumed).contains("Assumes: `api.public_versioning = no` (unanswered)"))
        answers["api.public_versioning"] = .bool(false)
        let stated = report(answers)
        #expect(stated.review.tensions.contains { $0.tension.id == "mobile-clients-without-versioning" })
        #expect(!ReviewText().render(stated).contains("assumes: api.public_versioning"))
    }

    @Test func aFindingRestingOnADefaultSaysWhatItAssumes() throws {
        var answers: [String: AnswerValue] = [
            "service.stage": .choice("existing"), "current.practices": .choices(["health_checks"]),
        ]
        let assumed = report(answers)
        let finding = try #require(
            assumed.review.findings.first { $0.finding.id == "platform-deploys-drop-traffic" })
        #expect(finding.answers.contains { $0.assumed && $0.questionID == "operations.availability" })
        let text = ReviewText().render(assumed)
        #expect(text.contains("assumes: operations.availability = high_999 (unanswered)"), "\(text)")
        answers["operations.availability"] = .choice("high_999")
        #expect(!ReviewText().render(report(answers)).contains("assumes: operations.availability"))
    }
}
