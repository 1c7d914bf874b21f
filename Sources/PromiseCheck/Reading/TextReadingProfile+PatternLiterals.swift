/// The letters every match of a pack pattern must start with or contain, read from the pattern,
/// so that a text without them is not matched at all.
///
/// Most headings match none of the `sections:` patterns (`^uppföljning:?$`), and most paragraphs
/// hold no area (`…[Kk]ommuns?\b`); testing for a pattern's letters first saves running the
/// regular expression. The test is exact: it never skips a pattern that could match.
///
/// Only ASCII letters, digits and spaces of the pattern are used, compared without case. Some
/// other scalars match ASCII letters case-insensitively (`ſ`, the Kelvin sign `K`, `ß` as `ss`,
/// `ﬁ`), so a text scalar outside ASCII that is not known to be harmless (Latin-1 letters other
/// than `ß`, punctuation such as dashes and quotes) makes the test answer "may match".
final class PatternLiterals: Sendable, Equatable {
    /// Lower-case ASCII every match starts with, when the pattern is anchored with `^`; may be empty.
    let prefix: [UInt8]
    /// The longest run of lower-case ASCII every match contains; may be empty.
    let required: [UInt8]
    /// What stands around `required` in every match, when the pattern can be read that far.
    let context: Context?

    /// The literals of `pattern`, or nil when it has none that can be relied on and cannot be
    /// read whole either: its letters are all optional (`a?`) or in groups and it has pieces the
    /// ``Context`` matcher does not read, the pattern has an alternative outside parentheses
    /// (`ab|cd`), or syntax that could hide one (comments, the `x` flag, an unclear set).
    ///
    /// A pattern without required letters that the matcher reads (`^(ort|datum)\s*:?$`) has
    /// empty literals and a context of the whole pattern, tried wherever a match could start.
    init?(pattern: String) {
        guard let runs = Self.requiredRuns(Array(pattern.unicodeScalars)) else { return nil }
        let prefix = runs.first { $0.start == 1 && pattern.unicodeScalars.first == "^" }?.bytes ?? []
        let required = runs.max { $0.bytes.count < $1.bytes.count }?.bytes ?? []
        let context = Context(pattern: pattern, required: required)
        guard !prefix.isEmpty || !required.isEmpty || context != nil else { return nil }
        self.prefix = prefix
        self.required = required
        self.context = context
    }

    static func == (lhs: PatternLiterals, rhs: PatternLiterals) -> Bool {
        lhs.prefix == rhs.prefix && lhs.required == rhs.required && lhs.context == rhs.context
    }

    /// Whether a heading (as patterns see it) may start with the prefix: false only when an ASCII
    /// scalar of it differs from the prefix, or it ends before the prefix does.
    func mayStart(_ heading: String) -> Bool {
        var utf8 = heading.utf8.makeIterator()
        for expected in prefix {
            guard let byte = utf8.next() else { return false }
            if byte >= 0x80 { return true }
            if Self.folded(byte) != expected { return false }
        }
        return true
    }

    /// Whether the pattern may match in `text`: false only when the text has no scalar that could
    /// match an ASCII letter other than ASCII itself, and the required letters do not occur in it,
    /// or occur only where the ``Context`` around them rules a match out.
    func mayMatch(in text: String) -> Bool {
        guard !required.isEmpty || context != nil else { return true }
        return mayMatch(in: Folded(text))
    }

    /// Whether the pattern may match in text folded once (see ``Folded``): the same answer as
    /// ``mayMatch(in:)-(String)`` on the text, for many patterns without folding it again.
    func mayMatch(in text: Folded) -> Bool {
        guard !required.isEmpty || context != nil, let bytes = text.bytes else { return true }
        guard let context else { return Self.contains(bytes, required) }
        return context.mayMatch(bytes, required: required)
    }

    /// A text as ``mayMatch(in:)-(String)`` compares it: its UTF-8 with ASCII letters lower-cased, or nil
    /// when it has a scalar that could match an ASCII letter other than ASCII itself.
    struct Folded {
        let bytes: [UInt8]?

        init(_ text: String) {
            var utf8 = Array(text.utf8)
            let isHarmless = utf8.withUnsafeMutableBytes { utf8 in
                var index = 0
                while index < utf8.count {
                    // Eight bytes of ASCII at a time: 0x20 added to each of `A`–`Z` (0x41–0x5A).
                    // No sum carries into the next byte, as every byte is below 0x80.
                    if index + 8 <= utf8.count {
                        let word = utf8.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                        if word & 0x8080_8080_8080_8080 == 0 {
                            let upper = (word &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(word &+ 0x2525_2525_2525_2525)
                            utf8.storeBytes(
                                of: word | (upper & 0x8080_8080_8080_8080) >> 2, toByteOffset: index, as: UInt64.self)
                            index += 8
                            continue
                        }
                    }
                    let byte = utf8[index]
                    if byte < 0x80 {
                        utf8[index] = PatternLiterals.folded(byte)
                        index += 1
                        continue
                    }
                    guard let length = PatternLiterals.harmlessLength(utf8, at: index) else { return false }
                    index += length
                }
                return true
            }
            bytes = isHarmless ? utf8 : nil
        }
    }

    fileprivate static func folded(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
    }

