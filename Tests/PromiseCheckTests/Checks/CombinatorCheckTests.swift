import Testing

@testable import PromiseCheck

@Suite struct CombinatorCheckTests {
    /// Two nested checks: at least two words (present), and a number (pattern).
    static func combined(_ kind: String) -> String {
        """
        check: \(kind)
        with:
          checks:
            - {check: present, with: {min_words: 4}}
            - {check: pattern, with: {match: '\\d+'}}
        """
    }

    @Test func allPassesWhenEveryCheckPasses() throws {
        let check = builtCheck(Self.combined("all"))
        let passing = try #require(evaluateCheck(check, ["Vi ses under hösten 2025"]))
        #expect(passing.fraction == 1)
        #expect(passing.reason == "the document is stated (4 words); 1 of 1 required matches")
        #expect(passing.evidence.map(\.excerpt) == ["2025"])
        #expect(passing.variables == ["field": "document", "count": "4", "min": "4"])
    }

    @Test func allTakesTheLowestFractionAndExplainsTheFailures() throws {
        let check = builtCheck(Self.combined("all"))
        let half = try #require(evaluateCheck(check, ["Vi ses 2025"]))
        #expect(half.fraction == 0.25)
        #expect(half.reason == "the document has 2 words; 4 needed")
        let none = try #require(evaluateCheck(check, ["Vi ses snart igen"]))
        #expect(none.fraction == 0)
        #expect(none.reason == "0 of 1 required matches")
    }

    @Test func allReportsOnlyTheFailingChecksProblems() throws {
        let check = builtCheck(
            """
            check: all
            with:
              checks:
                - {check: present, with: {min_words: 1}}
                - {check: not, with: {check: {check: lexicon, with: {terms: [verka för]}}}}
            """)
        let vague = try #require(evaluateCheck(check, ["Vi ska verka för trygghet"]))
        #expect(vague.fraction == 0)
        #expect(vague.reason == "not (found 1: \"verka för\")")
        #expect(vague.problems.map(\.excerpt) == ["verka för"])
        let plain = try #require(evaluateCheck(check, ["Vi ska arbeta med trygghet"]))
        #expect(plain.fraction == 1)
        #expect(plain.problems.isEmpty)
        #expect(plain.reason.hasPrefix("the document is stated (5 words); "))
    }

    @Test func anyPassesWhenOneCheckPasses() throws {
        let check = builtCheck(Self.combined("any"))
        let one = try #require(evaluateCheck(check, ["Vi ses snart igen"]))
        #expect(one.fraction == 1)
        #expect(one.reason == "the document is stated (4 words)")
        #expect(one.problems.isEmpty)
    }

    @Test func anyGivesTheFirstPassingChecksReasonWhenSeveralPass() throws {
        let check = builtCheck(Self.combined("any"))
        let both = try #require(evaluateCheck(check, ["Vi ses under hösten 2025"]))
        #expect(both.fraction == 1)
        #expect(both.reason == "the document is stated (4 words)")
        #expect(both.evidence.isEmpty)
    }

    @Test func anyTakesTheHighestFractionWhenNonePasses() throws {
        let check = builtCheck(Self.combined("any"))
        let none = try #require(evaluateCheck(check, ["Vi ses"]))
        #expect(none.fraction == 0.25)
        #expect(none.reason == "the document has 2 words; 4 needed; 0 of 1 required matches")
    }

    @Test func notInvertsAndReportsWhatTheInnerCheckFound() throws {
        let check = builtCheck(
            """
            check: not
            with:
              check: {check: lexicon, with: {terms: [verka för, arbeta för]}}
            """)
        let vague = try #require(evaluateCheck(check, ["Vi ska verka för trygghet"]))
        #expect(vague.fraction == 0)
        #expect(vague.reason == "not (found 1: \"verka för\")")
        #expect(vague.problems == [Hit(location: pos(1, 8), excerpt: "verka för", variables: ["match": "verka för"])])
        #expect(vague.evidence.isEmpty)
        #expect(vague.variables == ["count": "1", "min": "1"])

        let concrete = try #require(evaluateCheck(check, ["Vi genomför fyra vandringar"]))
        #expect(concrete.fraction == 1)
        #expect(concrete.reason == "not (found 0 of 1 needed)")
        #expect(concrete.problems.isEmpty)
    }

    @Test func notOfAPartialOutcome() throws {
        let check = builtCheck("check: not\nwith: {check: {check: present, with: {min_words: 4}}}\n")
        #expect(evaluateCheck(check, ["ett ord"])?.fraction == 0.75)
        #expect(evaluateCheck(check, ["ett"])?.fraction == 0.875)
    }

    @Test func combinatorsNest() throws {
        let check = builtCheck(
            """
            check: all
            with:
              checks:
                - check: any
                  with:
                    checks:
                      - {check: pattern, with: {match: '\\d+'}}
                      - {check: lexicon, with: {terms: [fyra, tolv]}}
                - check: not
                  with: {check: {check: lexicon, with: {terms: [ungefär]}}}
            """)
        #expect(evaluateCheck(check, ["fyra vandringar"])?.fraction == 1)
        #expect(evaluateCheck(check, ["12 vandringar"])?.fraction == 1)
        #expect(evaluateCheck(check, ["ungefär 12 vandringar"])?.fraction == 0)
        #expect(evaluateCheck(check, ["några vandringar"])?.fraction == 0)
    }

    @Test func emptyListOfChecks() throws {
        let failure = try #require(checkBuildFailure("check: any\nwith: {checks: []}\n"))
        expectDiagnostic(
            failure.diagnostics, code: "pack.check-parameters", at: pos(2, 16),
            message: "'checks' must list at least one check")
    }

    @Test func problemInANestedCheckIsReportedOnce() throws {
        let failure = try #require(
            checkBuildFailure("check: all\nwith:\n  checks:\n    - {check: lexicon, with: {trems: [a]}}\n"))
        #expect(failure.diagnostics.map(\.code) == ["pack.unknown-parameter", "pack.missing-parameter"])
        #expect(failure.diagnostics.map(\.location) == [pos(4, 31), pos(4, 30)])
        #expect(
            failure.diagnostics.first?.message.hasPrefix(
                "check 'lexicon' has no parameter 'trems'; did you mean 'terms'?") == true)
    }

    @Test func unknownNestedKind() throws {
        let failure = try #require(checkBuildFailure("check: not\nwith: {check: {check: lexikon}}\n"))
        let diagnostic = try #require(onlyDiagnostic("pack.unknown-check", in: failure.diagnostics))
        #expect(diagnostic.location == pos(2, 23))
        #expect(diagnostic.message.hasPrefix("unknown check kind 'lexikon'; did you mean 'lexicon'?"))
    }

    @Test func nestedCheckMustBeAMapping() throws {
        let failure = try #require(checkBuildFailure("check: not\nwith: {check: {with: {}}}\n"))
        expectDiagnostic(
            failure.diagnostics, code: "pack.check-parameters", at: pos(2, 15),
            message: "a nested check must be a mapping with 'check:' and optional 'with:'")
    }

    @Test func unknownKeyInANestedCheckDoesNotStopBuilding() throws {
        let check = try CheckRegistry.builtIn.makeCheck("check: not\nwith: {check: {check: present, whit: {}}}\n")
        #expect(evaluateCheck(check, ["ord"])?.fraction == 0)
    }
}
