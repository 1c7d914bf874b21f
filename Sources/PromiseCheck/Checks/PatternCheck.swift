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
        required = try parameters.utf16Pattern("match", caseSensitive: caseSensitive)
        forbidden = try parameters.utf16Pattern("must_not_match", caseSensitive: caseSensitive)
        minimum = parameters.integer("min") ?? 1
        requiredIsTame = required.map { RegexShape.isTame($0.pattern) } ?? false
        forbiddenIsTame = forbidden.map { RegexShape.isTame($0.pattern) } ?? false
        guard required != nil || forbidden != nil else {
            throw CheckConfigurationError("check 'pattern' needs 'match' or 'must_not_match'", at: parameters.location)
        }
        try parameters.require("min", atLeast: 1)
    }

    public func evaluate(_ item: ScopeItem, in document: Document) -> CheckOutcome {
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
        // Where the matches are; their hits are only made when the outcome's evidence or
        // problems are read.
        var evidence: [Place] = []
        var problems: [Place] = []
        for (position, (span, bound)) in zip(spans, bounds).enumerated() {
            /// Finds `pattern`'s matches in the span; false when the deadline passed first.
            func find(_ pattern: UTF16Pattern, tame: Bool, into places: inout [Place]) -> Bool {
                units.withUnsafeBufferPointer { units in
                    Self.places(
                        of: pattern, in: span, at: position, units: UnsafeBufferPointer(rebasing: units[bound]),
                        before: deadline, tame: tame, into: &places)
                }
            }
            let stopped =
                if let required, !find(required, tame: requiredIsTame, into: &evidence) {
                    required
                } else if let forbidden, !find(forbidden, tame: forbiddenIsTame, into: &problems) {
                    forbidden
                } else {
                    UTF16Pattern?.none
                }
            if let stopped {
                return .failed(
                    "matching /\(stopped.pattern)/ stopped after \(deadline.limitDescription) on the text at \(span.location); the pattern backtracks too much (nested repetition such as (a+)+?)"
                )
            }
        }
        var fraction = 1.0
        if required != nil { fraction = CheckOutcome.shortfall(Double(evidence.count), of: Double(minimum)) }
        if !problems.isEmpty { fraction = 0 }
        return CheckOutcome(
            fraction: fraction,
            details: Details(
                minimum: minimum, hasRequired: required != nil, hasForbidden: forbidden != nil, spans: spans,
                evidence: evidence, problems: problems))
    }

    /// A match kept for its hit: its span's position in the item, its UTF-8 offsets in the
    /// span's text and the scalar offset of its start.
    struct Place: Sendable {
        var span: Int
        var bytes: Range<Int>
        var scalarOffset: Int
    }

    /// An outcome's parts, from the places of the matches found.
    final class Details: OutcomeDetails {
        let minimum: Int
        let hasRequired: Bool
        let hasForbidden: Bool
        let spans: [Span]
        let found: [Place]
        let forbidden: [Place]

        init(minimum: Int, hasRequired: Bool, hasForbidden: Bool, spans: [Span], evidence: [Place], problems: [Place]) {
            self.minimum = minimum
            self.hasRequired = hasRequired
            self.hasForbidden = hasForbidden
            self.spans = spans
            self.found = evidence
            self.forbidden = problems
        }

        var reason: String {
            var reason = ReasonText(capacity: 64)
            if hasRequired {
                reason.append(found.count)
                reason.append(" of ")
                reason.append(minimum)
                reason.append(" required matches")
            }
            if hasForbidden || !forbidden.isEmpty {
                if hasRequired { reason.append("; ") }
                if forbidden.isEmpty {
                    reason.append("no forbidden matches")
                } else {
                    reason.append(forbidden.count)
                    reason.append(forbidden.count == 1 ? " forbidden match" : " forbidden matches")
                }
            }
            return reason.text
        }

        var evidence: [Hit] { found.map { PatternCheck.hit(at: $0, in: spans[$0.span]) } }

        var problems: [Hit] { forbidden.map { PatternCheck.hit(at: $0, in: spans[$0.span]) } }

        var variables: MessageVariables { ["count": String(found.count), "min": String(minimum)] }
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
        var places: [Place] = []
        guard Self.places(of: pattern, in: span, at: 0, units: units, before: deadline, tame: tame, into: &places)
        else { return nil }
        return places.map { hit(at: $0, in: span) }
    }

    /// Appends the places of the matches ``hits(of:in:units:before:tame:)`` gives, with `position`
    /// as their span's, to `places`; false when `deadline` passed first.
    static func places(
        of pattern: UTF16Pattern, in span: Span, at position: Int, units: UnsafeBufferPointer<UInt16>,
        before deadline: RegexDeadline, tame: Bool, into places: inout [Place]
    ) -> Bool {
        let (ranges, finished) = pattern.matches(in: units, before: deadline, tame: tame)
        guard finished else { return false }
        guard !ranges.isEmpty else { return true }
        let text = span.text
        withUTF8(of: text) { bytes in
            // Matches come in text order, so each one's place is walked to from the last.
            var walk = UTF16Transcoding.Walk(bytes)
            places.reserveCapacity(places.count + ranges.count)
            for range in ranges {
                guard walk.move(toUnit: range.lowerBound) else { continue }
                let start = walk.byteOffset
                let scalarOffset = walk.scalarOffset
                guard isCharacterBoundary(start, of: text, bytes: bytes), walk.move(toUnit: range.upperBound),
                    isCharacterBoundary(walk.byteOffset, of: text, bytes: bytes)
                else { continue }
                places.append(Place(span: position, bytes: start..<walk.byteOffset, scalarOffset: scalarOffset))
            }
        }
        return true
    }

    /// The hit of a match at `place` in `span`.
    static func hit(at place: Place, in span: Span) -> Hit {
        let excerpt = withUTF8(of: span.text) { bytes in
            String(decoding: UnsafeBufferPointer(rebasing: bytes[place.bytes]), as: UTF8.self)
        }
        return Hit(
            location: span.location(atScalarOffset: place.scalarOffset), excerpt: excerpt,
            variables: ["match": excerpt])
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
