import Testing

@testable import PromiseCheck

/// Scopes share the tokens of the spans they hold, up to a bound; past it spans are tokenized
/// again, with the same tokens.
@Suite struct ScopeResolverTests {
    static let scopes: [Scope] = [
        .document, .sections(["situation", "introduction"]), .sections(["follow_up"]), .commitments, .signatories,
    ]

    /// Each item's tokens as the checks see them, or (`retokenized`) as tokenizing the item's
    /// spans together gives them.
    static func tokens(_ resolver: inout ScopeResolver, retokenized: Bool = false) -> [[String]] {
        scopes.flatMap { scope in
            resolver.items(for: scope).map { item in
                let text = retokenized ? TokenizedText(item.text.spans) : item.text
                return text.tokens.map {
                    "\($0.spanIndex):\(text.folded($0)):\($0.scalarOffset):\(text.foldedBytes[$0.bytes])"
                }
            }
        }
    }

    @Test(arguments: ["ekby-2025-2026.yaml", "sjovik-2025.yaml"])
    func sharingOrNotGivesTheSameTokens(name: String) throws {
        let document = try #require(PromiseFileReader().read(path: "examples/promises/\(name)").document)
        var shared = ScopeResolver(document: document)
        var unshared = ScopeResolver(document: document, tokensKept: 0)
        var partly = ScopeResolver(document: document, tokensKept: 40)
        let expected = Self.tokens(&shared, retokenized: true)
        #expect(expected.joined().count > 100)
        #expect(Self.tokens(&shared) == expected)
        #expect(Self.tokens(&unshared) == expected)
        #expect(Self.tokens(&partly) == expected)
    }

    /// A published text's scopes take the tokens the reader found for its blocks, and they are
    /// those of tokenizing each scope's spans.
    @Test(arguments: ["norrvik-2025-2026.txt", "tallby-medborgarloften-2025.txt", "granby-utkast.md"])
    func readerTokensGiveTheSameTokens(name: String) throws {
        let path = "Tests/PromiseCheckTests/Fixtures/text/\(name)"
        let document = try #require(TextPromiseReader(profile: swedishTestProfile).read(path: path).document)
        let read = try #require(document.tokenizedSpans)
        #expect(read.spans.count > 5)
        var shared = ScopeResolver(document: document)
        var unshared = ScopeResolver(document: document, tokensKept: 0)
        let expected = Self.tokens(&shared, retokenized: true)
        #expect(expected.joined().count > 100)
        #expect(Self.tokens(&shared) == expected)
        #expect(Self.tokens(&unshared) == expected)
    }

    /// Tokens handed over with a document serve the spans they were found for, at the same
    /// place with the same text, and no other: random spans, some at a place the handed-over
    /// tokens have with another text.
    @Test func handedOverTokensServeOnlyTheirOwnSpans() {
        let words = ["Polisen", "ska", "Öka", "e\u{301}n", "2025", "–", "-", ",", " ", "\u{AD}", "ÅR", "ﬁ", ""]
        var generator = SeededGenerator(state: 0x51)
        func text() -> String {
            (0..<Int.random(in: 0...6, using: &generator)).map { _ in words.randomElement(using: &generator)! }
                .joined(separator: Bool.random(using: &generator) ? " " : "")
        }
        for round in 0..<300 {
            let blocks = (0..<Int.random(in: 1...8, using: &generator)).map { line in
                Span(text(), at: SourceLocation(line: line + 2, column: 1))
            }
            var document = Document(path: "p.txt", format: .text)
            document.title = Span(text(), at: SourceLocation(line: 1, column: 1))
            document.sections = [
                Section(role: "commitments", blocks: blocks, location: SourceLocation(line: 2, column: 1))
            ]
            document.commitments = blocks.map {
                Commitment(title: nil, parties: [], spans: [$0], location: $0.location)
            }
            // What the reader tokenized: some of the blocks as they are, some with other text.
            let handed = blocks.filter { _ in Bool.random(using: &generator) }.map { block in
                Bool.random(using: &generator) ? block : Span(text(), at: block.location)
            }
            document.tokenizedSpans = TokenizedSpans(TokenizedText(handed))
            var resolver = ScopeResolver(document: document)
            let expected = Self.tokens(&resolver, retokenized: true)
            #expect(Self.tokens(&resolver) == expected, "round \(round)")
        }
    }
}
