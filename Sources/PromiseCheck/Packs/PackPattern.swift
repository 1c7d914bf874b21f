import Foundation

/// A regular expression of a pack's `sections:` or `reading:` table, compiled once when the pack
/// loads and shared by every reader of published text.
///
/// Matched case-insensitively; two patterns are equal when their sources are.
public struct PackPattern: Sendable, Hashable {
    /// The pattern as the pack writes it.
    public let source: String
    public let regex: NSRegularExpression

    /// The pattern compiled case-insensitively, or nil when it does not compile.
    public init?(_ source: String) {
        guard let regex = try? NSRegularExpression(pattern: source, options: [.caseInsensitive]) else { return nil }
        self.source = source
        self.regex = regex
    }

    public static func == (lhs: PackPattern, rhs: PackPattern) -> Bool { lhs.source == rhs.source }

    public func hash(into hasher: inout Hasher) { hasher.combine(source) }
}
