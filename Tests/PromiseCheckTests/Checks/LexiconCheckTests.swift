import Testing

@testable import PromiseCheck

@Suite struct LexiconCheckTests {
    static let sources = """
        check: lexicon
        with:
          terms: [brottsstatistik, trygghetsmätning, medborgardialog*]
          min: 2
        """

    @Test func countsTermsAgainstTheMinimum() throws {
        let outcome = try #require(
            evaluateCheck(
                builtCheck(Self.sources),
                ["Enligt brottsstatistik och medborgardialogen", "och BROTTSSTATISTIK igen"]))
        #expect(outcome.fraction == 1)
        #expect(outcome.reason == "found 3: \"brottsstatistik\", \"medborgardialogen\"")
        #expect(outcome.variables == ["count": "3", "min": "2"])
        #expect(
            outcome.evidence == [
                Hit(location: pos(1, 8), excerpt: "brottsstatistik", variables: ["match": "brottsstatistik"]),
                Hit(location: pos(1, 28), excerpt: "medborgardialogen", variables: ["match": "medborgardialogen"]),
                Hit(location: pos(2, 5), excerpt: "BROTTSSTATISTIK", variables: ["match": "BROTTSSTATISTIK"]),
            ])
        #expect(outcome.problems.isEmpty)
    }

    @Test func belowTheMinimumIsAShare() throws {
        let check = builtCheck(Self.sources)
        let one = try #require(evaluateCheck(check, ["bara brottsstatistik"]))
        #expect(one.fraction == 0.25)
        #expect(one.reason == "found 1 of 2 needed: \"brottsstatistik\"")
        #expect(!one.passed)
        let none = try #require(evaluateCheck(check, ["inga källor alls"]))
        #expect(none.fraction == 0)
        #expect(none.reason == "found 0 of 2 needed")
        #expect(none.variables == ["count": "0", "min": "2"])
    }

    @Test func defaultMinimumIsOne() throws {
        let check = builtCheck("check: lexicon\nwith: {terms: [trygghet]}\n")
        #expect(evaluateCheck(check, ["ökad trygghet"])?.fraction == 1)
        #expect(evaluateCheck(check, ["ökad otrygghet"])?.fraction == 0)
        #expect(evaluateCheck(check, ["x"])?.variables == ["count": "0", "min": "1"])
    }

    @Test func aboveTheMaximumEveryOccurrenceIsAProblem() throws {
        let check = builtCheck("check: lexicon\nwith: {terms: [verka för, arbeta för], max: 1}\n")
        let three = try #require(evaluateCheck(check, ["Vi ska verka för och arbeta för", "samt verka för"]))
        // Default zero_at is 2 × max + 2 = 4: three occurrences score 1 - 2/3.
        #expect(abs(three.fraction - 1.0 / 3) < 1e-12)
        #expect(three.reason == "found 3, more than 1: \"verka för\", \"arbeta för\"")
        #expect(three.variables == ["count": "3", "min": "0", "max": "1"])
        #expect(three.evidence.isEmpty)
        #expect(three.problems.map(\.location) == [pos(1, 8), pos(1, 22), pos(2, 6)])
        #expect(three.problems.map { $0.variables["match"] } == ["verka för", "arbeta för", "verka för"])

        let one = try #require(evaluateCheck(check, ["Vi ska verka för trygghet"]))
        #expect(one.fraction == 1)
        #expect(one.reason == "found 1: \"verka för\"")
        #expect(one.problems.isEmpty)
        #expect(evaluateCheck(check, ["Vi gör"])?.reason == "found 0")
        #expect(evaluateCheck(check, ["Vi gör"])?.fraction == 1)
    }

    @Test func zeroAtSetsWhereTheFractionReachesZero() throws {
        let check = builtCheck("check: lexicon\nwith: {terms: [verka för], max: 1, zero_at: 5}\n")
        let three = try #require(evaluateCheck(check, ["verka för, verka för, verka för"]))
        #expect(three.fraction == 0.5)
        let six = try #require(evaluateCheck(check, [String](repeating: "verka för", count: 6)))
        #expect(six.fraction == 0)
    }

    @Test func summaryListsAtMostFiveDistinctExcerpts() throws {
        let check = builtCheck("check: lexicon\nwith: {terms: ['*a']}\n")
        let outcome = try #require(evaluateCheck(check, ["Anna Berta Cecilia Dora Eva Frida Anna"]))
        #expect(outcome.reason == "found 7: \"anna\", \"berta\", \"cecilia\", \"dora\", \"eva\", …")
    }

    @Test func numberWordsFillNumberSlots() throws {
        let check = builtCheck(
            """
            check: lexicon
            with:
              terms: ['minst {n} gånger', '{n} %']
              number_words: {fyra: 4, tolv: 12}
            """)
        let outcome = try #require(
            evaluateCheck(check, ["minst fyra gånger per år och minst 3 gånger i månaden, 12 %"]))
        #expect(outcome.variables["count"] == "3")
        #expect(outcome.evidence.map(\.excerpt) == ["minst fyra gånger", "minst 3 gånger", "12 %"])
    }

    @Test func namedLexiconFromThePack() throws {
        let lexicons = ["vaga": termLexicon("vaga", ["verka för", "sträva efter"])]
        let check = builtCheck("check: lexicon\nwith: {terms: vaga, max: 0}\n", lexicons: lexicons)
        let outcome = try #require(evaluateCheck(check, ["Vi ska sträva efter trygghet"]))
        #expect(outcome.fraction == 0.5)
        #expect(outcome.problems.map(\.excerpt) == ["sträva efter"])
    }

    struct BadParameters: Sendable, CustomTestStringConvertible {
        var yaml: String
        var code: String
        var location: PromiseCheck.SourceLocation
        var message: String
        var testDescription: String { message }
    }

    static let badParameters: [BadParameters] = [
        BadParameters(
            yaml: "check: lexicon\nwith: {terms: vga}\n", code: "pack.check-parameters", location: pos(2, 15),
            message: "no lexicon named 'vga'; did you mean 'vaga'?; the pack declares: vaga"),
        BadParameters(
            yaml: "check: lexicon\nwith: {terms: [a], min: 3, max: 2}\n", code: "pack.check-parameters",
            location: pos(2, 33),
            message: "'max' (2) is below 'min' (3)"),
        BadParameters(
            yaml: "check: lexicon\nwith: {terms: [a], max: 2, zero_at: 2}\n", code: "pack.check-parameters",
            location: pos(2, 37), message: "'zero_at' must be above 'max'"),
        BadParameters(
            yaml: "check: lexicon\nwith: {terms: [a], min: -1}\n", code: "pack.check-parameters", location: pos(2, 25),
            message: "'min' must be at least 0"),
        BadParameters(
            yaml: "check: lexicon\nwith: {terms: [trygg, 'a*b']}\n", code: "pack.term", location: pos(2, 23),
            message: "'*' may only start or end a word and '{n}' must stand alone in term 'a*b'"),
        BadParameters(
            yaml: "check: lexicon\nwith: {terms: []}\n", code: "pack.empty", location: pos(2, 15),
            message: "the lexicon has no terms"),
        BadParameters(
            yaml: "check: lexicon\nwith: {terms: [trygghet], mx: 2}\n", code: "pack.unknown-parameter",
            location: pos(2, 27),
            message:
                "check 'lexicon' has no parameter 'mx'; did you mean 'max'?; it takes: terms, number_words, min, max, zero_at"
        ),
        BadParameters(
            yaml: "check: lexicon\nwith: {terms: 12.5}\n", code: "pack.check-parameters", location: pos(2, 15),
            message: "no lexicon named '12.5'; the pack declares: vaga"),
    ]

    @Test(arguments: badParameters)
    func badParametersAreLocated(_ bad: BadParameters) throws {
        let failure = try #require(
            checkBuildFailure(bad.yaml, lexicons: ["vaga": termLexicon("vaga", ["verka för"])]))
        expectDiagnostic(failure.diagnostics, code: bad.code, at: bad.location, message: bad.message, path: "<test>")
        #expect(failure.diagnostics.count == 1)
    }
}
