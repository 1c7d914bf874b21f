import Testing

@testable import PromiseCheck

@Suite struct PatternCheckTests {
    @Test func requiredMatchesAreCountedAgainstTheMinimum() throws {
        let check = builtCheck("check: pattern\nwith: {match: '\\d{4}', min: 2}\n")
        let two = try #require(evaluateCheck(check, ["Under 2025 och 2026", "inte 12"]))
        #expect(two.fraction == 1)
        #expect(two.reason == "2 of 2 required matches")
        #expect(two.variables == ["count": "2", "min": "2"])
        #expect(
            two.evidence == [
                Hit(location: pos(1, 7), excerpt: "2025", variables: ["match": "2025"]),
                Hit(location: pos(1, 16), excerpt: "2026", variables: ["match": "2026"]),
            ])
        #expect(two.problems.isEmpty)

        let one = try #require(evaluateCheck(check, ["Under 2025", "och 12"]))
        #expect(one.fraction == 0.25)
        #expect(one.reason == "1 of 2 required matches")
        #expect(one.variables == ["count": "1", "min": "2"])
    }

    @Test func forbiddenMatchesAreProblemsAndFailTheItem() throws {
        let check = builtCheck("check: pattern\nwith: {must_not_match: '(verka|arbeta) för'}\n")
        let found = try #require(evaluateCheck(check, ["Vi ska verka för trygghet", "och Arbeta för mer"]))
        #expect(found.fraction == 0)
        #expect(found.reason == "2 forbidden matches")
        #expect(
            found.problems == [
                Hit(location: pos(1, 8), excerpt: "verka för", variables: ["match": "verka för"]),
                Hit(location: pos(2, 5), excerpt: "Arbeta för", variables: ["match": "Arbeta för"]),
            ])
        let clean = try #require(evaluateCheck(check, ["Vi genomför fyra vandringar"]))
        #expect(clean.fraction == 1)
        #expect(clean.reason == "no forbidden matches")
        #expect(clean.variables == ["count": "0", "min": "1"])
    }

    @Test func requiredAndForbiddenTogether() throws {
        let check = builtCheck("check: pattern\nwith: {match: '\\d+', must_not_match: 'ungefär'}\n")
        let both = try #require(evaluateCheck(check, ["ungefär 4 vandringar"]))
        #expect(both.fraction == 0)
        #expect(both.reason == "1 of 1 required matches; 1 forbidden match")
        #expect(both.evidence.map(\.excerpt) == ["4"])
        #expect(both.problems.map(\.excerpt) == ["ungefär"])
    }

    @Test func caseInsensitiveUnlessAsked() throws {
        let loose = builtCheck("check: pattern\nwith: {match: 'Polisen'}\n")
        #expect(evaluateCheck(loose, ["POLISEN lovar"])?.fraction == 1)
        let strict = builtCheck("check: pattern\nwith: {match: 'Polisen', case_sensitive: true}\n")
        #expect(evaluateCheck(strict, ["POLISEN lovar"])?.fraction == 0)
        #expect(evaluateCheck(strict, ["Polisen lovar"])?.fraction == 1)
    }

    @Test func locationsCountUnicodeScalars() throws {
        let check = builtCheck("check: pattern\nwith: {match: '\\d+'}\n")
        let outcome = try #require(evaluateCheck(check, ["Östra Ekby: 2025", "👍🏽 då 12"]))
        // The thumbs-up is two scalars (four UTF-16 units): "12" is at scalar offset 6.
        #expect(outcome.evidence.map(\.location) == [pos(1, 13), pos(2, 7)])
        #expect(outcome.evidence.map(\.excerpt) == ["2025", "12"])
        // Several matches in one span, each counted on from the one before it.
        let many = try #require(evaluateCheck(check, ["å 1 👍🏽 22 ö 333 é\u{301} 4"]))
        #expect(many.evidence.map(\.location) == [pos(1, 3), pos(1, 8), pos(1, 13), pos(1, 20)])
        #expect(many.evidence.map(\.excerpt) == ["1", "22", "333", "4"])
    }

    @Test func multiLineSpanLocatesEachMatchOnItsLine() throws {
        let check = builtCheck("check: pattern\nwith: {match: '\\d+'}\n")
        let span = Span(
            "från 41 under 2023 till 58",
            lineStarts: [
                Span.LineStart(offset: 0, location: pos(10, 5)), Span.LineStart(offset: 19, location: pos(11, 5)),
            ])
        let item = ScopeItem(kind: .section, location: pos(9, 1), text: TokenizedText([span]))
        let outcome = try #require(check?.evaluate(item, in: blankDocument))
        #expect(outcome.evidence.map(\.location) == [pos(10, 10), pos(10, 19), pos(11, 10)])
    }

    @Test func checkNeedsAPattern() throws {
        let failure = try #require(checkBuildFailure("check: pattern\nwith: {min: 2}\n"))
        expectDiagnostic(
            failure.diagnostics, code: "pack.check-parameters", at: pos(2, 7),
            message: "check 'pattern' needs 'match' or 'must_not_match'")
        let bare = try #require(checkBuildFailure("check: pattern\n"))
        expectDiagnostic(
            bare.diagnostics, code: "pack.check-parameters", at: pos(1, 1),
            message: "check 'pattern' needs 'match' or 'must_not_match'")
    }

    @Test func minimumMustBeAtLeastOne() throws {
        let failure = try #require(checkBuildFailure("check: pattern\nwith: {match: x, min: 0}\n"))
        expectDiagnostic(
            failure.diagnostics, code: "pack.check-parameters", at: pos(2, 23), message: "'min' must be at least 1")
    }

    @Test func regexThatDoesNotCompile() throws {
        let failure = try #require(checkBuildFailure("check: pattern\nwith:\n  must_not_match: '(['\n"))
        expectDiagnostic(
            failure.diagnostics, code: "pack.check-parameters", at: pos(3, 19),
            message: "regular expression '([' in 'must_not_match' does not compile")
        #expect(failure.message == "")
    }

    @Test func wrongParameterTypes() throws {
        let failure = try #require(checkBuildFailure("check: pattern\nwith: {match: [a, b], case_sensitive: ja}\n"))
        #expect(failure.diagnostics.map(\.code) == ["pack.parameter-type", "pack.parameter-type"])
        #expect(failure.diagnostics.map(\.location) == [pos(2, 15), pos(2, 39)])
        #expect(
            failure.diagnostics.map(\.message) == [
                "parameter 'match' of check 'pattern' must be a regular expression string, found a list",
                "parameter 'case_sensitive' of check 'pattern' must be true or false, found 'ja'",
            ])
    }
}
