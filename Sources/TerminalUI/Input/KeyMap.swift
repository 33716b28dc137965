/// What a key does, independent of which key it is.
public enum Action: String, Sendable, CaseIterable, Equatable {
    case up, down, pageUp, pageDown, top, bottom
    case select, toggle, back, nextSection, filter, help, why, quit
    case notSure, nextTab, previousTab, acceptRisk, export, writeExport, interview, review
    /// Your plan: propose an option for the decision under the cursor.
    case propose
    /// Project scans: confirm every detected answer; show what was detected and why.
    case confirmDetected, showDetected
    /// Name or rename the service (saved with the answers).
    case serviceName
    /// Text-field editing.
    case cursorLeft, cursorRight, textStart, textEnd, deleteBackward, deleteForward, clearText
}

/// Where a binding applies.
public enum KeyContext: String, Sendable, CaseIterable, Equatable {
    case everywhere, interview, textField, review
}

/// A binding: keys, the action, the help text, and where it applies. The help overlay and the hint bar are
/// generated from these, so they can never disagree with what the keys do.
public struct KeyBinding: Sendable, Equatable {
    public var keys: [Key]
    public var action: Action
    public var help: String
    public var context: KeyContext
    /// Shown in the one-line hint bar.
    public var inHintBar: Bool

    public init(_ keys: [Key], _ action: Action, _ help: String, _ context: KeyContext, hint: Bool = false) {
        self.keys = keys
        self.action = action
        self.help = help
        self.context = context
        self.inHintBar = hint
    }

    /// `↑/k` style label.
    public var label: String { keys.map(\.description).joined(separator: "/") }
}

/// The key bindings, as data.
public struct KeyMap: Sendable {
    public var bindings: [KeyBinding]

    public init(bindings: [KeyBinding]) { self.bindings = bindings }

    /// The default bindings (lazygit/huh conventions: arrows and j/k, `/` filter, `?` help, `q` quit).
    public static let standard = KeyMap(bindings: [
        KeyBinding([.up, .character("k")], .up, "move up", .everywhere),
        KeyBinding([.down, .character("j")], .down, "move down", .everywhere),
        KeyBinding([.pageUp], .pageUp, "page up", .everywhere),
        KeyBinding([.pageDown], .pageDown, "page down", .everywhere),
        KeyBinding([.home, .character("g")], .top, "first row", .everywhere),
        KeyBinding([.end, .character("G")], .bottom, "last row", .everywhere),
        KeyBinding([.enter], .select, "answer / open", .everywhere, hint: true),
        KeyBinding([.character(" ")], .toggle, "toggle (multiple choice, checklist)", .everywhere, hint: true),
        KeyBinding([.left, .backTab, .escape], .back, "previous question / close", .interview, hint: true),
        KeyBinding([.tab], .nextSection, "next section", .interview, hint: true),
        KeyBinding([.character("/")], .filter, "filter the options", .interview, hint: true),
        KeyBinding([.character("n")], .notSure, "answer \"not sure\" (where allowed)", .interview),
        KeyBinding([.character("w")], .why, "why is this asked?", .interview, hint: true),
        KeyBinding([.character("r")], .review, "open the review", .interview, hint: true),
        KeyBinding([.character("c")], .confirmDetected, "confirm every detected answer (project scan)", .interview),
        KeyBinding([.character("d")], .showDetected, "what the project scan detected, and why", .interview),
        KeyBinding([.character("s")], .serviceName, "name or rename the service (saved with the answers)", .interview),
        KeyBinding([.character("?")], .help, "all keys", .everywhere, hint: true),
        KeyBinding([.character("q")], .quit, "quit (your answers are saved)", .everywhere, hint: true),
        KeyBinding([.function(1)], .help, "all keys", .textField, hint: true),
        KeyBinding([.function(2)], .why, "why is this asked?", .textField, hint: true),
        KeyBinding([.escape, .backTab], .back, "leave the field: previous question / close", .textField, hint: true),
        KeyBinding([.left], .cursorLeft, "move the text cursor left", .textField),
        KeyBinding([.right], .cursorRight, "move the text cursor right", .textField),
        KeyBinding([.home, .control("a")], .textStart, "start of the text", .textField),
        KeyBinding([.end, .control("e")], .textEnd, "end of the text", .textField),
        KeyBinding([.backspace], .deleteBackward, "delete before the cursor", .textField),
        KeyBinding([.delete], .deleteForward, "delete at the cursor", .textField),
        KeyBinding([.control("u")], .clearText, "clear the field", .textField),
        KeyBinding([.control("c")], .quit, "quit at once (your answers are saved)", .textField),
        KeyBinding([.tab, .right, .character("l")], .nextTab, "next tab", .review, hint: true),
        KeyBinding([.backTab, .left, .character("h")], .previousTab, "previous tab", .review),
        KeyBinding([.character("/")], .filter, "filter the checklist", .review),
        KeyBinding(
            [.character("a")], .acceptRisk, "accept a finding as a risk (reason; optional scope, owner, expiry)",
            .review),
        KeyBinding([.character("p")], .propose, "your plan: what you plan to use for a decision", .review),
        KeyBinding([.enter], .select, "details of the row (a window that scrolls to its last line)", .review),
        KeyBinding([.character(" ")], .toggle, "tick a checklist item (saved at once)", .review),
        KeyBinding([.character("i"), .escape], .interview, "back to the questions", .review, hint: true),
        KeyBinding([.character("x")], .export, "export decision records", .review),
        KeyBinding([.character("W")], .writeExport, "write the previewed records", .review),
        KeyBinding([.character("s")], .serviceName, "name or rename the service (saved with the answers)", .review),
    ])

