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
}
