/// The engine's own checks on suppression comments: reported like findings, but part of no
/// pack. Their ids are reserved (a pack may not use them) and they do not change the score.
public enum EngineRule: String, CaseIterable, Sendable {
    /// A `promisecheck: ignore` comment that gives no reason; it suppresses nothing.
    case suppressionWithoutReason = "suppression-without-reason"
    /// A suppression with a reason that hides no finding.
    case unusedSuppression = "unused-suppression"
    /// A suppression that names a rule the pack does not have.
    case unknownRule = "unknown-rule"

    public var id: String { rawValue }

    /// Every finding of the engine is a warning.
    public var severity: Severity { .warning }

    public var title: String {
        switch self {
        case .suppressionWithoutReason: "A suppression comment gives its reason"
        case .unusedSuppression: "A suppression comment suppresses something"
        case .unknownRule: "A suppression comment names a rule of the pack"
        }
    }

    public var hint: String {
        switch self {
        case .suppressionWithoutReason:
            "Write the reason after a dash: 'promisecheck: ignore RULE-ID — why the finding does not apply'."
        case .unusedSuppression: "Remove the comment: the finding it was for is gone."
        case .unknownRule: "Use an id from 'promisecheck rules list'."
        }
    }

    /// The ids no pack rule may have.
    public static let reservedIDs: Set<String> = Set(allCases.map(\.rawValue))

    /// The rule's summary, for formats that describe the rules their results refer to.
    public var summary: RuleSummary {
        RuleSummary(
            id: id, title: title, category: "promisecheck", categoryTitle: "PromiseCheck", severity: severity,
            weight: 0, hint: hint,
            rationale: "Checked by PromiseCheck itself, not by a rule pack; it does not change the score.")
    }
}
