import Testing

@testable import PromiseCheck

/// An item keeps its parts in one shared box; it still behaves as a value.
@Suite struct ScopeItemTests {
    @Test func anItemGivesBackWhatItWasMadeOf() {
        let commitment = Commitment(
            title: verbatimSpan("Trygghet"), parties: [], spans: [verbatimSpan("Trygghet")],
            location: SourceLocation(line: 3, column: 1))
        let item = ScopeItem(
            kind: .commitment, location: SourceLocation(line: 3, column: 1),
            text: TokenizedText([verbatimSpan("Polisen ska patrullera")]), variables: ["title": "Trygghet"],
            commitment: commitment)
        #expect(item.kind == .commitment)
        #expect(item.location == SourceLocation(line: 3, column: 1))
        #expect(item.text.tokens.map(item.text.folded) == ["polisen", "ska", "patrullera"])
        #expect(item.variables["title"] == "Trygghet")
        #expect(item.commitment?.title?.text == "Trygghet")
        #expect(item.signatory == nil)
        #expect(item.ruleID == nil)
    }

    /// Changing any part of a copy leaves the original as it was, and the copy changed.
    @Test func changingACopyLeavesTheOriginal() {
        let original = ScopeItem(
            kind: .document, location: .start, text: TokenizedText([verbatimSpan("Polisen ska")]),
            variables: ["section": "situation"])
        var copy = original
        copy.kind = .signatory
        copy.location = SourceLocation(line: 9, column: 2)
        copy.text = TokenizedText([verbatimSpan("Kommunen")])
        copy.variables["name"] = "Anna"
        copy.commitment = Commitment(title: nil, parties: [], spans: [], location: .start)
        copy.signatory = Signatory(name: verbatimSpan("Anna"), location: .start)
        copy.ruleID = "rule"

        #expect(original.kind == .document)
        #expect(original.location == .start)
        #expect(original.text.tokens.map(original.text.folded) == ["polisen", "ska"])
        #expect(original.variables == ["section": "situation"])
        #expect(original.commitment == nil)
        #expect(original.signatory == nil)
        #expect(original.ruleID == nil)

        #expect(copy.kind == .signatory)
        #expect(copy.location == SourceLocation(line: 9, column: 2))
        #expect(copy.text.tokens.map(copy.text.folded) == ["kommunen"])
        #expect(copy.variables == ["section": "situation", "name": "Anna"])
        #expect(copy.commitment != nil)
        #expect(copy.signatory?.name?.text == "Anna")
        #expect(copy.ruleID == "rule")
    }
}
