import Foundation

/// Regular expressions the text must, or must not, match.
///
/// For words and phrases prefer a `lexicon` check: it matches whole words, case-folded, and
/// is faster. Use this kind for shapes words cannot express (dates, codes, URLs).
public struct PatternCheck: Check {
    public static let kind = CheckKind(
        name: "pattern",
        summary:
            "Passes when `match` occurs at least `min` times and `must_not_match` does not occur; each forbidden match is reported.",
        parameters: [
            ParameterSpec("match", .regex, "a regular expression the text must match"),
            ParameterSpec("must_not_match", .regex, "a regular expression the text must not match"),
            ParameterSpec("min", .integer, "how many matches of `match` are needed; default 1"),
            ParameterSpec("case_sensitive", .boolean, "match case exactly; default false"),
        ],
        variables: ["count", "min", "match"])

    let required: UTF16Pattern?
    let forbidden: UTF16Pattern?
    let minimum: Int
    /// Whether each pattern is tame (``RegexShape/isTame(_:)``), so short texts need no deadline.
    let requiredIsTame: Bool
    let forbiddenIsTame: Bool

    public init(parameters: CheckParameters) throws(CheckConfigurationError) {
        let caseSensitive = parameters.boolean("case_sensitive") ?? false
        required = try parameters.regex("match", caseSensitive: caseSensitive).map(UTF16Pattern.init)
        forbidden = try parameters.regex("must_not_match", caseSensitive: caseSensitive).map(UTF16Pattern.init)
        minimum = parameters.integer("min") ?? 1
        requiredIsTame = required.map { RegexShape.isTame($0.expression.pattern) } ?? false
        forbiddenIsTame = forbidden.map { RegexShape.isTame($0.expression.pattern) } ?? false
        guard required != nil || forbidden != nil else {
            throw CheckConfigurationError("check 'pattern' needs 'match' or 'must_not_match'", at: parameters.location)
        }
        try parameters.require("min", atLeast: 1)
    }

    public func evaluate(_ item: ScopeItem, in document: Document) -> CheckOutcome {
        var evidence: [Hit] = []
        var problems: [Hit] = []
        let spans = item.text.spans
        // Every span's UTF-16 in one buffer, made before the deadline starts, as it gives its length.
        var bounds: [Range<Int>] = []
        bounds.reserveCapacity(spans.count)
        let units = [UInt16](unsafeUninitializedCapacity: spans.reduce(0) { $0 + $1.text.utf8.count }) {
            buffer, count in
            for span in spans {
                let start = count
                if let base = buffer.baseAddress {
                    count += Self.withUTF8(of: span.text) { UTF16Transcoding.write($0, to: base + count) }
                }
                bounds.append(start..<count)
            }
        }
        // A pattern that backtracks catastrophically is stopped, not waited for.
        let deadline = RegexDeadline(base: RegexDeadline.patternCheck, forTextOfLength: units.count)
        let patterns = [(required, true, requiredIsTame), (forbidden, false, forbiddenIsTame)]
        for (span, bound) in zip(spans, bounds) {
            for (pattern, isRequired, tame) in patterns {
                guard let pattern else { continue }
                let found = units.withUnsafeBufferPointer { units in
                    Self.hits(
                        of: pattern, in: span, units: UnsafeBufferPointer(rebasing: units[bound]), before: deadline,
                        tame: tame)
                }
                guard let hits = found else {
                    return .failed(
                        "matching /\(pattern.expression.pattern)/ stopped after \(deadline.limitDescription) on the text at \(span.location); the pattern backtracks too much (nested repetition such as (a+)+?)"
                    )
                }
                if isRequired { evidence += hits } else { problems += hits }
            }
        }
        var fraction = 1.0
        var reasons: [String] = []
        if required != nil {
            fraction = CheckOutcome.shortfall(Double(evidence.count), of: Double(minimum))
            reasons.append("\(evidence.count) of \(minimum) required matches")
        }
        if !problems.isEmpty {
            fraction = 0
            reasons.append("\(problems.count) forbidden match\(problems.count == 1 ? "" : "es")")
        } else if forbidden != nil {
            reasons.append("no forbidden matches")
        }
        return CheckOutcome(
            fraction: fraction, reason: reasons.joined(separator: "; "), evidence: evidence, problems: problems,
            variables: ["count": String(evidence.count), "min": String(minimum)])
    }

    /// The matches of `pattern` in `span`, whose UTF-16 is `units`, or nil when `deadline`
    /// passed first.
    ///
    /// A match that does not start and end between two characters (`Character`, a grapheme
    /// cluster) is left out, as `Range(_:in:)` of a `String` leaves it out.
    static func hits(
        of pattern: UTF16Pattern, in span: Span, units: UnsafeBufferPointer<UInt16>, before deadline: RegexDeadline,
        tame: Bool = false
    ) -> [Hit]? {
        let (ranges, finished) = pattern.matches(in: units, before: deadline, tame: tame)
        guard finished else { return nil }
        guard !ranges.isEmpty else { return [] }
        let text = span.text
        return withUTF8(of: text) { bytes in
            // Matches come in text order, so each one's place is walked to from the last.
            var walk = UTF16Transcoding.Walk(bytes)
            var hits: [Hit] = []
            hits.reserveCapacity(ranges.count)
            for range in ranges {
                guard walk.move(toUnit: range.lowerBound) else { continue }
                let start = walk.byteOffset
                let scalarOffset = walk.scalarOffset
                guard isCharacterBoundary(start, of: text, bytes: bytes), walk.move(toUnit: range.upperBound),
                    isCharacterBoundary(walk.byteOffset, of: text, bytes: bytes)
                else { continue }
                let excerpt = String(
                    decoding: UnsafeBufferPointer(rebasing: bytes[start..<walk.byteOffset]), as: UTF8.self)
                hits.append(
                    Hit(
                        location: span.location(atScalarOffset: scalarOffset), excerpt: excerpt,
                        variables: ["match": excerpt]))
            }
            return hits
        }
    }

    /// Whether UTF-8 offset `offset` of `text`, whose bytes are `bytes`, stands between two
    /// characters. Two ASCII bytes other than CR LF always have a boundary between them (no
    /// ASCII character extends, joins or is prepended to another); anything else is asked of
    /// `String`.
    static func isCharacterBoundary(_ offset: Int, of text: String, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard offset > 0, offset < bytes.count else { return true }
        let before = bytes[offset - 1]
        let after = bytes[offset]
        if before < 0x80, after < 0x80 { return before != 0x0D || after != 0x0A }
        return String.Index(text.utf8.index(text.utf8.startIndex, offsetBy: offset), within: text) != nil
    }

    /// `body` over the UTF-8 of `text`, in place when the string is stored contiguously.
    static func withUTF8<Result>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }
}
