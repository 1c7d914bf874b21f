import PromiseCheck
import Testing

/// A place in the evaluated text.
private func place(_ line: Int, _ column: Int) -> PromiseCheck.SourceLocation {
    PromiseCheck.SourceLocation(line: line, column: column)
}

@Suite struct PeriodCheckTests {
    static let yaml = """
        check: period
        with:
          months: {januari: 1, februari: 2, mars: 3, april: 4, maj: 5, juni: 6, juli: 7, augusti: 8, september: 9, oktober: 10, november: 11, december: 12}
          cues: [gäller, under perioden, medborgarlöfte*, giltig*, tidsram]
          range_words: [till, till och med, och]
        """

    private func evaluate(_ lines: [String], extra: String = "", document: Document? = nil) throws -> CheckOutcome {
        let check = try CheckRegistry.builtIn.makeCheck(Self.yaml + extra)
        return check.evaluate(.lines(lines), in: document ?? Document(path: "test.yaml", format: .yaml))
    }

    /// A document whose structured period has `from`, `to` and `text` on lines 4, 5 and 6.
    private func document(from: String? = nil, to: String? = nil, text: String? = nil) -> Document {
        var document = Document(path: "test.yaml", format: .yaml)
        document.period = Period(
            from: from.map { Span($0, at: place(4, 9), isVerbatim: true) },
            to: to.map { Span($0, at: place(5, 7), isVerbatim: true) },
            text: text.map { Span($0, at: place(6, 9), isVerbatim: true) },
            location: place(3, 1))
        return document
    }

    @Test(arguments: [
        ("Detta medborgarlöfte gäller under 2020.", "2020", "gäller under 2020"),
        ("Medborgarlöftet för 2025", "2025", "Medborgarlöftet för 2025"),
        (
            "Polisen och kommunen kommer under perioden 2023-2024 särskilt fokusera på", "2023–2024",
            "under perioden 2023-2024"
        ),
        ("Medborgarlöfte 2023–24", "2023–2024", "Medborgarlöfte 2023–24"),
        ("Insatser 2019/2020", "2019–2020", "2019/2020"),
        ("Arbetet pågår 2022 och 2023", "2022–2023", "2022 och 2023"),
        ("åren 1999–00", "1999–2000", "1999–00"),
        (
            "Medborgarlöftet gäller från 1 januari 2020 till 31 december 2022", "2020-01-01 – 2022-12-31",
            "gäller från 1 januari 2020 till 31 december 2022"
        ),
        ("2018-07-01—2020-06-30", "2018-07-01 – 2020-06-30", "2018-07-01—2020-06-30"),
        (
            "från och med 1 juli till och med 30 juni 2024", "2023-07-01 – 2024-06-30",
            "1 juli till och med 30 juni 2024"
        ),
        ("Tidsram: januari 2023 – december 2024", "2023-01-01 – 2024-12-31", "Tidsram: januari 2023 – december 2024"),
        ("Medborgarlöftet gäller från 2024-02-29", "2024-02-29 –", "gäller från 2024-02-29"),
        ("Perioden 2020-2024", "2020–2024", "2020-2024"),
    ])
    func findsAPeriod(text: String, period: String, match: String) throws {
        let outcome = try evaluate([text])
        #expect(outcome.fraction == 1)
        #expect(outcome.variables["period"] == period)
        #expect(outcome.variables["match"] == match)
        #expect(outcome.evidence.first?.excerpt == match)
        #expect(outcome.problems.isEmpty)
    }

    @Test func reportsTheBoundsAndWhereThePeriodStands() throws {
        let outcome = try evaluate(["Bakgrund", "Vi arbetar under perioden 2023-2024 med trygghet."])
        #expect(outcome.variables["from"] == "2023")
        #expect(outcome.variables["to"] == "2024")
        #expect(outcome.evidence.map(\.location) == [place(2, 12)])
        #expect(outcome.reason == #"period 2023–2024 ("under perioden 2023-2024")"#)
        let dates = try evaluate(["gäller från 1 januari 2020 till 31 december 2022"])
        #expect(dates.variables["from"] == "2020-01-01")
        #expect(dates.variables["to"] == "2022-12-31")
    }

    @Test(arguments: [
        "Vi följer upp under året",
        "Ifrån Mariehäll har vi fått mycket klagomål om denna typ av brott under 2019.",
        "Ort den 26 oktober 2018",
        "statistik 2023-01",
        "Tryggvedagen den 25 september och brottsofferdagen 22 februari",
        "Det hände 2019. Medborgarlöftet gäller",
        "",
    ])
    func findsNoPeriod(text: String) throws {
        let outcome = try evaluate([text])
        #expect(outcome.fraction == 0)
        #expect(outcome.evidence.isEmpty)
        #expect(outcome.problems.isEmpty)
        #expect(outcome.variables["period"] == nil)
        #expect(outcome.reason == "no validity period found")
    }

