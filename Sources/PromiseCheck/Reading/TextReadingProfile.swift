import Foundation
import Synchronization

/// The language a reader of published text needs, all of it from a rule pack.
///
/// The text readers know only layout (blank lines, bullets, numbering, Markdown syntax); every
/// heading, word and pattern of the promise's language comes from here.
public struct TextReadingProfile: Sendable {
    /// Heading patterns by section role, in the order they are tried; each matches a whole
    /// heading, case-insensitively.
    public var sectionPatterns: [(role: String, regexes: [NSRegularExpression])] {
        didSet {
            sectionLiterals = sectionPatterns.map { Self.literals(of: $0.regexes) }
            knownRoles = KnownRoles()
        }
    }
    /// Patterns with a named group `area`, tried on the title.
    public var titleArea: [NSRegularExpression] { didSet { titleAreaLiterals = Self.literals(of: titleArea) } }
    /// Patterns with a named group `area`, tried on the body when the title names no area.
    public var bodyArea: [NSRegularExpression] { didSet { bodyAreaLiterals = Self.literals(of: bodyArea) } }
    /// A grouped lexicon of party markers; a match's group is the party's key.
    public var parties: PhraseMatcher?
    /// A grouped lexicon of signatory titles; a match's group is the party the signatory signs for.
    public var signatoryRoles: PhraseMatcher?
    /// Signature-block lines that, when no line of the block has a date, mark the promise unsigned.
    public var unsignedMarkers: [NSRegularExpression] {
        didSet { unsignedLiterals = Self.literals(of: unsignedMarkers) }
    }

    /// What each pattern's matches must start with or contain, by pattern (see ``PatternLiterals``).
    private(set) var sectionLiterals: [[PatternLiterals?]]
    private(set) var titleAreaLiterals: [PatternLiterals?]
    private(set) var bodyAreaLiterals: [PatternLiterals?]
    private(set) var unsignedLiterals: [PatternLiterals?]
    /// The roles of the headings read so far, shared by copies of the profile.
    private var knownRoles = KnownRoles()

