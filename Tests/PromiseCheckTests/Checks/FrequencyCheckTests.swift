import PromiseCheck
import Testing

/// A place in the evaluated text.
private func place(_ line: Int, _ column: Int) -> PromiseCheck.SourceLocation {
    PromiseCheck.SourceLocation(line: line, column: column)
}

@Suite struct FrequencyCheckTests {
    static let frequencies = """
        check: frequency
        with:
          frequencies:
            varje vecka: 52
            veckovis: 52
            per vecka: 52
            varje fredag: 52
            varannan vecka: 26
            varje månad: 12
            per månad: 12
            kvartalsvis: 4
            varje kvartal: 4
            varje tertial: 3
            varje halvår: 2
            per halvår: 2
            per termin: 2
            varje år: 1
            årligen: 1
            per år: 1
            /år: 1
            vartannat år: 0.5
            "{n} gånger per år": 1
            "{n} gånger under året": 1
            "vid {n} tillfällen": 1
            "{n} stycken/halvår": 2
          number_words: {en: 1, två: 2, tre: 3, fyra: 4, fem: 5, sex: 6}
          vague: [kontinuerligt, regelbundet, löpande, återkommande, fortlöpande, vid behov]
          months: {januari: 1, februari: 2, mars: 3, april: 4, maj: 5, juni: 6, juli: 7, augusti: 8, september: 9, oktober: 10, november: 11, december: 12}
        """

    private func evaluate(_ lines: [String], extra: String = "") throws -> CheckOutcome {
        let check = try CheckRegistry.builtIn.makeCheck(Self.frequencies + extra)
        return check.evaluate(.lines(lines), in: Document(path: "test.yaml", format: .yaml))
    }

    @Test(arguments: [
        ("Vi träffas varje vecka", "52", "varje vecka"),
        ("Möten hålls varannan vecka", "26", "varannan vecka"),
        ("Rapporteras kvartalsvis till styrgruppen", "4", "kvartalsvis"),
        ("Uppföljning sker varje tertial", "3", "varje tertial"),
        ("Två möten per termin", "2", "per termin"),
        ("Löftet utvärderas årligen", "1", "årligen"),
        ("En enkät vartannat år", "0.5", "vartannat år"),
        ("Minst fyra gånger under året kommer vi att berätta", "4", "fyra gånger under året"),
        ("Utskicket ska ske vid 6 tillfällen", "6", "vid 6 tillfällen"),
        ("trygghetsinventeringar, två stycken/halvår, där", "4", "två stycken/halvår"),
        ("Arbetet följs upp i december 2025", "1", "december 2025"),
        ("Rapport den 15 mars 2024", "1", "15 mars 2024"),
        ("tre gånger per år", "3", "tre gånger per år"),
    ])
    func readsTimesAYear(text: String, perYear: String, match: String) throws {
        let outcome = try evaluate([text])
        #expect(outcome.fraction == 1)
        #expect(outcome.variables["per_year"] == perYear)
        #expect(outcome.variables["frequency"] == match)
        #expect(outcome.variables["match"] == match)
        #expect(outcome.problems.isEmpty)
    }

    @Test func vagueWordsAreTheProblemWhenNoFrequencyIsFound() throws {
        let outcome = try evaluate([
            "Medborgarlöftena följs upp", "Arbetet utvärderas kontinuerligt under året och vid behov.",
        ])
        #expect(outcome.fraction == 0)
        #expect(outcome.evidence.isEmpty)
        #expect(outcome.problems.map(\.excerpt) == ["kontinuerligt", "vid behov"])
        #expect(outcome.problems.map(\.location) == [place(2, 20), place(2, 49)])
        #expect(outcome.variables["match"] == "kontinuerligt")
        #expect(outcome.variables["per_year"] == "0")
        #expect(outcome.variables["frequency"] == nil)
        #expect(outcome.reason == #"no frequency found; vague: "kontinuerligt", "vid behov""#)
    }

