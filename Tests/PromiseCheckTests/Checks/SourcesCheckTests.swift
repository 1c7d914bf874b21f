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

    /// `SourcesCheck.evaluate` as it was before its parts were left to ``SourcesCheck/Details``:
    /// kinds compared as strings, every part built at once. What the check must agree with.
    static func referenceOutcome(_ check: SourcesCheck, _ item: ScopeItem) -> CheckOutcome {
        let matches = check.matcher.found(in: item.text)
        let entries = check.matcher.lexicon.entries
        var kinds: [String] = []
        for match in matches {
            if let group = entries[match.entry].group, !kinds.contains(group) { kinds.append(group) }
        }
        let listed = kinds.isEmpty ? "none" : kinds.joined(separator: ", ")
        return CheckOutcome(
            fraction: CheckOutcome.shortfall(Double(kinds.count), of: Double(check.minimum)),
            reason: "\(kinds.count) kind\(kinds.count == 1 ? "" : "s") of source (\(listed)); \(check.minimum) needed",
            evidence: matches.map { item.text.hit(covering: $0.tokens) },
            variables: ["count": String(kinds.count), "kinds": listed, "min": String(check.minimum)])
    }

    @Test(arguments: 0..<10)
    func partsAgreeWithTheEagerReference(seed: UInt64) throws {
        var generator = SeededGenerator(state: seed)
        // Two spellings of one group ("é" composed and decomposed) are one kind, as `==` has it.
        let groups = ["statistik", "enkat", "e\u{301}n", "\u{E9}n", "dialog"]
        let terms = ["brott", "enkät*", "dialog", "möte", "mätning", "sam verkan", "*statistik"]
        let words = ["brott", "Brott", "enkäten", "dialog", "möte", "mätning", "sam", "verkan", "statistik", "x", "."]
        for _ in 0..<20 {
            var entries: [Lexicon.Entry] = []
            for (position, term) in terms.shuffled(using: &generator).enumerated() {
                // The first has a group, so the lexicon is grouped; others may have none.
                let grouped = position == 0 || Bool.random(using: &generator)
                let group = grouped ? groups.randomElement(using: &generator) : nil
                entries.append(try Lexicon.Entry(term: term, group: group))
            }
            let lexicon = Lexicon(name: "kallor", entries: entries)
            let yaml = "check: sources\nwith: {kinds: kallor, min: \(Int.random(in: 1...3, using: &generator))}\n"
            let check = try #require(builtCheck(yaml, lexicons: ["kallor": lexicon]) as? SourcesCheck)
            for _ in 0..<5 {
                let lines = (0..<Int.random(in: 1...3, using: &generator)).map { _ in
                    (0..<Int.random(in: 0...8, using: &generator)).map { _ in
                        words.randomElement(using: &generator) ?? "x"
                    }.joined(separator: " ")
                }
                let item = ScopeItem.lines(lines)
                let outcome = check.evaluate(item, in: blankDocument)
                let expected = Self.referenceOutcome(check, item)
                #expect(
                    DeferredOutcomeTests.Parts(outcome) == DeferredOutcomeTests.Parts(expected),
                    "\(entries.map { "\($0.term): \($0.group ?? "-")" }) on \(lines)")
            }
        }
    }
}
