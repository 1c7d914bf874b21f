import Testing

@testable import PromiseCheck

@Suite struct SourcesCheckTests {
    static func sources(min: Int? = nil) -> String {
        """
        check: sources
        with:
          kinds:
            statistik: [brottsstatistik, anmälda brott]
            enkat: [trygghetsmätning, enkät*]
            dialog: [medborgardialog*, samverkansdialog]
        \(min.map { "  min: \($0)" } ?? "")
        """
    }

    @Test func countsDistinctKindsInOrderOfAppearance() throws {
        let outcome = try #require(
            evaluateCheck(
                builtCheck(Self.sources()),
                ["trygghetsmätning 2024", "brottsstatistik 2022–2024", "anmälda brott i centrum"]))
        #expect(outcome.fraction == 1)
        #expect(outcome.reason == "2 kinds of source (enkat, statistik); 2 needed")
        #expect(outcome.variables == ["count": "2", "kinds": "enkat, statistik", "min": "2"])
        #expect(outcome.evidence.map(\.location) == [pos(1, 1), pos(2, 1), pos(3, 1)])
        #expect(outcome.evidence.map(\.excerpt) == ["trygghetsmätning", "brottsstatistik", "anmälda brott"])
    }

    @Test func twoSourcesOfOneKindCountOnce() throws {
        let outcome = try #require(
            evaluateCheck(builtCheck(Self.sources()), ["brottsstatistik 2023", "Anmälda brott 2024"]))
        #expect(outcome.fraction == 0.25)
        #expect(outcome.reason == "1 kind of source (statistik); 2 needed")
        #expect(outcome.variables["count"] == "1")
    }

    @Test func noSources() throws {
        let outcome = try #require(evaluateCheck(builtCheck(Self.sources()), ["Polisen har sett fler inbrott"]))
        #expect(outcome.fraction == 0)
        #expect(outcome.reason == "0 kinds of source (none); 2 needed")
        #expect(outcome.variables == ["count": "0", "kinds": "none", "min": "2"])
        #expect(outcome.evidence.isEmpty)
    }

    @Test func minimumIsAParameter() throws {
        let check = builtCheck(Self.sources(min: 3))
        let two = try #require(evaluateCheck(check, ["brottsstatistik och enkäten"]))
        #expect(abs(two.fraction - 1.0 / 3) < 1e-12)
        let three = try #require(evaluateCheck(check, ["brottsstatistik, enkäten och medborgardialoger"]))
        #expect(three.fraction == 1)
        #expect(three.variables["kinds"] == "statistik, enkat, dialog")
    }

    @Test func namedGroupedLexicon() throws {
        let kinds = Lexicon(
            name: "kallor",
            entries: [
                try Lexicon.Entry(term: "brottsstatistik", group: "statistik"),
                try Lexicon.Entry(term: "trygghetsmätning", group: "enkat"),
            ])
        let check = builtCheck("check: sources\nwith: {kinds: kallor, min: 1}\n", lexicons: ["kallor": kinds])
        #expect(evaluateCheck(check, ["trygghetsmätningen"])?.fraction == 0)
        #expect(evaluateCheck(check, ["trygghetsmätning"])?.fraction == 1)
    }

    @Test func kindsMustBeGrouped() throws {
        let failure = try #require(checkBuildFailure("check: sources\nwith: {kinds: [brottsstatistik, enkät]}\n"))
        expectDiagnostic(
            failure.diagnostics, code: "pack.check-parameters", at: pos(2, 15),
            message: "lexicon 'kinds' has no groups; 'kinds' needs a grouped lexicon (kind → terms)")
    }

    @Test func kindsAreRequiredAndMinimumIsAtLeastOne() throws {
        let missing = try #require(checkBuildFailure("check: sources\nwith: {min: 2}\n"))
        expectDiagnostic(
            missing.diagnostics, code: "pack.missing-parameter", at: pos(2, 7),
            message: "check 'sources' needs parameter 'kinds' (a grouped lexicon: source kind → terms)")
        let zero = try #require(checkBuildFailure("check: sources\nwith: {kinds: {a: [b]}, min: 0}\n"))
        expectDiagnostic(
            zero.diagnostics, code: "pack.check-parameters", at: pos(2, 30), message: "'min' must be at least 1")
    }
}
