import Foundation
import Testing

@testable import PromiseCheck

/// The `pattern` check matches on UTF-16 it makes itself (``UTF16Pattern``) and maps matches
/// back to the text's bytes; these compare it with matching the `String` through
/// `NSRegularExpression`, as it did before.
@Suite struct PatternCheckMatchingTests {
    /// The hits of `regex` in `span` the way the check found them before: Foundation's bridging
    /// of the `String`, `Range(_:in:)` for each match and a walk over its scalars.
    static func referenceHits(of regex: NSRegularExpression, in span: Span, before deadline: RegexDeadline, tame: Bool)
        -> [Hit]?
    {
        let text = span.text
        let (matches, finished) = regex.matches(in: text, before: deadline, tame: tame)
        guard finished else { return nil }
        var offset = 0
        var counted = text.unicodeScalars.startIndex
        return matches.compactMap { match in
            guard let swiftRange = Range(match.range, in: text) else { return nil }
            let excerpt = String(text[swiftRange])
            if swiftRange.lowerBound >= counted {
                offset += text.unicodeScalars.distance(from: counted, to: swiftRange.lowerBound)
            } else {
                offset = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: swiftRange.lowerBound)
            }
            counted = swiftRange.lowerBound
            return Hit(location: span.location(atScalarOffset: offset), excerpt: excerpt, variables: ["match": excerpt])
        }
    }

    /// The hits the check finds now, over the span's own UTF-16.
    static func hits(of pattern: UTF16Pattern, in span: Span, before deadline: RegexDeadline, tame: Bool) -> [Hit]? {
        let units = Array(span.text.utf16)
        return units.withUnsafeBufferPointer {
            PatternCheck.hits(of: pattern, in: span, units: $0, before: deadline, tame: tame)
        }
    }

    /// Pieces of text around which matches start and end: ASCII, Swedish letters, a combining
    /// accent, emoji beyond the Basic Multilingual Plane (with a skin tone, a keycap, a flag and
    /// a joined family), CR LF and lone CR and LF, a prepended Arabic number sign, dashes.
    static let pieces = [
        "a", "Ö", "ö", "å", "ä", " ", " ", "1", "22", "2023", "1999", "%", ":", "–", "-", "e\u{301}", "\u{301}",
        "👍🏽", "😀", "1\u{FE0F}\u{20E3}", "🇸🇪", "👨‍👩‍👧", "\u{200D}", "\r\n", "\r", "\n", "\u{600}", "\u{600}5", "x",
        "X", "\t", ".", "ß", "İ", "𝟙",
    ]

    static let patterns = [
        #"(?<![\d:–-])\b(?!(?:19|20)\d{2}\b)\d+\b|%"#, #"\d+"#, ".", "..", #"\r"#, #"\n"#, "$", "(?m)^", "x*",
        #"\p{So}"#, #"\X"#, "[^a ]+", #"\b"#, "ö|Ö", "e", #"\u0301"#, #"\x{1F44D}"#, #"\uD83D"#, "ss", "i",
    ]

    static func randomText(_ generator: inout SeededGenerator) -> String {
        (0..<Int.random(in: 0...24, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
            .joined()
    }

    @Test func hitsAreTheReferenceHitsOnRandomTexts() throws {
        var generator = SeededGenerator(state: 7)
        let deadline = RegexDeadline(after: .seconds(60))
        for pattern in Self.patterns {
            for options: NSRegularExpression.Options in [[], [.caseInsensitive]] {
                let regex = try NSRegularExpression(pattern: pattern, options: options)
                // As the check makes it: compiled once, with no `NSRegularExpression`.
                let compiled = try #require(UTF16Pattern(pattern: pattern, options: options))
                for round in 0..<400 {
                    let text = Self.randomText(&generator)
                    let span =
                        round % 3 == 0
                        ? Span(
                            text,
                            lineStarts: [
                                Span.LineStart(offset: 0, location: pos(3, 5)),
                                Span.LineStart(offset: 4, location: pos(4, 2)),
                            ])
                        : Span(text, at: pos(2, 7), isVerbatim: true)
                    for tame in [false, true] {
                        let expected = Self.referenceHits(of: regex, in: span, before: deadline, tame: tame)
                        let found = Self.hits(of: compiled, in: span, before: deadline, tame: tame)
                        #expect(found == expected, "/\(pattern)/ \(options) on \(text.debugDescription)")
                    }
                }
            }
        }
    }

    /// A pattern compiles for matching on UTF-16 exactly when `NSRegularExpression` takes it,
    /// with the same options.
    @Test func compilesWhatNSRegularExpressionCompiles() {
        let invalid = ["([", "(?<", "a{2,1}", "*", "\\", "(?<name", "[z-a]", #"\p{Nonsense}"#, ")"]
        for pattern in Self.patterns + invalid {
            for options: NSRegularExpression.Options in [[], [.caseInsensitive], [.allowCommentsAndWhitespace]] {
                let compiled = UTF16Pattern(pattern: pattern, options: options)
                let expression = try? NSRegularExpression(pattern: pattern, options: options)
                #expect((compiled == nil) == (expression == nil), "/\(pattern)/ \(options)")
                #expect(compiled?.pattern == expression?.pattern)
                #expect(compiled?.options == expression?.options)
            }
        }
    }

    /// Matches that split a character are left out, as `Range(_:in:)` leaves them out.
    @Test func matchesInsideCharactersAreLeftOut() throws {
        let deadline = RegexDeadline(after: .seconds(60))
        func excerpts(_ pattern: String, _ text: String) throws -> [String]? {
            let pattern = UTF16Pattern(try NSRegularExpression(pattern: pattern))
            return Self.hits(of: pattern, in: Span(text, at: pos(1, 1)), before: deadline, tame: true)?.map(\.excerpt)
        }
        #expect(try excerpts(#"\r"#, "a\r\nb\rc") == ["\r"])
        #expect(try excerpts(#"\d"#, "1\u{FE0F}\u{20E3} 2") == ["2"])
        #expect(try excerpts(".", "👍🏽") == [])
        #expect(try excerpts(#"\X"#, "👍🏽e\u{301}") == ["👍🏽", "e\u{301}"])
        #expect(try excerpts(#"\d+"#, "\u{600}5 6") == ["6"])
    }

    /// The check keeps only where its matches are and makes their hits when the outcome is
    /// read: over items of several spans, those are the reference hits of each span in turn.
    @Test func outcomeHitsAreEachSpansReferenceHits() throws {
        var generator = SeededGenerator(state: 17)
        let deadline = RegexDeadline(after: .seconds(60))
        let (required, forbidden) = (#"\d+|%"#, "ö|[a ]+")
        let check = builtCheck("check: pattern\nwith: {match: '\(required)', must_not_match: '\(forbidden)'}\n")
        let requiredRegex = try NSRegularExpression(pattern: required, options: [.caseInsensitive])
        let forbiddenRegex = try NSRegularExpression(pattern: forbidden, options: [.caseInsensitive])
        for _ in 0..<300 {
            let lines = (0..<Int.random(in: 1...4, using: &generator)).map { _ in Self.randomText(&generator) }
            let item = ScopeItem.lines(lines)
            let outcome = try #require(check?.evaluate(item, in: blankDocument))
            let spans = item.text.spans
            let evidence = try spans.flatMap {
                try #require(Self.referenceHits(of: requiredRegex, in: $0, before: deadline, tame: false))
            }
            let problems = try spans.flatMap {
                try #require(Self.referenceHits(of: forbiddenRegex, in: $0, before: deadline, tame: false))
            }
            #expect(outcome.evidence == evidence, "\(lines)")
            #expect(outcome.problems == problems, "\(lines)")
            #expect(outcome.variables == ["count": String(evidence.count), "min": "1"])
        }
    }

    @Test func transcodingGivesTheStringsUTF16() {
        var generator = SeededGenerator(state: 11)
        for _ in 0..<2_000 {
            let text = Self.randomText(&generator) + Self.randomText(&generator)
            let bytes = Array(text.utf8)
            let units = [UInt16](unsafeUninitializedCapacity: bytes.count) { buffer, count in
                count = bytes.withUnsafeBufferPointer { bytes in
                    buffer.baseAddress.map { UTF16Transcoding.write(bytes, to: $0) } ?? 0
                }
            }
            #expect(units == Array(text.utf16), "\(text.debugDescription)")
        }
    }

    @Test func walkFindsEachScalarsOffsets() {
        var generator = SeededGenerator(state: 13)
        for _ in 0..<500 {
            let text = Self.randomText(&generator)
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { bytes in
                var walk = UTF16Transcoding.Walk(bytes)
                var unit = 0
                var byte = 0
                for (scalarOffset, scalar) in text.unicodeScalars.enumerated() {
                    // Walking backwards restarts from the beginning.
                    if Bool.random(using: &generator) {
                        let restarted = walk.move(toUnit: 0)
                        #expect(restarted)
                    }
                    let moved = walk.move(toUnit: unit)
                    #expect(moved && walk.byteOffset == byte && walk.scalarOffset == scalarOffset)
                    if scalar.utf16.count == 2 {
                        let inside = walk.move(toUnit: unit + 1)
                        #expect(!inside)
                    }
                    unit += scalar.utf16.count
                    byte += scalar.utf8.count
                }
                let atEnd = walk.move(toUnit: unit)
                let pastEnd = walk.move(toUnit: unit + 1)
                #expect(atEnd && !pastEnd)
            }
        }
    }

    @Test func patternThatStopsAtTheDeadlineGivesNoHits() throws {
        let pattern = UTF16Pattern(try NSRegularExpression(pattern: "(a+)+$"))
        let span = Span(RegexDeadlineTests.longRun, at: pos(1, 1))
        #expect(Self.hits(of: pattern, in: span, before: RegexDeadline(after: .milliseconds(100)), tame: false) == nil)
        #expect(Self.hits(of: pattern, in: span, before: RegexDeadline(after: .zero), tame: true) == nil)
    }
}
