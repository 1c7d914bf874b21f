import Foundation
import Synchronization

/// A regular expression of a pack's `sections:` or `reading:` table, checked when the pack loads
/// and compiled once, when a reader of published text first uses it.
///
/// A run over YAML promise files never uses these patterns, and compiling them is most of the
/// cost of loading a pack; so a pattern that ``RegexSyntax/surelyCompiles(_:)`` waits, and any
/// other is compiled at once to find out whether it compiles at all.
///
/// Matched case-insensitively; two patterns are equal when their sources are.
public struct PackPattern: Sendable, Hashable {
    /// The pattern as the pack writes it.
    public let source: String
    private let compiled: Compiled

    /// The pattern compiled case-insensitively, or nil when it does not compile.
    public init?(_ source: String) {
        self.source = source
        if RegexSyntax.surelyCompiles(source) {
            compiled = Compiled(source: source, regex: nil)
        } else {
            guard let regex = Self.compile(source) else { return nil }
            compiled = Compiled(source: source, regex: regex)
        }
    }

    /// The compiled expression.
    public var regex: NSRegularExpression { compiled.regex }

    public static func == (lhs: PackPattern, rhs: PackPattern) -> Bool { lhs.source == rhs.source }

    public func hash(into hasher: inout Hasher) { hasher.combine(source) }

    /// An expression no text matches.
    fileprivate static let matchingNothing = try! NSRegularExpression(pattern: "(?!)")

    fileprivate static func compile(_ source: String) -> NSRegularExpression? {
        try? NSRegularExpression(pattern: source, options: [.caseInsensitive])
    }

    /// The expression once compiled, shared by copies of the pattern.
    private final class Compiled: Sendable {
        let source: String
        let state: Mutex<NSRegularExpression?>

        init(source: String, regex: NSRegularExpression?) {
            self.source = source
            self.state = Mutex(regex)
        }

        var regex: NSRegularExpression {
            state.withLock { regex in
                if let regex { return regex }
                // RegexSyntax accepts only what ICU compiles (tested against ICU on random
                // patterns); should it ever be wrong, the pattern matches nothing rather than
                // stopping the run.
                let compiled = PackPattern.compile(source) ?? PackPattern.matchingNothing
                regex = compiled
                return compiled
            }
        }
    }
}
