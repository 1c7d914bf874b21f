import Foundation

/// The language a reader of published text needs, all of it from a rule pack.
///
/// The text readers know only layout (blank lines, bullets, numbering, Markdown syntax); every
/// heading, word and pattern of the promise's language comes from here.
public struct TextReadingProfile: Sendable {
    /// Heading patterns by section role, in the order they are tried; each matches a whole
    /// heading, case-insensitively.
    public var sectionPatterns: [(role: String, regexes: [NSRegularExpression])] {
        didSet { headingPrefixes = Self.headingPrefixes(sectionPatterns) }
    }
    /// The literal start of each of ``sectionPatterns``, where it has one.
    private var headingPrefixes: [[HeadingPrefix?]]
    /// Patterns with a named group `area`, tried on the title.
    public var titleArea: [NSRegularExpression]
    /// Patterns with a named group `area`, tried on the body when the title names no area.
    public var bodyArea: [NSRegularExpression]
    /// A grouped lexicon of party markers; a match's group is the party's key.
    public var parties: PhraseMatcher?
    /// A grouped lexicon of signatory titles; a match's group is the party the signatory signs for.
    public var signatoryRoles: PhraseMatcher?
    /// Signature-block lines that, when no line of the block has a date, mark the promise unsigned.
    public var unsignedMarkers: [NSRegularExpression]

    public init(
        sectionPatterns: [(role: String, regexes: [NSRegularExpression])] = [],
        titleArea: [NSRegularExpression] = [], bodyArea: [NSRegularExpression] = [],
        parties: PhraseMatcher? = nil, signatoryRoles: PhraseMatcher? = nil,
        unsignedMarkers: [NSRegularExpression] = []
    ) {
        self.sectionPatterns = sectionPatterns
        self.headingPrefixes = Self.headingPrefixes(sectionPatterns)
        self.titleArea = titleArea
        self.bodyArea = bodyArea
        self.parties = parties
        self.signatoryRoles = signatoryRoles
        self.unsignedMarkers = unsignedMarkers
    }

    /// No language at all: text is read by its layout alone.
    public static let empty = TextReadingProfile()

    /// Compiles patterns case-insensitively; a pattern that does not compile is left out
    /// (the pack loader has already reported it).
    public static func regexes(_ patterns: [String]) -> [NSRegularExpression] {
        patterns.compactMap { try? NSRegularExpression(pattern: $0, options: [.caseInsensitive]) }
    }

    /// A pack's `sections:` table compiled for ``sectionPatterns``.
    public static func sectionPatterns(_ sections: [SectionPatterns]) -> [(
        role: String, regexes: [NSRegularExpression]
    )] {
        sections.map { (role: $0.role, regexes: $0.patterns.map(\.regex)) }
    }

    /// The role of the first section whose pattern matches all of `heading`.
    ///
    /// The heading is compared trimmed, with whitespace runs as one space, without emphasis
    /// markers around it and without a final colon. A pattern still matching at `deadline`
    /// counts as not matching.
    ///
    /// A pattern whose literal start (``HeadingPrefix``) the heading does not have is not run;
    /// with `usesPrefixes` false every pattern runs, as a reference for tests.
    func role(ofHeading heading: String, before deadline: RegexDeadline, usesPrefixes: Bool = true) -> String? {
        guard !sectionPatterns.isEmpty else { return nil }
        let text = Self.normalizedHeading(heading)
        guard !text.isEmpty else { return nil }
        let whole = NSRange(text.startIndex..<text.endIndex, in: text)
        for (patterns, prefixes) in zip(sectionPatterns, headingPrefixes) {
            for (regex, prefix) in zip(patterns.regexes, prefixes) {
                if usesPrefixes, let prefix, !prefix.mayStart(text) { continue }
                if let match = regex.firstMatch(in: text, range: whole, before: deadline), match.range == whole {
                    return patterns.role
                }
            }
        }
        return nil
    }

    private static func headingPrefixes(_ sectionPatterns: [(role: String, regexes: [NSRegularExpression])])
        -> [[HeadingPrefix?]]
    {
        sectionPatterns.map { $0.regexes.map { HeadingPrefix(pattern: $0.pattern) } }
    }

    /// `heading` as patterns see it.
    static func normalizedHeading(_ heading: String) -> String {
        var words: [Substring] = heading.split { $0.isWhitespace }
        // Markdown emphasis around a heading ("**Bakgrund**") is layout, not text.
        if let first = words.first {
            let trimmed = first.drop { $0 == "*" || $0 == "_" }
            if trimmed.isEmpty { words.removeFirst() } else { words[0] = trimmed }
        }
        if let last = words.last {
            var trimmed = last
            while let final = trimmed.last, final == "*" || final == "_" { trimmed = trimmed.dropLast() }
            if trimmed.isEmpty { words.removeLast() } else { words[words.count - 1] = trimmed }
        }
        var text = words.joined(separator: " ")
        while text.hasSuffix(":") { text.removeLast() }
        while let final = text.last, final.isWhitespace { text.removeLast() }
        return text
    }
}