    /// The length of the UTF-8 sequence at `index` when its scalar matches no ASCII letter in any
    /// case: U+00A0–U+00FF except `ß` (Latin-1 letters and signs), U+2000–U+203F (spaces, dashes,
    /// quotes, bullets). Nil for any other scalar.
    fileprivate static func harmlessLength(_ utf8: UnsafeMutableRawBufferPointer, at index: Int) -> Int? {
        let lead = utf8[index]
        if lead == 0xC2 || lead == 0xC3 {
            guard index + 1 < utf8.count, !(lead == 0xC3 && utf8[index + 1] == 0x9F) else { return nil }
            return 2
        }
        if lead == 0xE2, index + 1 < utf8.count, utf8[index + 1] == 0x80 { return 3 }
        return nil
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count, let first = needle.first else { return needle.isEmpty }
        var start = 0
        while start + needle.count <= haystack.count {
            if haystack[start] == first, haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
            start += 1
        }
        return false
    }

    // MARK: Reading a pattern

    /// A run of ASCII that every match contains, and where in the pattern it starts.
    private struct Run {
        var start: Int
        var bytes: [UInt8]
    }

    /// The runs of literal ASCII outside groups, sets and escapes, without letters made optional
    /// by a quantifier; nil when an alternative outside parentheses, or syntax that could hide
    /// one, means no run is certain.
    private static func requiredRuns(_ scalars: [Unicode.Scalar]) -> [Run]? {
        var runs: [Run] = []
        var current: Run?
        var depth = 0
        var lastWasLiteral = false
        func endRun() {
            if let run = current, !run.bytes.isEmpty { runs.append(run) }
            current = nil
        }
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if depth == 0, let byte = literalByte(scalar) {
                if current == nil { current = Run(start: index, bytes: []) }
                current?.bytes.append(byte)
                lastWasLiteral = true
                index += 1
                continue
            }
            // A quantifier that allows zero repetitions (or a counted one) applies to the last letter.
            if lastWasLiteral, scalar == "?" || scalar == "*" || scalar == "{" { current?.bytes.removeLast() }
            lastWasLiteral = false
            endRun()
            switch scalar {
            case "\\":
                guard let next = endOfEscape(scalars, at: index) else { return nil }
                index = next
                continue
            case "[":
                guard let end = endOfSet(scalars, from: index) else { return nil }
                index = end
                continue
            case "{":
                guard let close = scalars[index...].firstIndex(of: "}") else { return nil }
                index = close + 1
                continue
            case "(":
                if index + 1 < scalars.count, scalars[index + 1] == "?", hidesSyntax(scalars, flagsFrom: index + 2) {
                    return nil
                }
                depth += 1
            case ")":
                depth -= 1
                if depth < 0 { return nil }
            case "|":
                if depth == 0 { return nil }
            default:
                break
            }
            index += 1
        }
        endRun()
        return runs
    }

    /// A scalar that matches only itself (in either case, for letters), lower-cased.
    private static func literalByte(_ scalar: Unicode.Scalar) -> UInt8? {
        switch scalar {
        case "a"..."z", "0"..."9", " ": UInt8(scalar.value)
        case "A"..."Z": UInt8(scalar.value) | 0x20
        default: nil
        }
    }

    /// Whether the group whose `(?` ends before `start` is a comment or sets the `x` flag.
    private static func hidesSyntax(_ scalars: [Unicode.Scalar], flagsFrom start: Int) -> Bool {
        var index = start
        if index < scalars.count, scalars[index] == "#" { return true }
        while index < scalars.count, literalByte(scalars[index]) != nil || scalars[index] == "-" {
            if scalars[index] == "x" { return true }
            index += 1
        }
        return false
    }

    /// The index after the escape at `index`: `\Q…\E` as a whole, `\p{…}`, `\P{…}`, `\N{…}` and
    /// `\x{…}` with their braces, and a backslash with one scalar (`\b`, `\s`, `\.`). Nil for an
    /// escape that takes other scalars after it (`\x41`, `\u00E5`, `\k<name>`, `\1`), which could
    /// be read as letters, and for a quote or brace that is not closed.
    static func endOfEscape(_ scalars: [Unicode.Scalar], at index: Int) -> Int? {
        guard index + 1 < scalars.count else { return nil }
        let escaped = scalars[index + 1]
        if escaped == "Q" {
            var end = index + 2
            while end + 1 < scalars.count {
                if scalars[end] == "\\", scalars[end + 1] == "E" { return end + 2 }
                end += 1
            }
            return nil
        }
        if ["p", "P", "N", "x"].contains(escaped) {
            guard index + 2 < scalars.count, scalars[index + 2] == "{",
                let close = scalars[(index + 2)...].firstIndex(of: "}")
            else { return nil }
            return close + 1
        }
        if literalByte(escaped) == nil || "bBdDsSwWhHvVRXAzZGntrfae".unicodeScalars.contains(escaped) {
            return index + 2
        }
        return nil
    }

    /// The index after the `]` that closes the set opened at `start`, or nil when that is unclear.
    static func endOfSet(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var depth = 0
        var index = start
        while index < scalars.count {
            switch scalars[index] {
            case "\\":
                guard let next = endOfEscape(scalars, at: index) else { return nil }
                index = next
                continue
            case "[":
                depth += 1
                var next = index + 1
                if next < scalars.count, scalars[next] == "^" { next += 1 }
                // A `]` first in a set may be a literal or close it: not worth knowing which.
                if next < scalars.count, scalars[next] == "]" { return nil }
                index = next
                continue
            case "]":
                depth -= 1
                if depth == 0 { return index + 1 }
            default:
                break
            }
            index += 1
        }
        return nil
    }
}
