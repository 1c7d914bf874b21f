import Foundation
import Testing

@testable import PromiseCheck

@Suite struct PromiseFileReaderTests {
    /// `line:column text` of each span, for compact comparisons.
    private func placed(_ spans: [Span]) -> [String] {
        spans.map { "\($0.location) \($0.text)" }
    }

    private func placed(_ span: Span?) -> String? {
        span.map { "\($0.location) \($0.text)" }
    }

    /// Where the first occurrence of `word` in `span` stands in the file.
    private func location(
        of word: String, in span: Span?, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> PromiseCheck.SourceLocation? {
        guard let span, let range = span.text.range(of: word) else {
            Issue.record("'\(word)' is not in the span", sourceLocation: sourceLocation)
            return nil
        }
        let offset = span.text.unicodeScalars.distance(from: span.text.startIndex, to: range.lowerBound)
        return span.location(atScalarOffset: offset)
    }

    private func readFullPromise(sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Document {
        let path = promiseFixturePath("full-promise.yaml")
        let result = PromiseFileReader().read(path: path)
        #expect(result.diagnostics.map(\.description) == [], sourceLocation: sourceLocation)
        let document = try #require(result.document, sourceLocation: sourceLocation)
        #expect(document.path == path, sourceLocation: sourceLocation)
        return document
    }

    @Test func metadataOfAFullPromise() throws {
        let document = try readFullPromise()
        #expect(document.format == .yaml)
        #expect(placed(document.title) == "2:9 Ekby – medborgarlöften 2025")
        #expect(placed(document.area) == "3:7 Ekby")
        #expect(placed(document.parties) == ["4:11 Lokalpolisområde Ekby", "4:34 Ekby kommun"])
        #expect(placed(document.status) == "5:9 signed")
        #expect(document.period?.location == pos(6, 9))
        #expect(placed(document.period?.from) == "6:16 2025-01-01")
        #expect(placed(document.period?.to) == "6:32 2026-12-31")
        #expect(document.period?.text == nil)
        #expect(document.notes == [])
    }

    @Test func sectionsKeepTheirRolesInFileOrder() throws {
        let document = try readFullPromise()
        #expect(
            document.sections.map(\.role) == [
                "introduction", "situation", "priorities", "commitments", "follow_up", "evaluation", "expected_effect",
                "revision",
            ])
        #expect(
            document.sections.map(\.location) == [
                pos(7, 1), pos(8, 1), pos(16, 1), pos(17, 1), pos(28, 1), pos(31, 1), pos(35, 1), pos(36, 1),
            ])
        #expect(document.sections.allSatisfy { $0.heading == nil })
        #expect(placed(document.sections[0].blocks) == ["7:15 Polisen och kommunen lovar att arbeta tillsammans."])
        #expect(
            placed(document.sections[1].blocks) == [
                "10:5 Anmälda bostadsinbrott i Östra Ekby ökade från 41 under 2023 till 58 under 2024, mest kvällstid kring Ekby torg.",
                "14:7 brottsstatistik 2022–2024", "15:7 trygghetsmätning 2024",
            ])
        #expect(placed(document.sections[2].blocks) == ["16:14 Trygg stationsmiljö", "16:35 Färre bostadsinbrott"])
        #expect(document.sections[3].blocks.count == 10)
        #expect(
            placed(document.sections[4].blocks) == [
                "29:14 fyra gånger per år", "30:14 kommunens hemsida", "30:33 polisen.se",
            ])
        #expect(
            placed(document.sections[5].blocks) == [
                "32:3 Löftet utvärderas i december 2025.\nResultatet redovisas för kommunstyrelsen\noch på polisen.se."
            ])
        #expect(placed(document.sections[6].blocks) == ["35:18 Färre bostadsinbrott i Östra Ekby."])
        #expect(placed(document.sections[7].blocks) == ["36:11 Löftet kan revideras efter utvärderingen."])
        #expect(
            document.sections(withRoles: ["revision", "introduction"]).map(\.role) == ["introduction", "revision"])
    }

    @Test func commitmentsWithTitlePartiesAndSpans() throws {
        let document = try readFullPromise()
        #expect(document.commitments.count == 2)
        let first = document.commitments[0]
        #expect(first.location == pos(18, 12))  // at its title
        #expect(placed(first.title) == "18:12 Trygghetsvandringar i centrum")
        #expect(placed(first.parties) == ["19:10 polisen", "19:19 kommunen"])
        #expect(
            placed(first.spans) == [
                "18:12 Trygghetsvandringar i centrum",
                "19:10 polisen",
                "19:19 kommunen",
                "21:9 Genomföra trygghetsvandringar i centrum med boende",
                "22:13 minst fyra trygghetsvandringar under 2025",
                "23:11 vår och höst",
            ])
        let second = document.commitments[1]
        #expect(second.location == pos(24, 12))
        #expect(placed(second.title) == "24:12 Trafikkontroller vid skolorna")
        #expect(placed(second.parties) == ["25:9 polisen"])
        #expect(
            placed(second.spans) == [
                "24:12 Trafikkontroller vid skolorna",
                "25:9 polisen",
                "26:15 Kontrollera hastigheten vid skolorna",
                "27:14 minst tolv kontroller per termin",
            ])
        #expect(placed(document.spans(forField: "commitments") ?? []) == placed(first.spans + second.spans))
    }

    @Test func signatoriesInFlowAndBlockStyle() throws {
        let document = try readFullPromise()
        #expect(document.signatories.count == 2)
        let anna = document.signatories[0]
        #expect(anna.location == pos(38, 5))
        #expect(placed(anna.name) == "38:12 Anna Berg")
        #expect(placed(anna.role) == "38:29 Lokalpolisområdeschef")
        #expect(placed(anna.party) == "38:59 polisen")
        #expect(placed(anna.date) == "38:74 2025-01-15")
        #expect(placed(anna.place) == "38:93 Ekby")
        let karl = document.signatories[1]
        #expect(karl.location == pos(39, 5))
        #expect(
            placed(karl.spans) == [
                "39:11 Karl Ek", "40:11 Kommunstyrelsens ordförande", "41:12 kommunen", "42:11 2025-01-16",
            ])
        #expect(karl.place == nil)
    }

    @Test func fieldsForChecks() throws {
        let document = try readFullPromise()
        #expect(document.spans(forField: "area")?.map(\.text) == ["Ekby"])
        #expect(document.spans(forField: "period")?.map(\.text) == ["2025-01-01", "2026-12-31"])
        #expect(document.spans(forField: "expected_effect")?.map(\.text) == ["Färre bostadsinbrott i Östra Ekby."])
        #expect(document.spans(forField: "signatories")?.count == 9)
        #expect(document.spans(forField: "okänd") == [])
        // Reading order: title, then every section's text, then the signatories.
        #expect(document.allSpans.count == 1 + 1 + 3 + 2 + 10 + 3 + 1 + 1 + 1 + 9)
        #expect(document.allSpans.first?.text == "Ekby – medborgarlöften 2025")
    }

    @Test func wordsInBlockScalarsAreLocatedOnTheirOwnLine() throws {
        let document = try readFullPromise()
        let folded = document.sections[1].blocks[0]
        #expect(folded.lineStarts.map(\.location) == [pos(10, 5), pos(11, 5), pos(12, 5)])
        #expect(location(of: "Anmälda", in: folded) == pos(10, 5))
        #expect(location(of: "ökade", in: folded) == pos(10, 41))
        #expect(location(of: "från", in: folded) == pos(11, 5))
        #expect(location(of: "torg", in: folded) == pos(12, 31))

        let literal = document.sections[5].blocks[0]
        #expect(location(of: "december", in: literal) == pos(32, 23))
        #expect(location(of: "kommunstyrelsen", in: literal) == pos(33, 28))
        #expect(location(of: "polisen", in: literal) == pos(34, 10))

        // The same through the tokenizer, as checks see it.
        let text = TokenizedText([folded, literal])
        let torg = try #require(text.tokens.first { text.folded($0) == "torg" })
        #expect(text.location(of: torg) == pos(12, 31))
        let polisen = try #require(text.tokens.first { text.folded($0) == "polisen" })
        #expect(text.location(of: polisen) == pos(34, 10))
    }

    @Test func plainQuotedAndMultiLineScalars() throws {
        let result = readPromiseText(
            """
            promise: 1
            title: 'Ekbys ''trygga'' torg'
            area: "Ekby\\tcentrum"
            introduction: Polisen och kommunen
              lovar att arbeta
              tillsammans i Ekby.
            priorities: ['Trygg skolväg']
            evaluation: >-
              Utvärderas

              i december.

            """)
        #expect(result.diagnostics.map(\.description) == [])
        let document = try #require(result.document)
        // Quoted text with escapes is not as written: every place maps to the value's start.
        let title = try #require(document.title)
        #expect(title.text == "Ekbys 'trygga' torg")
        #expect(!title.isVerbatim)
        #expect(title.location == pos(2, 8))
        #expect(title.location(atScalarOffset: 14) == pos(2, 8))
        let area = try #require(document.area)
        #expect(area.text == "Ekby\tcentrum")
        #expect(area.location == pos(3, 7))
        #expect(!area.isVerbatim)

        let introduction = try #require(document.sections.first?.blocks.first)
        #expect(introduction.text == "Polisen och kommunen lovar att arbeta tillsammans i Ekby.")
        #expect(introduction.lineStarts.map(\.offset) == [0, 21, 38])
        #expect(location(of: "kommunen", in: introduction) == pos(4, 27))
        #expect(location(of: "arbeta", in: introduction) == pos(5, 13))
        #expect(location(of: "Ekby", in: introduction) == pos(6, 17))

        let priority = try #require(document.sections[1].blocks.first)
        #expect(priority.isVerbatim)
        #expect(location(of: "skolväg", in: priority) == pos(7, 21))

        let evaluation = try #require(document.sections[2].blocks.first)
        #expect(evaluation.text == "Utvärderas\ni december.")
        #expect(location(of: "december", in: evaluation) == pos(11, 5))
    }

    @Test func commitmentWrittenAsPlainText() throws {
        let result = readPromiseText("promise: 1\ncommitments:\n  - Trygghetsvandringar varje månad\n")
        let document = try #require(result.document)
        #expect(document.commitments.count == 1)
        #expect(document.commitments[0].title == nil)
        #expect(placed(document.commitments[0].spans) == ["3:5 Trygghetsvandringar varje månad"])
        #expect(document.commitments[0].location == pos(3, 5))
    }

    @Test func periodAsText() throws {
        let result = readPromiseText("promise: 1\nperiod: gäller under 2025–2026\n")
        let period = try #require(result.document?.period)
        #expect(placed(period.text) == "2:9 gäller under 2025–2026")
        #expect(period.from == nil)
        #expect(period.location == pos(2, 9))
    }

    @Test func nullValuesAreNotGivenAndNotErrors() throws {
        let result = readPromiseText("promise: 1\ntitle:\narea: ~\nparties:\ncommitments:\nsignatories: []\n")
        #expect(result.diagnostics.isEmpty)
        let document = try #require(result.document)
        #expect(document.title == nil)
        #expect(document.area == nil)
        #expect(document.parties.isEmpty)
        #expect(document.commitments.isEmpty)
        #expect(document.signatories.isEmpty)
    }

    @Test func draftStatusAddsANote() throws {
        let result = readPromiseText("promise: 1\nstatus: draft\n")
        let document = try #require(result.document)
        #expect(document.status?.text == "draft")
        #expect(document.notes == ["marked as a draft: not yet signed"])
    }

    @Test func unknownKeysAreWarningsAndTheDocumentIsStillRead() throws {
        let result = readPromiseText(
            """
            promise: 1
            area: Ekby
            situaton: Lägesbilden visar fler inbrott.
            commitments:
              - title: Trygghetsvandringar
                targt: minst fyra
            follow_up: {frekvency: varje månad}
            signatories:
              - {name: Anna Berg, roll: Polischef}

            """)
        #expect(result.diagnostics.map(\.code) == Array(repeating: "promise.unknown-key", count: 4))
        #expect(result.diagnostics.allSatisfy { $0.severity == .warning })
        #expect(result.diagnostics.map(\.location) == [pos(3, 1), pos(6, 5), pos(7, 13), pos(9, 23)])
        #expect(
            result.diagnostics.map(\.message) == [
                "unknown key 'situaton' in the promise; did you mean 'situation'?",
                "unknown key 'targt' in a commitment; did you mean 'target'?",
                "unknown key 'frekvency' in 'follow_up'; did you mean 'frequency'?",
                "unknown key 'roll' in a signatory; did you mean 'role'?",
            ])
        #expect(result.diagnostics.allSatisfy { $0.path == "lofte.yaml" })
        let document = try #require(result.document)
        #expect(document.area?.text == "Ekby")
        #expect(document.commitments.map { $0.spans.map(\.text) } == [["Trygghetsvandringar"]])
        #expect(document.sections.map(\.role) == ["commitments", "follow_up"])
    }

    struct BadPromise: CustomTestStringConvertible, Sendable {
        var yaml: String
        var code: String
        var location: PromiseCheck.SourceLocation
        var message: String
        var testDescription: String { message }
    }

    static let badPromises: [BadPromise] = [
        BadPromise(
            yaml: "promise: 1\ncommitments: Trygghetsvandringar i centrum\n", code: "promise.type",
            location: pos(2, 14),
            message: "'commitments' must be a list, found 'Trygghetsvandringar i centrum'"),
        BadPromise(
            yaml: "promise: 1\ncommitments:\n  - title: [Trygghet, Centrum]\n", code: "promise.type",
            location: pos(3, 12),
            message: "'title' of a commitment must be a string, found a list"),
        BadPromise(
            yaml: "promise: 1\nsignatories: {name: Anna Berg}\n", code: "promise.type", location: pos(2, 14),
            message: "'signatories' must be a list, found a mapping"),
        BadPromise(
            yaml: "promise: 1\narea: {namn: Ekby}\n", code: "promise.type", location: pos(2, 7),
            message: "'area' must be a string, found a mapping"),
        BadPromise(
            yaml: "area: Ekby\n", code: "promise.version", location: pos(1, 1),
            message: "missing 'promise: 1' (the format version) at the top of the file"),
        BadPromise(
            yaml: "promise: 2\narea: Ekby\n", code: "promise.version", location: pos(1, 10),
            message: "unsupported promise format version 2; this PromiseCheck reads version 1"),
        BadPromise(
            yaml: "promise: ett\n", code: "promise.type", location: pos(1, 10),
            message: "'promise' (the format version) must be a whole number, found 'ett'"),
        BadPromise(
            yaml: "promise: 1\nstatus: signerad\n", code: "promise.status", location: pos(2, 9),
            message: "'status' must be draft or signed, found 'signerad'; did you mean 'signed'?"),
        BadPromise(
            yaml: "- promise: 1\n", code: "promise.type", location: pos(1, 1),
            message: "a promise file must be a mapping, found a list"),
    ]

    @Test(arguments: badPromises)
    func wrongValuesAreLocatedErrorsAndGiveNoDocument(_ bad: BadPromise) {
        let result = readPromiseText(bad.yaml)
        expectDiagnostic(result.diagnostics, code: bad.code, at: bad.location, message: bad.message, path: "lofte.yaml")
        #expect(result.diagnostics.count == 1, "\(result.diagnostics.map(\.description))")
        #expect(result.document == nil)
    }

    @Test func missingFile() {
        let scratch = ScratchFolder()
        let result = PromiseFileReader().read(path: scratch.path("saknas.yaml"))
        #expect(result.diagnostics.map(\.code) == ["input.not-found"])
        #expect(result.diagnostics.map(\.message) == ["no such file"])
        #expect(result.document == nil)
    }
}
