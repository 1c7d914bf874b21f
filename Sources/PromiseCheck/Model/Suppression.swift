/// An inline `promisecheck: ignore RULE-ID — reason` comment: it hides the findings of some
/// rules in part of a promise file (see docs/suppressions.md).
///
/// Readers find the comments and decide which lines they cover, because what "the next item"
/// is depends on the format (a YAML entry, a paragraph or list item of text); the engine then
/// moves the findings it covers out of the report's findings and reports the comments that are
/// wrong or do nothing.
public struct Suppression: Sendable, Hashable {
    /// What a suppression covers.
    public enum Scope: Sendable, Hashable {
        /// `ignore-file`: the whole file.
        case file
        /// `ignore`: the lines of one item, first to last.
        case lines(ClosedRange<Int>)
    }

    /// A rule id as written in the comment, with where it stands.
    public struct RuleReference: Sendable, Hashable {
        public var id: String
        public var location: SourceLocation

        public init(id: String, location: SourceLocation) {
            self.id = id
            self.location = location
        }
    }

    public var rules: [RuleReference]
    /// Why the findings are suppressed; nil when the comment gives no reason, which makes the
    /// suppression ineffective.
    public var reason: String?
    public var scope: Scope
    /// Where the comment starts.
    public var location: SourceLocation

    public init(rules: [RuleReference], reason: String?, scope: Scope, location: SourceLocation) {
        self.rules = rules
        self.reason = reason
        self.scope = scope
        self.location = location
    }

    /// Whether the suppression hides findings: only with a reason.
    public var isEffective: Bool { reason != nil }

    /// Whether a finding of `ruleID` at `location` is one this suppression hides.
    public func covers(ruleID: String, at location: SourceLocation) -> Bool {
        guard isEffective, rules.contains(where: { $0.id == ruleID }) else { return false }
        switch scope {
        case .file: return true
        case .lines(let lines): return lines.contains(location.line)
        }
    }
}

/// A finding an inline comment suppressed, with the comment's reason.
///
/// Suppressed findings are listed apart in every report; they still count in the score, since
/// hiding a finding does not make the promise better.
public struct SuppressedFinding: Sendable, Hashable {
    public var finding: Finding
    public var reason: String
    /// Where the suppressing comment is.
    public var suppressionLocation: SourceLocation
    /// Whether the comment was `ignore-file` rather than `ignore`.
    public var isFileWide: Bool

    public init(finding: Finding, reason: String, suppressionLocation: SourceLocation, isFileWide: Bool) {
        self.finding = finding
        self.reason = reason
        self.suppressionLocation = suppressionLocation
        self.isFileWide = isFileWide
    }
}
