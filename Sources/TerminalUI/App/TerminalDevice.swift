/// What the event loop reads from a terminal.
public enum TerminalInput: Sendable, Equatable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// SIGINT, SIGTERM or SIGHUP arrived.
    case signal(Int32)
    /// Nothing happened within the poll interval.
    case idle
    /// The terminal went away (the pty closed).
    case closed
}

/// A terminal the loop can draw on and read from: the ncursesw driver, or a scripted one in tests.
public protocol TerminalDevice {
    var width: Int { get }
    var height: Int { get }
    func read() -> TerminalInput
    func draw(_ screen: Screen)
}

/// How the loop ended.
public enum TUIExit: Sendable, Equatable {
    case quit
    case signal(Int32)
    case terminalClosed
}

/// The event loop: key -> event -> reducer -> effects -> redraw. It owns no terminal state itself.
public struct TUIApp {
    public let reducer: TUIReducer
    public let view: TUIView
    /// Runs an effect (saving, loading, exporting) and returns the events it produced.
    public var perform: (TUIEffect) -> [TUIEvent]

    public init(reducer: TUIReducer, view: TUIView, perform: @escaping (TUIEffect) -> [TUIEvent]) {
        self.reducer = reducer
        self.view = view
        self.perform = perform
    }

    /// Runs until quit, a signal, or the terminal closing; returns the final state and how it ended. Effects run
    /// (the session is saved) before the screen is redrawn, so a crash loses at most the key press in progress.
    public func run(_ initial: TUIState, on terminal: some TerminalDevice) -> (TUIState, TUIExit) {
        var state = initial
        var effects = reducer.reduce(&state, .resize(width: terminal.width, height: terminal.height))
        while true {
            while !effects.isEmpty {
                let effect = effects.removeFirst()
                if effect == .quit { return (state, .quit) }
                for event in perform(effect) { effects += reducer.reduce(&state, event) }
            }
            terminal.draw(view.render(state))
            var event: TUIEvent?
            while event == nil {
                switch terminal.read() {
                case .idle:
                    // Nothing typed: time for the work deferred from the last key press, then a redraw.
                    if reducer.hasDeferredWork(state) { event = .idle }
                case .closed: return (state, .terminalClosed)
                case .signal(let number): return (state, .signal(number))
                case .resize(let width, let height): event = .resize(width: width, height: height)
                case .key(let key):
                    if state.width < TUIView.minimumWidth || state.height < TUIView.minimumHeight {
                        // Only the size notice is shown; only quitting works.
                        if key == .character("q") { return (state, .quit) }
                        continue
                    }
                    event = .key(key)
                }
            }
            if let event { effects = reducer.reduce(&state, event) }
        }
    }
}
