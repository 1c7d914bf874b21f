import Testing

@testable import PromiseCheck

/// A document's and a signatory's spans, gathered without arrays on the way, are those of
/// gathering them the plain way.
@Suite struct DocumentSpansTests {
    /// ``Document/allSpans`` the plain way: the reference.
    static func referenceAllSpans(_ document: Document) -> [Span] {
        var spans: [Span] = []
        if let title = document.title { spans.append(title) }
        for section in document.sections {
            if let heading = section.heading { spans.append(heading) }
            spans.append(contentsOf: section.blocks)
        }
        for signatory in document.signatories { spans.append(contentsOf: referenceSpans(signatory)) }
        return spans
    }

    /// ``Signatory/spans`` the plain way: the reference.
    static func referenceSpans(_ signatory: Signatory) -> [Span] {
        [signatory.name, signatory.role, signatory.party, signatory.date, signatory.place].compactMap { $0 }
    }

    @Test func spansAreGatheredInReadingOrder() {
        var generator = SeededGenerator(state: 0xD0C)
        var line = 0
        func span() -> Span {
            line += 1
            return verbatimSpan("text \(line)", line)
        }
        func maybe() -> Span? { Bool.random(using: &generator) ? span() : nil }
        for round in 0..<300 {
            var document = Document(path: "p.yaml", format: .yaml)
            document.title = maybe()
            document.sections = (0..<Int.random(in: 0...4, using: &generator)).map { _ in
                let blocks = (0..<Int.random(in: 0...4, using: &generator)).map { _ in span() }
                return Section(role: nil, heading: maybe(), blocks: blocks, location: .start)
            }
            document.signatories = (0..<Int.random(in: 0...4, using: &generator)).map { _ in
                Signatory(name: maybe(), role: maybe(), party: maybe(), date: maybe(), place: maybe(), location: .start)
            }
            #expect(document.allSpans == Self.referenceAllSpans(document), "round \(round)")
            for signatory in document.signatories {
                #expect(signatory.spans == Self.referenceSpans(signatory), "round \(round)")
            }
        }
    }
}
