/// How much of a review a rendering shows (`--detail`).
public enum ReviewDetail: String, Sendable, CaseIterable {
    /// Summary, priorities, one line per decision, the fix plan's headlines and the checklist's counts.
    case brief
    /// The default: priorities, compact decisions (choice, runner-up, margin, confidence, decisive reason, main
    /// trade-off), findings grouped by cause, tensions, and the checklist's high answer-specific items.
    case standard
    /// Everything: every reason and alternative of every decision, every finding, assumption and checklist item.
    case full
}

/// The standard view's limit on checklist items shown.
public enum ReviewLimits {
    /// At most this many checklist items in the standard view (high, answer-specific ones).
    public static let standardChecklistItems = 15
}
