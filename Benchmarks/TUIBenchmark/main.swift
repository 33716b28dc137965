import BenchmarkSupport
import Dispatch
import EmbeddedKnowledgeBase
import Foundation
import KnowledgeModel
import RecommendationEngine
import TerminalUI

// Key press -> finished redraw for the full-screen interface: the state update (reducer), the engine refresh it
// triggers (review + what-if after an answer) and the view producing the screen. The curses copy of the screen is
// not included (it is a memcpy-sized loop plus ncurses' own diffing). Run in release:
//   swift run -c release TUIBenchmark [factor]

let factor = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 100
let knowledgeBase = SyntheticKnowledgeBase.scaled(StackwiseKnowledge.embedded, by: factor)
let engine = RecommendationEngine(knowledgeBase: knowledgeBase)
let reducer = TUIReducer(advisor: engine)
let view = TUIView(knowledgeBase: knowledgeBase)
print(
    "knowledge base: \(factor)x embedded = \(knowledgeBase.questions.count) questions, \(knowledgeBase.decisions.count) decisions, \(knowledgeBase.rules.count) rules"
)

// Half the questions answered with their defaults (or the first option), as in the middle of an interview.
var answers = AnswerSet(serviceName: "benchmark", proposed: SyntheticKnowledgeBase.proposals(for: knowledgeBase))
for question in knowledgeBase.questionsInInterviewOrder.prefix(knowledgeBase.questions.count / 2) {
    if let value = question.defaultValue {
        answers.set(question.id, to: value)
    } else if let first = question.options.first {
        answers.set(question.id, to: question.type == .multi ? .choices([first.id]) : .choice(first.id))
    }
}
let start = DispatchTime.now().uptimeNanoseconds
let initial = reducer.initialState(
    TUIState(mode: .interview, answers: answers, sessionPath: "/tmp/x", width: 200, height: 60))
print(
    "initial state (applicability, review, what-if): \(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6) ms")

func median(runs: Int, _ body: () -> Void) -> Double {
    var samples: [Double] = []
    for run in 0..<(runs + 2) {
        let begin = DispatchTime.now().uptimeNanoseconds
        body()
        if run >= 2 { samples.append(Double(DispatchTime.now().uptimeNanoseconds - begin) / 1e6) }
    }
    samples.sort()
    return samples[samples.count / 2]
}

func report(_ name: String, _ milliseconds: Double) {
    print(name.padding(toLength: 52, withPad: " ", startingAt: 0) + String(format: "%8.2f ms (median)", milliseconds))
}

// A cursor move: state update + redraw, no engine work.
var state = initial
report(
    "cursor move (Down) + render 200x60",
    median(runs: 50) {
        _ = reducer.reduce(&state, .key(.down))
        _ = view.render(state)
    })

// An answer: state update + engine refresh + what-if when its tab is open + render. Each scenario keeps one state
// across presses, as the interface does, and alternates between two options of the first single-choice question so
// that every press changes the answer (the engine session then recomputes what that answer reaches).
// TUI_QUESTION=id picks another single-choice question (e.g. one that moves the largest constraint component).
let question =
    ProcessInfo.processInfo.environment["TUI_QUESTION"].flatMap { knowledgeBase.question($0) }
    ?? knowledgeBase.questionsInInterviewOrder.first { $0.type == .single && $0.options.count >= 2 }!