    /// The action a key triggers in a context (context bindings first, then the general ones).
    /// In a text field printable keys are always typed, so only the other keys have actions there.
    public func action(for key: Key, in context: KeyContext) -> Action? {
        if context == .textField, key.printable != nil { return nil }
        let contexts: [KeyContext] =
            context == .textField ? [.textField, .interview, .everywhere] : [context, .everywhere]
        for wanted in contexts {
            if let binding = bindings.first(where: { $0.context == wanted && $0.keys.contains(key) }) {
                return binding.action
            }
        }
        return nil
    }

    /// Bindings to show for a context, in order (for the help overlay).
    public func bindings(for context: KeyContext) -> [KeyBinding] {
        if context == .textField {
            // Only what a key really does in a field: the field's own keys win over the general ones.
            let fieldKeys = Set(bindings.filter { $0.context == .textField }.flatMap(\.keys))
            return bindings.filter { binding in
                binding.context == .textField
                    || ([.interview, .everywhere].contains(binding.context)
                        && binding.keys.contains { $0.printable == nil && !fieldKeys.contains($0) })
            }.map { binding in
                guard binding.context != .textField else { return binding }
                var shown = binding
                shown.keys = binding.keys.filter { $0.printable == nil && !fieldKeys.contains($0) }
                return shown
            }
        }
        return bindings.filter { [context, .everywhere].contains($0.context) }
    }

    /// The one-line hint bar text for a context.
    public func hints(for context: KeyContext) -> [(key: String, help: String)] {
        var seen: Set<Action> = []
        return bindings(for: context).filter { $0.inHintBar && seen.insert($0.action).inserted }.map { binding in
            let key = context == .textField ? binding.keys.first { $0.printable == nil } : binding.keys.first
            return (key.map(\.description) ?? "", Self.shortHelp[binding.action] ?? binding.help)
        }
    }

    /// One hint of the bottom bar: the key, a short description, and the action.
    public struct Hint: Sendable, Equatable {
        public var key: String
        public var help: String
        public var action: Action
    }

    /// Hints for `actions` in this order: the first key bound to each in the context (in a text field, a key that
    /// does not type), with its short description; actions with no key there are left out.
    public func hints(for context: KeyContext, actions: [Action]) -> [Hint] {
        let available = bindings(for: context)
        return actions.compactMap { action in
            guard let binding = available.first(where: { $0.action == action }),
                let key = context == .textField
                    ? binding.keys.first(where: { $0.printable == nil }) : binding.keys.first
            else { return nil }
            return Hint(key: key.description, help: Self.shortHelp[action] ?? binding.help, action: action)
        }
    }

    private static let shortHelp: [Action: String] = [
        .select: "select", .toggle: "toggle", .back: "back", .nextSection: "section", .filter: "filter",
        .why: "why?", .help: "keys", .quit: "quit", .nextTab: "tab", .interview: "questions", .review: "review",
        .notSure: "not sure", .acceptRisk: "accept risk", .propose: "your plan", .writeExport: "write",
        .serviceName: "name",
    ]
}