    @Test func aCueMustStandInTheSameLineAndWithinTheWindow() throws {
        #expect(try evaluate(["Detta medborgarlöfte gäller", "under 2020"]).fraction == 0)
        let far = ["Medborgarlöftet är framtaget av polisen och kommunen i samverkan under 2021"]
        #expect(try evaluate(far).fraction == 0)
        #expect(try evaluate(far, extra: "\n  window: 10").variables["period"] == "2021")
    }

    @Test func anImpossibleDateFailsEvenBesideAValidPeriod() throws {
        let outcome = try evaluate([
            "Medborgarlöftet gäller under perioden 2023-2024.", "Uppföljning sker 31 juni 2023.",
        ])
        #expect(outcome.fraction == 0)
        #expect(outcome.reason == #"impossible date "31 juni 2023""#)
        #expect(outcome.problems.map(\.location) == [place(2, 18)])
        #expect(outcome.problems.map(\.excerpt) == ["31 juni 2023"])
        #expect(outcome.problems.first?.variables["match"] == "31 juni 2023")
        #expect(outcome.variables["match"] == "31 juni 2023")
        #expect(outcome.variables["period"] == "2023–2024")
    }

    @Test(arguments: [
        ("2023-02-30", "2023-02-30", 1),
        ("Gäller 2023-02-29", "2023-02-29", 8),
        ("Gäller 2023-13-01", "2023-13-01", 8),
        ("den 31 juni", "31 juni", 5),
        ("1 januari 2023 till 31 juni 2023", "31 juni 2023", 21),
        ("29 februari till 31 december 2023", "29 februari", 1),
        ("gäller 0 mars 2024", "0 mars 2024", 8),
    ])
    func impossibleDates(text: String, match: String, column: Int) throws {
        let outcome = try evaluate([text])
        #expect(outcome.fraction == 0)
        #expect(outcome.problems.map(\.excerpt) == [match])
        #expect(outcome.problems.map(\.location) == [place(1, column)])
        #expect(outcome.reason == "impossible date \"\(match)\"")
    }

