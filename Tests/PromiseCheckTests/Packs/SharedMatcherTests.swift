import Testing

@testable import PromiseCheck

/// Checks whose parameters name the same declared lexicons (and the same declared number words)
/// share one compiled matcher; any other pair of matchers is made apart, and every matcher finds
/// what a matcher made for its check alone finds.
@Suite struct SharedMatcherTests {
    static let pack = """
        pack: provpack
        categories: {grund: Förankring}
        lexicons: {ord: lexikon/ord.yaml, samma: lexikon/samma.yaml, tal: lexikon/tal.yaml}
        rules:
          - {id: a, title: A, category: grund, severity: info, weight: 1, message: m,
             check: lexicon, with: {terms: ord}}
          - {id: b, title: B, category: grund, severity: info, weight: 1, message: m,
             check: lexicon, with: {terms: ord, min: 2}}
          - {id: c, title: C, category: grund, severity: info, weight: 1, message: m,
             check: lexicon, with: {terms: ord, number_words: tal}}
          - {id: d, title: D, category: grund, severity: info, weight: 1, message: m,
             check: any, with: {checks: [{check: lexicon, with: {terms: ord, number_words: tal}}]}}
          - {id: e, title: E, category: grund, severity: info, weight: 1, message: m,
             check: lexicon, with: {terms: ['{n} gånger', trygghet]}}
          - {id: f, title: F, category: grund, severity: info, weight: 1, message: m,
             check: lexicon, with: {terms: samma}}
          - {id: g, title: G, category: grund, severity: info, weight: 1, message: m,
             check: lexicon, with: {terms: ['{n} gånger', trygghet], number_words: tal}}
        """

    static let files = [
        "lexikon/ord.yaml": "terms: ['{n} gånger', trygghet]\n",
        "lexikon/samma.yaml": "terms: ['{n} gånger', trygghet]\n",
        "lexikon/tal.yaml": "values: {tolv: 12, två: 2}\n",
    ]

    static func matchers() throws -> (matchers: [String: PhraseMatcher], pack: RulePack) {
        let (result, _) = loadScratchPack(yaml: pack, files: files)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        let pack = try #require(result.pack)
        var matchers: [String: PhraseMatcher] = [:]
        for rule in pack.rules {
            let check = (rule.check as? AnyCheck)?.checks[0] ?? rule.check
            matchers[rule.id] = try #require((check as? LexiconCheck)?.matcher)
        }
        return (matchers, pack)
    }

    @Test func checksOfTheSameDeclaredLexiconsShareOneMatcher() throws {
        let (matchers, _) = try Self.matchers()
        let index = matchers.mapValues(\.compiled)
        #expect(index["a"] === index["b"])
        #expect(index["c"] === index["d"])
        // Other number words, inline terms, another declared lexicon: each its own.
        let apart: [(String, String)] = [("a", "c"), ("a", "e"), ("a", "f"), ("e", "g"), ("c", "g"), ("a", "g")]
        for (one, other) in apart {
            #expect(index[one] !== index[other], "\(one) and \(other) share a matcher")
        }
    }

    @Test func sharedMatchersFindWhatTheirOwnWould() throws {
        let (matchers, pack) = try Self.matchers()
        let numberWords = try #require(pack.lexicons["tal"]).wordValues
        let ownNumberWords: Set = ["c", "d", "g"]
        let text = TokenizedText([verbatimSpan("Tolv gånger, 3 gånger och två gånger ökad trygghet.")])
        for (id, matcher) in matchers {
            let own = PhraseMatcher(matcher.lexicon, numberWords: ownNumberWords.contains(id) ? numberWords : [:])
            #expect(matcher.matches(in: text) == own.matches(in: text), "rule \(id)")
        }
        // The number words count only where the check names them.
        #expect(matchers["a"]?.matches(in: text).count == 2)
        #expect(matchers["c"]?.matches(in: text).count == 4)
    }

    /// Matchers without number words share one empty table of them: they read digits alone.
    @Test func matchersWithoutNumberWordsReadOnlyDigits() {
        let text = TokenizedText([verbatimSpan("tolv 7 två")])
        for matcher in [PhraseMatcher(termLexicon("prov", ["x"])), PhraseMatcher(termLexicon("annan", ["y"]))] {
            #expect(text.tokens.map { matcher.numberValue(of: $0, in: text) } == [nil, 7, nil])
        }
    }
}