    @Test(arguments: ["under året", "löpande", "i december", "31 juni 2025", ""])
    func findsNoFrequency(text: String) throws {
        let outcome = try evaluate([text])
        #expect(outcome.fraction == 0)
        #expect(outcome.evidence.isEmpty)
        if text.isEmpty { #expect(outcome.reason == "no frequency found") }
    }

    @Test func theHighestFrequencyCounts() throws {
        let outcome = try evaluate(["Vi rapporterar årligen och", "träffas varje vecka i samverkan."])
        #expect(outcome.variables["per_year"] == "52")
        #expect(outcome.evidence.map(\.excerpt) == ["årligen", "varje vecka"])
        #expect(outcome.evidence.map(\.location) == [place(1, 16), place(2, 9)])
        #expect(outcome.evidence.map { $0.variables["per_year"] } == ["1", "52"])
        #expect(outcome.reason == #"52 times a year ("varje vecka")"#)
    }

    @Test func gradesBelowTheMinimum() throws {
        let low = try evaluate(["Möte per termin"], extra: "\n  min_per_year: 4")
        #expect(low.fraction == 0.25)  // below the minimum: under half credit
        #expect(low.variables["min"] == "4")
        #expect(low.variables["per_year"] == "2")
        #expect(low.problems.isEmpty)
        #expect(low.reason == #"2 times a year ("per termin"), below the 4 needed"#)
        let enough = try evaluate(["Möte kvartalsvis"], extra: "\n  min_per_year: 4")
        #expect(enough.fraction == 1)
        #expect(enough.reason == #"4 times a year ("kvartalsvis"); 4 needed"#)
        #expect(try evaluate(["vartannat år"], extra: "\n  min_per_year: 1.5").variables["min"] == "1.5")
        #expect(try evaluate(["Löftet följs upp årligen"]).reason == #"1 time a year ("årligen")"#)
    }

    @Test func aZeroFrequencyDoesNotPass() throws {
        #expect(try evaluate(["0 gånger per år"]).fraction == 0)
    }

    @Test func monthsAreOptional() throws {
        let yaml = """
            check: frequency
            with:
              frequencies: {årligen: 1}
            """
        let check = try CheckRegistry.builtIn.makeCheck(yaml)
        let outcome = check.evaluate(.lines(["följs upp i december 2025"]), in: Document(path: "t", format: .text))
        #expect(outcome.fraction == 0)
    }

    @Test func hostileInputDoesNotCrash() throws {
        #expect(try evaluate([]).fraction == 0)
        let many = (0..<10_000).map { "\($0) gånger per år" }.joined(separator: ", ")
        let manyOutcome = try evaluate([many])
        #expect(manyOutcome.variables["per_year"] == "9999")
        #expect(manyOutcome.evidence.count == 10_000)
        let huge = try evaluate(["99999999999999999999 gånger per år", "december 99999999999999999999"])
        #expect(huge.fraction == 1)
        #expect(huge.variables["per_year"] == "1e+20")
        #expect(huge.evidence.count == 1)
    }

    @Test(arguments: [
        (
            "check: frequency\nwith: {vague: [kontinuerligt]}",
            "check 'frequency' needs parameter 'frequencies'"
        ),
        (
            "check: frequency\nwith: {frequencies: [varje vecka, årligen]}",
            "term 'varje vecka' of lexicon 'frequencies' has no value"
        ),
        (
            "check: frequency\nwith: {frequencies: {årligen: -1}}",
            "times a year cannot be negative"
        ),
        (
            "check: frequency\nwith: {frequencies: {årligen: 1}, min_per_year: -1}",
            "'min_per_year' must be at least 0"
        ),
        (
            "check: frequency\nwith: {frequencies: {årligen: 1}, months: [januari]}",
            "month 'januari' of lexicon 'months' needs a month number 1–12"
        ),
        (
            "check: frequency\nwith: {frequencies: {årligen: 1}, months: {januari: 13}}",
            "needs a month number 1–12"
        ),
        (
            "check: frequency\nwith: {frequencies: frekvenser}",
            "no lexicon named 'frekvenser'"
        ),
    ])
    func rejectsBadParameters(yaml: String, message: String) throws {
        let error = try #require(throws: CheckBuildFailure.self) { try CheckRegistry.builtIn.makeCheck(yaml) }
        #expect(error.description.contains(message), "\(error.description)")
    }

    @Test func usesANamedLexicon() throws {
        let lexicon = Lexicon(name: "frekvenser", entries: [try Lexicon.Entry(term: "varje vecka", value: 52)])
        let check = try CheckRegistry.builtIn.makeCheck(
            "check: frequency\nwith: {frequencies: frekvenser}", lexicons: ["frekvenser": lexicon])
        let outcome = check.evaluate(.lines(["varje vecka"]), in: Document(path: "t", format: .text))
        #expect(outcome.variables["per_year"] == "52")
    }

    @Test func declaresItsParameters() {
        #expect(FrequencyCheck.kind.name == "frequency")
        #expect(
            FrequencyCheck.kind.parameters.map(\.name) == [
                "frequencies", "number_words", "vague", "months", "min_per_year",
            ])
        #expect(FrequencyCheck.kind.parameters.filter(\.isRequired).map(\.name) == ["frequencies"])
        #expect(FrequencyCheck.kind.variables == ["per_year", "frequency", "min", "match"])
    }
}
