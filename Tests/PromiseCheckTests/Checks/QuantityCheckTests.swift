import PromiseCheck
import Testing

/// A place in the evaluated text.
private func place(_ line: Int, _ column: Int) -> PromiseCheck.SourceLocation {
    PromiseCheck.SourceLocation(line: line, column: column)
}

@Suite struct QuantityCheckTests {
    static let yaml = """
        check: quantity
        with:
          number_words: {en: 1, ett: 1, två: 2, tre: 3, fyra: 4, fem: 5, sex: 6, tio: 10}
          units: [gånger, timmar, procent, "%", stycken, st, tillfällen, per år, /år, per halvår, /halvår]
          markers: [minst, högst, cirka, drygt, upp till, totalt, fler än]
          not_units: [januari, februari, mars, april, maj, juni, juli, augusti, september, oktober, november, december]
        """

    /// The outcome of a quantity check with `yaml`'s parameters plus `extra` on `lines`.
    private func evaluate(_ lines: [String], extra: String = "") throws -> CheckOutcome {
        let check = try CheckRegistry.builtIn.makeCheck(Self.yaml + extra)
        return check.evaluate(.lines(lines), in: Document(path: "test.yaml", format: .yaml))
    }

    @Test(arguments: [
        ("minst fyra trygghetsdialoger", "minst fyra trygghetsdialoger"),
        ("900 timmar per år", "900 timmar per år"),
        ("två stycken/halvår", "två stycken/halvår"),
        ("i 80 procent av fallen", "80 procent"),
        ("minst 4 tillfällen/år", "minst 4 tillfällen/år"),
        ("fyra trygghetsvandringar per år", "fyra trygghetsvandringar per år"),
        ("andelen ska öka till 80% av de tillfrågade", "80%"),
        ("genomföra minst, fyra stycken trygghetsdialoger", "minst, fyra stycken"),
        ("upp till 10 besök", "upp till 10 besök"),
    ])
    func countsAQuantity(text: String, match: String) throws {
        let outcome = try evaluate([text])
        #expect(outcome.fraction == 1)
        #expect(outcome.variables["count"] == "1")
        #expect(outcome.variables["match"] == match)
        #expect(outcome.evidence.map(\.excerpt) == [match])
    }

    @Test(arguments: [
        "regelbunden närvaro",
        "årskurs 6",
        "Delta i 6-årsdagarna",
        "Delta i ”6-års dagarna” som kommunen ordnar",
        "under 2023",
        "22 februari",
        "Internationella brottsofferdagen 22 februari",
        "Fokusområde 1: ANDTS",
        "1. ANDTS = Alkohol, narkotika",
        "totalt 2020",
        "minst 22 februari",
    ])
    func ignoresNumbersThatAreNoQuantity(text: String) throws {
        let outcome = try evaluate([text])
        #expect(outcome.fraction == 0)
        #expect(outcome.variables["count"] == "0")
        #expect(outcome.variables["match"] == nil)
        #expect(outcome.evidence.isEmpty)
        #expect(outcome.reason == "found 0 quantities; 1 needed")
    }

    @Test func reportsEachQuantityWhereItStands() throws {
        let outcome = try evaluate([
            "Vi lovar att genomföra minst fyra trygghetsdialoger.",
            "Polisen avsätter 300 timmar till arbetet.",
        ])
        #expect(outcome.fraction == 1)
        #expect(outcome.variables["count"] == "2")
        #expect(outcome.variables["match"] == "minst fyra trygghetsdialoger")
        #expect(outcome.evidence.map(\.location) == [place(1, 24), place(2, 18)])
        #expect(outcome.evidence.map(\.excerpt) == ["minst fyra trygghetsdialoger", "300 timmar"])
        #expect(outcome.evidence[1].variables["match"] == "300 timmar")
        #expect(outcome.reason == #"found 2 quantities: "minst fyra trygghetsdialoger", "300 timmar"; 1 needed"#)
    }

    @Test func gradesAgainstMin() throws {
        let outcome = try evaluate(["Vi genomför 3 gånger per år en kontroll."], extra: "\n  min: 2")
        #expect(outcome.fraction == 0.25)  // 1 of 2: a shortfall earns under half credit
        #expect(outcome.variables["min"] == "2")
        #expect(outcome.reason == #"found 1 quantity: "3 gånger per år"; 2 needed"#)
    }

    @Test func gapLimitsTheWordsBeforeTheUnit() throws {
        let text = ["fyra stora trygghetsvandringar per år"]
        #expect(try evaluate(text).fraction == 0)
        #expect(try evaluate(text, extra: "\n  gap: 2").variables["match"] == "fyra stora trygghetsvandringar per år")
        #expect(try evaluate(["fyra trygghetsvandringar per år"], extra: "\n  gap: 0").fraction == 0)
        #expect(try evaluate(["fyra gånger"], extra: "\n  gap: 0").fraction == 1)
    }

    @Test func aUnitDoesNotReachIntoTheNextLine() throws {
        #expect(try evaluate(["vi gör fyra", "gånger mer"]).fraction == 0)
    }

    @Test func yearsCountOnlyWithAUnitOrWhenAsked() throws {
        #expect(try evaluate(["under 2023"], extra: "\n  count_years: true").variables["match"] == "2023")
        #expect(try evaluate(["2023 timmar"]).variables["match"] == "2023 timmar")
        #expect(try evaluate(["totalt 2023"], extra: "\n  count_years: true").variables["match"] == "totalt 2023")
    }

    @Test func hostileInputDoesNotCrash() throws {
        #expect(try evaluate([]).fraction == 0)
        #expect(try evaluate([""]).fraction == 0)
        #expect(try evaluate(["% % / - – —"]).fraction == 0)
        let many = (0..<10_000).map(String.init).joined(separator: " ")
        #expect(try evaluate([many]).variables["count"] == "0")
        let counted = (0..<10_000).map { "\($0) gånger" }.joined(separator: ", ")
        #expect(try evaluate([counted]).variables["count"] == "10000")
        let huge = try evaluate(["99999999999999999999 gånger och minst 99999999999999999999999999999"])
        #expect(huge.variables["count"] == "2")
        #expect(huge.variables["match"] == "99999999999999999999 gånger")
    }

    @Test(arguments: [
        ("\n  min: 0", "'min' must be at least 1"),
        ("\n  gap: -1", "'gap' must be at least 0"),
        ("\n  gap: lite", "must be a whole number"),
        ("\n  enheter: [st]", "has no parameter 'enheter'"),
    ])
    func rejectsBadParameters(extra: String, message: String) throws {
        let error = try #require(throws: CheckBuildFailure.self) {
            try CheckRegistry.builtIn.makeCheck(Self.yaml + extra)
        }
        #expect(error.description.contains(message))
    }

    @Test func declaresItsParameters() {
        #expect(QuantityCheck.kind.name == "quantity")
        #expect(
            QuantityCheck.kind.parameters.map(\.name)
                == ["number_words", "units", "markers", "not_units", "gap", "min", "count_years"])
        #expect(QuantityCheck.kind.variables == ["count", "min", "match"])
        #expect(QuantityCheck.kind.parameters.allSatisfy { !$0.summary.isEmpty })
    }
}