print("answered question: \(question.id)")
@MainActor func answering(returningToReview: Bool, tab: ReviewTab = .decisions, runs: Int) -> Double {
    var answered = state
    answered.review.tab = tab
    if returningToReview, tab == .whatIf { answered.advice.whatIf = answered.advice.session?.whatIf() }
    var toggle = false
    return median(runs: runs) {
        answered.interview = InterviewState()
        answered.interview.questionID = question.id
        answered.interview.cursor = toggle ? 1 : 0
        answered.interview.returnToReview = returningToReview
        answered.mode = .interview
        toggle.toggle()
        _ = reducer.reduce(&answered, .key(.enter))
        _ = view.render(answered)
    }
}
// Profiling aid (for perf): TUI_PROFILE=answer|answer-decisions|answer-overview|interview|cursor|tab1..tab6|window|idle
// repeats one kind of key press many times and stops (answer: from the review's What-if tab, or the tab named; tabN:
// cursor moves on review tab N; window: line down in a decision's detail window; idle: the Overview's deferred work).
if let profile = ProcessInfo.processInfo.environment["TUI_PROFILE"] {
    if profile.hasPrefix("tab") || profile == "window" {
        var review = state
        review.mode = .review
        let tab = Int(profile.dropFirst(3)) ?? 2
        _ = reducer.reduce(&review, .key(.character(Character(String(tab)))))
        _ = reducer.reduce(&review, .idle)
        if profile == "window" { _ = reducer.reduce(&review, .key(.enter)) }
        for _ in 0..<300 {
            _ = reducer.reduce(&review, .key(.down))
            _ = view.render(review)
        }
    } else if profile == "cursor" {
        for _ in 0..<300 {
            _ = reducer.reduce(&state, .key(.down))
            _ = view.render(state)
        }
    } else if profile == "interview" {
        _ = answering(returningToReview: false, runs: 200)
    } else if profile == "idle" {
        var overview = state
        overview.mode = .review
        overview.review.tab = .overview
        for _ in 0..<20 {
            var stale = overview
            _ = reducer.reduce(&stale, .idle)
            _ = view.render(stale)
        }
    } else if profile == "answer-decisions" || profile == "answer-overview" {
        _ = answering(returningToReview: true, tab: profile == "answer-overview" ? .overview : .decisions, runs: 200)
    } else {
        _ = answering(returningToReview: true, tab: .whatIf, runs: 200)
    }
    exit(0)
}
report("interview answer (Enter) + review + render 200x60", answering(returningToReview: false, runs: 21))
report("answer from the review (decisions tab) + render", answering(returningToReview: true, runs: 21))
// The What-if tab open: the answer returns to it, so the reducer refreshes the what-if table before the redraw.
report(
    "answer from the review (What-if tab) + what-if + render",
    answering(returningToReview: true, tab: .whatIf, runs: 21))
// The Overview tab open: the answer returns to it at once; its priorities and firm-up questions are recomputed at the
// next idle tick of the event loop (measured separately: no key is waiting then).
report("answer from the review (Overview tab) + render", answering(returningToReview: true, tab: .overview, runs: 21))
var overviewState = state
overviewState.mode = .review
overviewState.review.tab = .overview
report(
    "(idle tick) Overview priorities + firm-up + render",
    median(runs: 5) {
        var stale = overviewState
        _ = reducer.reduce(&stale, .idle)
        _ = view.render(stale)
    })
var whatIfState = state
whatIfState.mode = .review
/// The key that opens a review tab (1-6).
func tabKey(_ tab: ReviewTab) -> Key { .character(Character(String(tab.rawValue + 1))) }
_ = reducer.reduce(&whatIfState, .key(tabKey(.whatIf)))
print("what-if rows at this size: \(whatIfState.advice.whatIf?.rows.count ?? 0)")
var tabState = state
tabState.mode = .review
var onWhatIf = false
report(
    "switch between the Decisions and What-if tabs + render",
    median(runs: 50) {
        onWhatIf.toggle()
        _ = reducer.reduce(&tabState, .key(tabKey(onWhatIf ? .whatIf : .decisions)))
        _ = view.render(tabState)
    })
report(
    "What-if tab: cursor move + render",
    median(runs: 50) {
        _ = reducer.reduce(&whatIfState, .key(.down))
        _ = view.render(whatIfState)
    })

report(
    "render only, review decisions tab 200x60",
    median(runs: 50) {
        var review = state
        review.mode = .review
        review.review.tab = .decisions
        _ = view.render(review)
    })
// The review's lists with their detail pane, and the detail window (Enter), line by line.
for tab in [ReviewTab.overview, .decisions, .findings, .checklist] {
    var listState = state
    listState.mode = .review
    _ = reducer.reduce(&listState, .key(tabKey(tab)))
    _ = reducer.reduce(&listState, .idle)
    report(
        "\(tab.title) tab: cursor move + detail pane + render",
        median(runs: 50) {
            _ = reducer.reduce(&listState, .key(.down))
            _ = view.render(listState)
        })
}
var windowState = state
windowState.mode = .review
_ = reducer.reduce(&windowState, .key(tabKey(.decisions)))
_ = reducer.reduce(&windowState, .key(.enter))
report(
    "detail window (decision HOW): line down + render",
    median(runs: 50) {
        _ = reducer.reduce(&windowState, .key(.down))
        _ = view.render(windowState)
    })

// The engine's share, for comparison.
report("engine.review alone", median(runs: 11) { _ = engine.review(state.answers) })
report("engine.whatIf alone", median(runs: 5) { _ = engine.whatIf(state.answers) })
report("engine.applicableQuestions alone", median(runs: 11) { _ = engine.applicableQuestions(state.answers) })