    @Test func aLeapDayExists() throws {
        #expect(
            try evaluate(["gäller 29 februari 2024 till 28 februari 2026"]).variables["period"]
                == "2024-02-29 – 2026-02-28")
        #expect(try evaluate(["gäller 29 februari 2000 till 2 mars 2000"]).fraction == 1)
        #expect(try evaluate(["gäller 29 februari 1900 till 2 mars 1900"]).fraction == 0)
    }

    @Test func rangesThatAreTooLongOrInvertedAreProblems() throws {
        let long = try evaluate(["Medborgarlöftet gäller 2010-2020"])
        #expect(long.fraction == 0)
        #expect(long.reason == #"period 2010–2020 is longer than 5 years ("gäller 2010-2020")"#)
        #expect(long.problems.map(\.location) == [place(1, 17)])
        #expect(long.problems.first?.variables["period"] == "2010–2020")
        #expect(try evaluate(["Medborgarlöftet gäller 2010-2020"], extra: "\n  max_years: 20").fraction == 1)
        #expect(try evaluate(["2020-01-01 till 2025-01-01"]).fraction == 0)
        #expect(try evaluate(["2020-01-01 till 2024-12-31"]).fraction == 1)
        #expect(try evaluate(["2023-01-01 till 2024-06-30"], extra: "\n  max_years: 1.5").fraction == 1)
        #expect(try evaluate(["2023-01-01 till 2024-07-01"], extra: "\n  max_years: 1.5").fraction == 0)

        let inverted = try evaluate(["Löftet 2024-2022"])
        #expect(inverted.fraction == 0)
        #expect(inverted.reason == #"period 2024–2022 ends before it starts ("2024-2022")"#)
        #expect(inverted.problems.map(\.location) == [place(1, 8)])
    }

    @Test func aValidPeriodPassesBesideAHistoricalRange() throws {
        let outcome = try evaluate(["Brotten ökade 2010-2020.", "Medborgarlöftet gäller 2023-2024."])
        #expect(outcome.fraction == 1)
        #expect(outcome.variables["period"] == "2023–2024")
        #expect(outcome.problems.map(\.excerpt) == ["2010-2020"])
    }

    @Test func structuredDatesPass() throws {
        let outcome = try evaluate([], document: document(from: "2023-01-01", to: "2024-12-31"))
        #expect(outcome.fraction == 1)
        #expect(outcome.variables["period"] == "2023-01-01 – 2024-12-31")
        #expect(outcome.variables["from"] == "2023-01-01")
        #expect(outcome.variables["to"] == "2024-12-31")
        #expect(outcome.evidence.map(\.location) == [place(4, 9)])
        let fromOnly = try evaluate([], document: document(from: "2023-01-01"))
        #expect(fromOnly.variables["period"] == "2023-01-01 –")
        #expect(fromOnly.variables["to"] == nil)
        #expect(try evaluate([], document: document(from: "2023", to: "2024")).variables["period"] == "2023–2024")
    }

    @Test(arguments: [
        ("2025-06-31", "2025-12-31"), ("2025-02-29", "2025-12-31"), ("2025-13-01", "2025-12-31"),
        ("snart", "2025-12-31"), ("2025-01-01", "2025-06-31"),
    ])
    func impossibleStructuredDatesAreProblemsAtTheirSpan(from: String, to: String) throws {
        let outcome = try evaluate([], document: document(from: from, to: to))
        let bad = from == "2025-01-01" ? to : from
        #expect(outcome.fraction == 0)
        #expect(outcome.problems.map(\.excerpt) == [bad])
        #expect(outcome.problems.map(\.location) == [bad == from ? place(4, 9) : place(5, 7)])
        #expect(outcome.problems.first?.variables["match"] == bad)
        #expect(outcome.evidence.isEmpty)
    }

    @Test func structuredFromAfterToIsAProblem() throws {
        let outcome = try evaluate([], document: document(from: "2025-01-01", to: "2024-01-01"))
        #expect(outcome.fraction == 0)
        #expect(outcome.problems.map(\.location) == [place(4, 9)])
        #expect(outcome.reason == #"period 2025-01-01 – 2024-01-01 ends before it starts ("2025-01-01 – 2024-01-01")"#)
    }

    @Test func theStructuredTextNeedsNoCue() throws {
        let outcome = try evaluate([], document: document(text: "2020"))
        #expect(outcome.fraction == 1)
        #expect(outcome.variables["period"] == "2020")
        #expect(outcome.evidence.map(\.location) == [place(6, 9)])
        #expect(try evaluate([], document: document(text: "hela 2023–2024")).variables["period"] == "2023–2024")
        let bad = try evaluate([], document: document(text: "till 31 april 2024"))
        #expect(bad.problems.map(\.location) == [place(6, 14)])
    }

    @Test func aDateReadTwiceIsReportedOnce() throws {
        let check = try CheckRegistry.builtIn.makeCheck(Self.yaml)
        let document = document(from: "2025-06-31")
        let spans = document.period?.spans ?? []
        let item = ScopeItem(kind: .section, location: place(4, 9), text: TokenizedText(spans))
        let outcome = check.evaluate(item, in: document)
        #expect(outcome.problems.map(\.location) == [place(4, 9)])
    }

    @Test func hostileInputDoesNotCrash() throws {
        #expect(try evaluate([]).fraction == 0)
        #expect(try evaluate(["- - / – — 2023- -2024 / /"]).fraction == 0)
        let years = "gäller " + (0..<10_000).map { String(1900 + $0 % 200) }.joined(separator: " ")
        #expect(try evaluate([years]).variables["period"] == "1900")
        let ranges = (0..<10_000).map { _ in "2020-2021" }.joined(separator: " ")
        #expect(try evaluate([ranges]).evidence.count == 10_000)
        let numbers = (0..<10_000).map { String($0 % 1000) }.joined(separator: "-")
        #expect(try evaluate([numbers]).fraction == 0)
        let huge = try evaluate([
            "gäller 99999999999999999999", "99999999999999999999-99999999999999999999-99999999999999999999",
            "31 december 99999999999999999999", "gäller 9999-99-99",
        ])
        #expect(huge.problems.map(\.excerpt) == ["9999-99-99"])
        #expect(try evaluate([], document: document(from: "99999999999999999999", to: "")).fraction == 0)
    }

    @Test(arguments: [
        ("\n  max_years: 0", "'max_years' must be above 0"),
        ("\n  window: -1", "'window' must be at least 0"),
        ("\n  window: 2.5", "must be a whole number"),
        ("\n  tidsram: [x]", "has no parameter 'tidsram'"),
    ])
    func rejectsBadParameters(extra: String, message: String) throws {
        let error = try #require(throws: CheckBuildFailure.self) {
            try CheckRegistry.builtIn.makeCheck(Self.yaml + extra)
        }
        #expect(error.description.contains(message), "\(error.description)")
        let months = try #require(throws: CheckBuildFailure.self) {
            try CheckRegistry.builtIn.makeCheck("check: period\nwith: {months: [januari, februari]}")
        }
        #expect(months.description.contains("month 'januari' of lexicon 'months' needs a month number 1–12"))
    }

    @Test func declaresItsParameters() {
        #expect(PeriodCheck.kind.name == "period")
        #expect(PeriodCheck.kind.parameters.map(\.name) == ["months", "cues", "range_words", "window", "max_years"])
        #expect(PeriodCheck.kind.variables == ["period", "from", "to", "match"])
    }
}