    public init(
        sectionPatterns: [(role: String, regexes: [NSRegularExpression])] = [],
        titleArea: [NSRegularExpression] = [], bodyArea: [NSRegularExpression] = [],
        parties: PhraseMatcher? = nil, signatoryRoles: PhraseMatcher? = nil,
        unsignedMarkers: [NSRegularExpression] = []
    ) {
        self.sectionPatterns = sectionPatterns
        self.titleArea = titleArea
        self.bodyArea = bodyArea
        self.parties = parties
        self.signatoryRoles = signatoryRoles
        self.unsignedMarkers = unsignedMarkers
        sectionLiterals = sectionPatterns.map { Self.literals(of: $0.regexes) }
        titleAreaLiterals = Self.literals(of: titleArea)
        bodyAreaLiterals = Self.literals(of: bodyArea)
        unsignedLiterals = Self.literals(of: unsignedMarkers)
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
    /// A pattern whose letters (``PatternLiterals``) the heading does not have is not run; with
    /// `usesLiterals` false every pattern runs, as a reference for tests.
    ///
    /// Published promises use the same few headings over and over, so a heading's role is looked
    /// up once: a heading read before, as it is written, has its role remembered (when no pattern
    /// was stopped by a deadline) and is not normalized again. A deadline that has passed still
    /// makes every pattern not match.
    func role(ofHeading heading: String, before deadline: RegexDeadline, usesLiterals: Bool = true) -> String? {
        guard !sectionPatterns.isEmpty else { return nil }
        guard usesLiterals, heading.utf8.count <= KnownRoles.maxHeadingLength, !deadline.hasPassed else {
            return role(ofNormalized: Self.normalizedHeading(heading), before: deadline, usesLiterals: usesLiterals)
        }
        // By bytes: patterns tell "ä" from "a\u{308}", which Swift strings compare equal.
        let key = KnownRoles.Key(heading)
        if let known = knownRoles[key] { return known }
        let role = role(ofNormalized: Self.normalizedHeading(heading), before: deadline, usesLiterals: true)
        // A deadline passed while matching may have stopped a pattern that would have matched.
        if !deadline.hasPassed { knownRoles[key] = role }
        return role
    }

    private func role(ofNormalized text: String, before deadline: RegexDeadline, usesLiterals: Bool) -> String? {
        text.isEmpty ? nil : matchedRole(of: text, before: deadline, usesLiterals: usesLiterals)
    }

    /// The role of the first section whose pattern matches all of the normalized heading `text`.
    private func matchedRole(of text: String, before deadline: RegexDeadline, usesLiterals: Bool) -> String? {
        // Counting UTF-16 costs a pass over the text: only when a pattern is run.
        lazy var whole = NSRange(location: 0, length: TextLayout.utf16Count(text))
        // Folded once for all the patterns, and only when one gets that far.
        lazy var folded = PatternLiterals.Folded(text)
        for (patterns, literals) in zip(sectionPatterns, sectionLiterals) {
            for (regex, literals) in zip(patterns.regexes, literals) {
                if usesLiterals, let literals, !(literals.mayStart(text) && literals.mayMatch(in: folded)) { continue }
                if let match = regex.firstMatch(in: text, range: whole, before: deadline), match.range == whole {
                    return patterns.role
                }
            }
        }
        return nil
    }

    /// Headings' roles by the UTF-8 of the heading as it is written, for at most `maxEntries`
    /// headings.
    final class KnownRoles: Sendable {
        static let maxEntries = 4096
        static let maxHeadingLength = 200
        private let roles = Mutex<[Key: String?]>([:])

        /// A heading, compared by its UTF-8 and hashed in one piece rather than byte by byte;
        /// made without copying the bytes, so looking a heading up allocates nothing.
        struct Key: Hashable {
            let heading: String

            init(_ heading: String) { self.heading = heading }

            static func == (lhs: Key, rhs: Key) -> Bool {
                guard lhs.heading.utf8.count == rhs.heading.utf8.count else { return false }
                var left = lhs.heading
                var right = rhs.heading
                return left.withUTF8 { left in
                    right.withUTF8 { right in
                        guard let leftBase = left.baseAddress, let rightBase = right.baseAddress else { return true }
                        return memcmp(leftBase, rightBase, left.count) == 0
                    }
                }
            }

            func hash(into hasher: inout Hasher) {
                var heading = heading
                heading.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            }
        }

        /// The role of a heading: nil when it is not known, `.some(nil)` when it has none.
        subscript(heading: Key) -> String?? {
            get { roles.withLock { $0[heading] } }
            set {
                guard let newValue else { return }
                roles.withLock { roles in
                    if roles.count < Self.maxEntries { roles[heading] = newValue }
                }
            }
        }
    }

    static func literals(of regexes: [NSRegularExpression]) -> [PatternLiterals?] {
        regexes.map { PatternLiterals(pattern: $0.pattern) }
    }

    /// `heading` as patterns see it.
    ///
    /// Below U+0300, and among the dashes, quotes and bullets U+2010–U+2027, every scalar is a
    /// character of its own (CR LF aside, which is whitespace either way), so such a heading is
    /// worked on scalar by scalar, with the same result as ``normalizedHeadingByCharacters(_:)``.
    static func normalizedHeading(_ heading: String) -> String {
        guard heading.unicodeScalars.allSatisfy(isCharacterAlone) else {
            return normalizedHeadingByCharacters(heading)
        }
        var utf8 = Array(heading.utf8)
        // The words as byte ranges. Of whitespace, only ASCII, U+0085 and U+00A0 are below U+0300
        // or among U+2010–U+2027.
        var words: [Range<Int>] = []
        var start: Int?
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            let width: Int
            if byte == 0x20 || (0x09...0x0D).contains(byte) {
                width = 1
            } else if byte == 0xC2, index + 1 < utf8.count, utf8[index + 1] == 0x85 || utf8[index + 1] == 0xA0 {
                width = 2
            } else {
                if start == nil { start = index }
                index += 1
                continue
            }
            if let wordStart = start { words.append(wordStart..<index) }
            start = nil
            index += width
        }
        if let wordStart = start { words.append(wordStart..<utf8.count) }
        func isEmphasis(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_") }
        if let first = words.first {
            var lower = first.lowerBound
            while lower < first.upperBound, isEmphasis(utf8[lower]) { lower += 1 }
            if lower == first.upperBound { words.removeFirst() } else { words[0] = lower..<first.upperBound }
        }
        if let last = words.last {
            var upper = last.upperBound
            while upper > last.lowerBound, isEmphasis(utf8[upper - 1]) { upper -= 1 }
            if upper == last.lowerBound { words.removeLast() } else { words[words.count - 1] = last.lowerBound..<upper }
        }
        // Joined in place: no word starts before where it is written.
        var end = 0
        for (number, word) in words.enumerated() {
            if number > 0 {
                utf8[end] = 0x20
                end += 1
            }
            for offset in word {
                utf8[end] = utf8[offset]
                end += 1
            }
        }
        while end > 0, utf8[end - 1] == UInt8(ascii: ":") { end -= 1 }
        // Words hold no whitespace, so only a space that joined them can be left at the end.
        while end > 0, utf8[end - 1] == 0x20 { end -= 1 }
        return String(decoding: utf8[..<end], as: UTF8.self)
    }

    /// Whether `scalar` is a character by itself whatever stands around it (CR LF aside).
    static func isCharacterAlone(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x300 || (0x2010...0x2027).contains(scalar.value)
    }

    /// ``normalizedHeading(_:)`` by characters, for any text.
    static func normalizedHeadingByCharacters(_ heading: String) -> String {
        var words: [Substring] = heading.split { $0.isWhitespace }
        trimEmphasis(&words)
        var text = words.joined(separator: " ")
        while text.hasSuffix(":") { text.removeLast() }
        while let final = text.last, final.isWhitespace { text.removeLast() }
        return text
    }

    /// Drops Markdown emphasis around a heading ("**Bakgrund**"), which is layout, not text: the
    /// markers that start the first word and end the last, and a word left empty.
    private static func trimEmphasis<Word: BidirectionalCollection>(_ words: inout [Word])
    where Word.SubSequence == Word, Word.Element: Equatable & ExpressibleByUnicodeScalarLiteral {
        if let first = words.first {
            let trimmed = first.drop { $0 == "*" || $0 == "_" }
            if trimmed.isEmpty { words.removeFirst() } else { words[0] = trimmed }
        }
        if let last = words.last {
            var trimmed = last
            while let final = trimmed.last, final == "*" || final == "_" { trimmed = trimmed.dropLast() }
            if trimmed.isEmpty { words.removeLast() } else { words[words.count - 1] = trimmed }
        }
    }
}
