import Testing

@testable import PromiseCheck

@Suite struct SpanTests {
    /// `Span` as it was before one-line spans stopped storing an array: the reference the
    /// compact representation must agree with.
    struct ReferenceSpan {
        var text: String
        var location: PromiseCheck.SourceLocation
        var lineStarts: [Span.LineStart]

        init(_ text: String, at location: PromiseCheck.SourceLocation, isVerbatim: Bool) {
            self.text = text
            self.location = location
            self.lineStarts = isVerbatim ? [Span.LineStart(offset: 0, location: location)] : []
        }

        init(_ text: String, lineStarts: [Span.LineStart]) {
            self.text = text
            self.location = lineStarts.first?.location ?? .start
            self.lineStarts = lineStarts
        }

        var isVerbatim: Bool { !lineStarts.isEmpty }

        func location(atScalarOffset offset: Int) -> PromiseCheck.SourceLocation {
            guard offset > 0, !lineStarts.isEmpty else { return location }
            let start = lineStarts.last { $0.offset <= offset } ?? lineStarts[0]
            return PromiseCheck.SourceLocation(
                line: start.location.line, column: start.location.column + offset - start.offset)
        }
    }

    private static func randomLocation(_ generator: inout SeededGenerator) -> PromiseCheck.SourceLocation {
        PromiseCheck.SourceLocation(
            line: Int.random(in: 1...4, using: &generator), column: Int.random(in: 1...4, using: &generator))
    }

    private static func randomStarts(_ generator: inout SeededGenerator) -> [Span.LineStart] {
        var offset = 0
        return (0..<Int.random(in: 0...3, using: &generator)).map { index in
            if index > 0 || Bool.random(using: &generator) { offset += Int.random(in: 0...3, using: &generator) }
            return Span.LineStart(offset: offset, location: randomLocation(&generator))
        }
    }

    /// A span and its reference, made and changed the same random way.
    private static func randomPair(_ generator: inout SeededGenerator) -> (Span, ReferenceSpan) {
        let text = ["", "a", "ab", "a b"][Int.random(in: 0...3, using: &generator)]
        var span: Span
        var reference: ReferenceSpan
        if Bool.random(using: &generator) {
            let location = randomLocation(&generator)
            let isVerbatim = Bool.random(using: &generator)
            span = Span(text, at: location, isVerbatim: isVerbatim)
            reference = ReferenceSpan(text, at: location, isVerbatim: isVerbatim)
        } else {
            let starts = randomStarts(&generator)
            span = Span(text, lineStarts: starts)
            reference = ReferenceSpan(text, lineStarts: starts)
        }
        for _ in 0..<Int.random(in: 0...2, using: &generator) {
            switch Int.random(in: 0...2, using: &generator) {
            case 0:
                let location = randomLocation(&generator)
                span.location = location
                reference.location = location
            case 1:
                let column = Int.random(in: 1...4, using: &generator)
                span.location.column = column
                reference.location.column = column
            default:
                let starts = randomStarts(&generator)
                span.lineStarts = starts
                reference.lineStarts = starts
            }
        }
        return (span, reference)
    }

    @Test func agreesWithTheReferenceOnRandomSpans() {
        var generator = SeededGenerator(state: 7)
        for _ in 0..<5_000 {
            let (span, reference) = Self.randomPair(&generator)
            #expect(span.text == reference.text)
            #expect(span.location == reference.location)
            #expect(span.lineStarts == reference.lineStarts)
            #expect(span.isVerbatim == reference.isVerbatim)
            #expect(span.lineStartCount == reference.lineStarts.count)
            for offset in 0...6 {
                #expect(span.location(atScalarOffset: offset) == reference.location(atScalarOffset: offset))
            }
            let (other, otherReference) = Self.randomPair(&generator)
            let referenceEqual =
                reference.text == otherReference.text && reference.location == otherReference.location
                && reference.lineStarts == otherReference.lineStarts
            #expect((span == other) == referenceEqual)
            if referenceEqual { #expect(span.hashValue == other.hashValue) }
        }
    }

    @Test func aOneLineSpanEqualsTheSameSpanWithItsLineStartGiven() {
        let location = PromiseCheck.SourceLocation(line: 3, column: 5)
        let oneLine = Span("ett löfte", at: location, isVerbatim: true)
        let given = Span("ett löfte", lineStarts: [Span.LineStart(offset: 0, location: location)])
        #expect(oneLine == given)
        #expect(oneLine.hashValue == given.hashValue)
        #expect(oneLine.location(atScalarOffset: 4) == PromiseCheck.SourceLocation(line: 3, column: 9))
        #expect(oneLine != Span("ett löfte", at: location))
    }

    @Test func movingAOneLineSpanKeepsWhereItsLineStarts() {
        var span = Span("ord", at: PromiseCheck.SourceLocation(line: 2, column: 3), isVerbatim: true)
        span.location = PromiseCheck.SourceLocation(line: 9, column: 1)
        #expect(
            span.lineStarts == [Span.LineStart(offset: 0, location: PromiseCheck.SourceLocation(line: 2, column: 3))])
        #expect(span.location(atScalarOffset: 1) == PromiseCheck.SourceLocation(line: 2, column: 4))
    }
}
