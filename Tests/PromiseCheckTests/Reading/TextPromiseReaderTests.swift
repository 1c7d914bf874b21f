import Foundation
import Testing

@testable import PromiseCheck

// MARK: - Helpers shared by the text and Markdown reader tests

/// A small Swedish profile for the tests; the shipped pack holds the full language.
let swedishTestProfile = TextReadingProfile(
    sectionPatterns: [
        ("introduction", ["^inledning$", "^om (polisens )?medborgarlöften?$"]),
        ("situation", ["^situationen idag$", "^bakgrund$", "^lägesbild( .{1,40})?$"]),
        ("priorities", ["^fokusområden?$"]),
        (
            "commitments",
            [
                "^det här ska (vi|[^.]{1,60}) göra( tillsammans)?$", "^medborgarlöften?( \\d{4}([–-]\\d{2,4})?)?$",
                "^(polisen|kommunen)( och (polisen|kommunen))? (ska|kommer( tillsammans)? att|lovar att)$",
            ]
        ),
        ("expected_effect", ["^förväntad effekt$"]),
        ("follow_up", ["^följ med i hur det går$", "^uppföljning$"]),
        ("signatures", ["^ort och datum$", "^underskrifter$"]),
    ].map { (role: $0.0, regexes: TextReadingProfile.regexes($0.1)) },
    titleArea: TextReadingProfile.regexes([
        "^(?:[^,]*,\\s*)?(?<area>[^,–-]+?)\\s*[–-]\\s*medborgarlöften?\\b",
        "^medborgarlöften? (?:för|i) (?<area>\\p{L}[\\p{L} -]*?)(?:\\s+\\d{4}.*)?$",
    ]),
    bodyArea: TextReadingProfile.regexes(["(?-i)\\b(?<area>\\p{Lu}[\\p{L}-]+?)s?\\s+[Kk]ommuns?\\b"]),
    parties: groupedMatcher(
        "parties",
        [
            ("polis", ["polisen", "polisens", "polis", "lokalpolisområde*"]),
            ("kommun", ["kommunen", "kommunens", "kommun"]), ("tillsammans", ["vi ska", "parterna"]),
        ]),
    signatoryRoles: groupedMatcher(
        "signatory_roles",
        [
            ("polis", ["lokalpolisområdeschef", "chef lokalpolisområde*", "kommunpolis"]),
            ("kommun", ["kommunstyrelsens ordförande", "kommundirektör"]),
        ]),
    unsignedMarkers: TextReadingProfile.regexes(["^ort och datum[\\s._]*$"]))

/// A matcher for a grouped lexicon written inline.
func groupedMatcher(_ name: String, _ groups: [(String, [String])]) -> PhraseMatcher {
    var entries: [Lexicon.Entry] = []
    for (group, terms) in groups {
        for term in terms {
            if let entry = try? Lexicon.Entry(term: term, group: group) { entries.append(entry) }
        }
    }
    return PhraseMatcher(Lexicon(name: name, entries: entries))
}

/// `line:column text`, for compact comparisons.
func located(_ span: Span?) -> String? {
    span.map { "\($0.location) \($0.text)" }
}

func located(_ spans: [Span]) -> [String] {
    spans.map { "\($0.location) \($0.text)" }
}

/// Where the first occurrence of `word` in `span` stands in the file.
func location(
    of word: String, in span: Span?, sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> PromiseCheck.SourceLocation? {
    guard let span, let range = span.text.range(of: word) else {
        Issue.record("'\(word)' is not in the span", sourceLocation: sourceLocation)
        return nil
    }
    return span.location(
        atScalarOffset: span.text.unicodeScalars.distance(
            from: span.text.unicodeScalars.startIndex, to: range.lowerBound))
}

let textFixturesFolder = promiseFixturesFolder.appendingPathComponent("text")

/// Reads a fixture under `Fixtures/text/`, expecting no diagnostics.
func readTextFixture(
    _ name: String, profile: TextReadingProfile = swedishTestProfile,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws -> Document {
    let result = TextPromiseReader(profile: profile).read(path: textFixturesFolder.appendingPathComponent(name).path)
    #expect(result.diagnostics.map(\.description) == [], sourceLocation: sourceLocation)
    return try #require(result.document, sourceLocation: sourceLocation)
}

/// Reads `text` as plain text (or Markdown) saved at `path`.
func readText(
    _ text: String, path: String = "01.txt", format: Document.Format = .text,
    profile: TextReadingProfile = swedishTestProfile
) -> PromiseFileReader.Result {
    TextPromiseReader(profile: profile).read(Array(text.utf8), path: path, format: format)
}

@Suite struct TextPromiseReaderTests {
    /// The party groups of `spans`, as the test profile's lexicon names them.
    private func partyGroups(_ spans: [Span]) -> Set<String> {
        Set(swedishTestProfile.parties?.matches(in: TokenizedText(spans)).compactMap(\.entry.group) ?? [])
    }

    // MARK: The police's standard template

    @Test func standardTemplateHasTitleAreaAndSectionsInOrder() throws {
        let document = try readTextFixture("tallby-medborgarloften-2025.txt")
        #expect(document.format == .text)
        #expect(located(document.title) == "1:1 Tallby – medborgarlöften 2025")
        #expect(located(document.area) == "1:1 Tallby")
        #expect(document.areaSource == .title)
        #expect(
            document.sections.map(\.role) == [
                "introduction", "situation", "commitments", "expected_effect", "follow_up",
            ])
        #expect(
            document.sections.map { located($0.heading) } == [
                nil, "5:1 Situationen idag", "9:1 Det här ska vi göra", "21:1 Förväntad effekt",
                "25:1 Följ med i hur det går",
            ])
        #expect(document.sections.map(\.location) == [pos(3, 1), pos(5, 1), pos(9, 1), pos(21, 1), pos(25, 1)])
        #expect(
            located(document.sections[0].blocks) == [
                "3:1 Lokalpolisområde Tallby och Tallby kommun lovar invånarna att arbeta tillsammans mot det som gör centrum och skolvägarna otrygga."
            ])
        #expect(document.notes == ["area 'Tallby' taken from the title"])
        #expect(document.signatories.isEmpty)
    }

    @Test func standardTemplateCommitmentsHaveSubHeadingsAndParties() throws {
        let document = try readTextFixture("tallby-medborgarloften-2025.txt")
        let commitments = document.commitments
        #expect(
            commitments.map { $0.spans.last?.text } == [
                "Polisen gör riktade kontroller vid busstationen varje fredag och lördag kväll från juni till augusti.",
                "Kommunen byter belysningen i gångtunneln vid busstationen före den 1 oktober 2025.",
                "Polisen och kommunen gör tillsammans fyra trafikkontroller per termin vid Tallbyskolan.",
            ])
        #expect(commitments.map(\.location) == [pos(13, 5), pos(15, 5), pos(19, 5)])
        #expect(
            commitments.map { located($0.title) } == [
                "11:1 Trygg busstation", "11:1 Trygg busstation", "17:1 Säkrare skolvägar",
            ])
        // A sub-heading is part of the text of the first commitment under it only.
        #expect(commitments.map { $0.spans.count } == [2, 1, 2])
        #expect(located(commitments[0].spans[0]) == "11:1 Trygg busstation")
        #expect(
            commitments.map { located($0.parties) } == [
                ["13:5 Polisen"], ["15:5 Kommunen"], ["19:5 Polisen", "19:17 kommunen"],
            ])
        // The sub-headings are text of the section too.
        #expect(
            document.sections[2].blocks.map(\.text).filter { !$0.hasSuffix(".") } == [
                "Trygg busstation", "Säkrare skolvägar",
            ])
    }

    @Test func wordsOfAContinuedListItemAreLocatedOnTheirOwnLine() throws {
        let document = try readTextFixture("tallby-medborgarloften-2025.txt")
        let item = document.commitments[0].spans.last
        #expect(location(of: "Polisen", in: item) == pos(13, 5))
        #expect(location(of: "lördag", in: item) == pos(13, 70))
        #expect(location(of: "kväll", in: item) == pos(14, 5))
        #expect(location(of: "augusti", in: item) == pos(14, 26))
    }

    // MARK: The newer layout

    @Test func newerLayoutHasABlockPerParty() throws {
        let document = try readTextFixture("norrvik-2025-2026.txt")
        #expect(located(document.title) == "1:1 Medborgarlöfte för Norrvik 2025–2026")
        #expect(located(document.area) == "1:20 Norrvik")
        #expect(document.areaSource == .title)
        #expect(
            document.sections.map(\.role) == [
                "situation", "situation", "priorities", "commitments", "commitments", "commitments", "commitments",
            ])
        #expect(
            document.sections.map { $0.heading?.text } == [
                "Bakgrund", "Lägesbild Norrvik", "Fokusområden", "Medborgarlöfte 2025–2026", "Polisen kommer att:",
                "Kommunen kommer att:", "Polisen och kommunen kommer tillsammans att:",
            ])
        // Priorities are not commitments; each party's block gives its items their party.
        #expect(
            document.commitments.map { $0.spans.last?.text } == [
                "patrullera till fots i hamnområdet minst två kvällar i veckan från maj till september,",
                "hålla två informationsträffar om narkotika för föräldrar varje termin.",
                "anställa två fältassistenter som arbetar fredag och lördag kväll,",
                "röja sly och sätta upp belysning vid småbåtshamnen under våren 2025.",
                "genomföra en trygghetsvandring i hamnområdet varje höst,",
                "redovisa arbetet på ett öppet möte i december varje år.",
            ])
        #expect(
            document.commitments.map { located($0.parties) } == [
                ["18:1 Polisen"], ["18:1 Polisen"], ["23:1 Kommunen"], ["23:1 Kommunen"],
                ["28:1 Polisen", "28:13 kommunen"], ["28:1 Polisen", "28:13 kommunen"],
            ])
        // The party words stand in the commitment's text, where a rule looking for a party finds them.
        #expect(
            located(document.commitments[4].spans) == [
                "28:1 Polisen", "28:13 kommunen", "30:3 genomföra en trygghetsvandring i hamnområdet varje höst,",
            ])
        #expect(document.commitments.allSatisfy { $0.title == nil })
    }

    @Test func theValiditySentenceAfterTheListsIsTextNotACommitment() throws {
        let document = try readTextFixture("norrvik-2025-2026.txt")
        let last = try #require(document.sections.last)
        #expect(
            located(last.blocks.last)
                == "33:1 Medborgarlöftet gäller från 1 januari 2025 till 31 december 2026 med möjlighet att revidera det inför 2026."
        )
        #expect(!document.commitments.contains { $0.location.line == 33 })
    }

    // MARK: Signature blocks

    @Test func aFilledSignatureBlockAtTheEndGivesSignatories() throws {
        let document = try readTextFixture("sjohamra-signerat.txt")
        #expect(document.sections.map(\.role) == ["commitments", "follow_up", "signatures"])
        #expect(document.sections[2].heading == nil)
        let signatories = document.signatories
        #expect(signatories.map { located($0.name) } == ["14:1 Karin Lund", "17:1 Per-Olof Ström", "19:1 Maria Ek"])
        #expect(
            signatories.map { located($0.role) } == [
                "15:1 Lokalpolisområdeschef", "17:17 Kommunstyrelsens ordförande", "20:1 Kommundirektör",
            ])
        #expect(signatories.map { located($0.party) } == ["15:1 polis", "17:17 kommun", "20:1 kommun"])
        #expect(signatories.map { located($0.date) } == Array(repeating: "12:14 14 februari 2025", count: 3))
        #expect(signatories.map { located($0.place) } == Array(repeating: "12:1 Sjöhamra", count: 3))
        #expect(signatories.map(\.location) == [pos(14, 1), pos(17, 1), pos(19, 1)])
        #expect(document.notes == ["area 'Sjöhamra' taken from the title"])
        #expect(document.commitments.count == 2)
    }

    @Test func anUnfilledPlaceAndDateMarksThePromiseUnsigned() throws {
        let document = try readTextFixture("lindas-osignerat.txt")
        #expect(document.sections.map(\.role) == ["situation", "commitments", "signatures"])
        #expect(located(document.sections[2].heading) == "12:1 Underskrifter")
        #expect(document.signatories.map { located($0.name) } == ["17:1 Johan Berg", "23:1 Eva Holm"])
        #expect(
            document.signatories.map { located($0.role) } == [
                "18:1 Chef lokalpolisområde Lindås", "24:1 Kommunstyrelsens ordförande",
            ])
        #expect(document.signatories.map { $0.party?.text } == ["polis", "kommun"])
        #expect(document.signatories.allSatisfy { $0.date == nil && $0.place == nil })
        #expect(
            document.notes == [
                "not yet signed: the signature block's place and date are not filled in",
                "area 'Lindås' taken from the title",
            ])
        #expect(document.commitments.map(\.location) == [pos(9, 4), pos(10, 4)])
    }

    @Test func namesWithRolesAfterACommaAndOneDateLinePerSignatory() throws {
        let text = """
            Tallby – medborgarlöften

            Det här ska vi göra

            - Polisen kontrollerar hastigheten vid skolan varje vecka.

            Underskrifter

            Tallby, 2 maj 2025
            .................
            Anna Berg, Kommunpolis

            Tallby den 5 maj 2025

            Erik Ek, Kommundirektör
            """
        let document = try #require(readText(text).document)
        #expect(document.sections.map(\.role) == ["commitments", "signatures"])
        #expect(document.signatories.map { located($0.name) } == ["11:1 Anna Berg", "15:1 Erik Ek"])
        #expect(document.signatories.map { located($0.role) } == ["11:12 Kommunpolis", "15:10 Kommundirektör"])
        // One place and date line per signatory: each has its own.
        #expect(document.signatories.map { located($0.date) } == ["9:9 2 maj 2025", "13:12 5 maj 2025"])
        #expect(document.signatories.map { located($0.place) } == ["9:1 Tallby", "13:1 Tallby"])
        #expect(document.signatories.map { $0.party?.text } == ["polis", "kommun"])
    }

    @Test func aPlaceAndDateMarkerWithADateIsSigned() throws {
        let text = """
            Tallby – medborgarlöften

            Uppföljning

            Arbetet följs upp varje tertial.

            Ort och datum

            Tallby 2025-05-02

            Anna Berg
            Kommunpolis
            """
        let document = try #require(readText(text).document)
        #expect(document.notes == ["area 'Tallby' taken from the title"])
        #expect(document.sections.map(\.role) == ["follow_up", "signatures"])
        #expect(located(document.signatories.first?.date) == "9:8 2025-05-02")
        #expect(located(document.signatories.first?.place) == "9:1 Tallby")
    }

    // MARK: No headings

    @Test func withoutHeadingsEverythingIntroducesAndListItemsAreCommitments() throws {
        let document = try readTextFixture("backa-utan-rubriker.txt")
        #expect(document.title == nil)
        #expect(document.sections.map(\.role) == ["introduction"])
        #expect(document.sections[0].blocks.count == 5)
        #expect(
            document.commitments.map { located($0.spans.last) } == [
                "4:3 hålla tre öppna trygghetsmöten i Backa bibliotek,",
                "5:3 ha gemensamma kvällspatruller i centrum varje fredag från april till oktober.",
            ])
        // The lead-in right above the list says who carries out its items.
        #expect(
            document.commitments.map { located($0.parties) }
                == Array(repeating: ["3:1 Polisen", "3:13 kommunen"], count: 2))
        #expect(located(document.commitments[0].spans.first) == "3:1 Polisen")
        #expect(located(document.area) == "1:13 Backa")
        #expect(document.areaSource == .body)
        #expect(document.notes == ["area 'Backa' taken from the text"])
    }

    @Test func theEmptyProfileReadsLayoutOnly() throws {
        let result = TextPromiseReader(profile: .empty).read(
            path: textFixturesFolder.appendingPathComponent("tallby-medborgarloften-2025.txt").path)
        let document = try #require(result.document)
        #expect(located(document.title) == "1:1 Tallby – medborgarlöften 2025")
        // Without patterns no heading has a role; unnamed headings after the first are sub-headings.
        #expect(document.sections.map(\.role) == ["introduction", nil])
        #expect(located(document.sections[1].heading) == "5:1 Situationen idag")
        #expect(document.commitments.count == 3)
        #expect(document.commitments.allSatisfy { $0.parties.isEmpty })
        #expect(document.area?.text == "Tallby Medborgarloften")
        #expect(document.areaSource == .fileName)
    }

    // MARK: Headings

    @Test func headingsInCapitalsAreHeadings() throws {
        let text = """
            TALLBY – MEDBORGARLÖFTEN

            SITUATIONEN IDAG

            Många känner sig otrygga vid stationen.

            DET HÄR SKA VI GÖRA
            Polisen patrullerar vid stationen varje fredag.
            """
        let document = try #require(readText(text).document)
        #expect(located(document.title) == "1:1 TALLBY – MEDBORGARLÖFTEN")
        #expect(document.sections.map(\.role) == ["situation", "commitments"])
        // A heading in capitals set flush against its text is still a heading.
        #expect(located(document.sections[1].heading) == "7:1 DET HÄR SKA VI GÖRA")
        #expect(
            document.commitments.map { located($0.spans) } == [["8:1 Polisen patrullerar vid stationen varje fredag."]])
        #expect(located(document.area) == "1:1 TALLBY")
    }

    @Test func shortLinesInARowAreActivitiesNotHeadings() throws {
        let text = """
            Tallby – medborgarlöften

            Det här ska vi göra

            Fokus 1: Trafik

            Hastighetskontroller vid skolorna

            Cykelbelysning till eleverna i årskurs 4

            Fokus 2: Centrum

            Polisen patrullerar vid torget varje fredag.

            Förväntad effekt

            Färre olyckor.
            """
        let document = try #require(readText(text).document)
        #expect(document.sections.map(\.role) == ["commitments", "expected_effect"])
        let commitments = document.commitments
        #expect(
            commitments.map { $0.spans.last?.text } == [
                "Hastighetskontroller vid skolorna", "Cykelbelysning till eleverna i årskurs 4",
                "Polisen patrullerar vid torget varje fredag.",
            ])
        // A word and a small number starts a sub-heading even among short lines.
        #expect(commitments.map { $0.title?.text } == ["Fokus 1: Trafik", "Fokus 1: Trafik", "Fokus 2: Centrum"])
    }

    @Test func anUnknownHeadingStartsASectionWithoutRoleOutsideCommitments() throws {
        let text = """
            Tallby – medborgarlöften

            Situationen idag

            Många cykelstölder vid stationen.

            Trygg station

            - Polisen märker cyklar varje vår.

            Uppföljning

            Vi berättar om arbetet i december.
            """
        let document = try #require(readText(text).document)
        #expect(document.sections.map(\.role) == ["situation", nil, "follow_up"])
        #expect(located(document.sections[1].heading) == "7:1 Trygg station")
        #expect(document.commitments.map { located($0.title) } == ["7:1 Trygg station"])
        #expect(
            document.commitments.map { located($0.spans) } == [
                ["7:1 Trygg station", "9:3 Polisen märker cyklar varje vår."]
            ])
    }

    @Test func aColonLineBeforeAListInTheIntroductionIsALeadIn() throws {
        let text = """
            Tallby – medborgarlöften

            Arbetet har tre fokusområden, som polisen och kommunen valt tillsammans.

            Fokusområdena är:

            1. Trafik
            2. Narkotika

            Uppföljning

            Vi berättar om arbetet i december.
            """
        let document = try #require(readText(text).document)
        #expect(document.sections.map(\.role) == ["introduction", "follow_up"])
        #expect(document.commitments.map { located($0.spans) } == [["7:4 Trafik"], ["8:4 Narkotika"]])
    }

    @Test func aSectionHeadingNamingBothPartiesGivesThemToEveryItem() throws {
        let text = """
            Tallby – medborgarlöften

            Det här ska polisen och kommunen göra tillsammans:

            • Följa brottsutvecklingen i kommunen varje månad.
            • Delta i föräldramöten i årskurs 6.
            """
        let document = try #require(readText(text).document)
        #expect(document.sections.map(\.role) == ["commitments"])
        #expect(document.commitments.count == 2)
        // The item's own "kommunen" is kept, and the heading adds the police.
        #expect(located(document.commitments[0].parties) == ["5:30 kommunen", "3:13 polisen"])
        #expect(located(document.commitments[1].parties) == ["3:13 polisen", "3:25 kommunen"])
        #expect(document.commitments.allSatisfy { partyGroups($0.spans) == ["polis", "kommun"] })
    }

    @Test func paragraphsOfACommitmentsSectionAreCommitments() throws {
        let text = """
            Tallby – medborgarlöften

            Det här ska vi göra

            Trygg park

            Polisen patrullerar i parken varje kväll i juli.

            Kommunen tänder belysningen i parken en timme tidigare.
            """
        let document = try #require(readText(text).document)
        #expect(
            document.commitments.map { located($0.spans.last) } == [
                "7:1 Polisen patrullerar i parken varje kväll i juli.",
                "9:1 Kommunen tänder belysningen i parken en timme tidigare.",
            ])
        #expect(document.commitments.map { $0.title?.text } == ["Trygg park", "Trygg park"])
    }

    @Test func strayShortLinesBeforeTheTitleAreIntroduction() throws {
        let text = """
            Meny

            Tallby – medborgarlöften

            Polisen och kommunen lovar att arbeta tillsammans.
            """
        let document = try #require(readText(text).document)
        #expect(located(document.title) == "3:1 Tallby – medborgarlöften")
        #expect(
            document.sections.map { located($0.blocks) } == [
                ["1:1 Meny", "5:1 Polisen och kommunen lovar att arbeta tillsammans."]
            ])
    }

    // MARK: Area

    @Test func theTitleIsPreferredToTheBodyForTheArea() throws {
        let text = """
            Tallby – medborgarlöften

            Polisen och Norrviks kommun samverkar.
            """
        let document = try #require(readText(text).document)
        #expect(located(document.area) == "1:1 Tallby")
        #expect(document.areaSource == .title)
    }

    @Test func theAreaIsGuessedFromTheFileNameLast() throws {
        let result = readText(
            "Polisen och kommunen lovar att arbeta tillsammans.", path: "/lofte/norrvik-2025_2026.txt")
        let document = try #require(result.document)
        #expect(document.area?.text == "Norrvik")
        #expect(document.areaSource == .fileName)
        #expect(document.notes == ["area 'Norrvik' guessed from the file name"])
        #expect(TextPromiseReader.Assembler.areaGuess(fromPath: "upplands-vasby_2024.txt") == "Upplands Vasby")
        #expect(TextPromiseReader.Assembler.areaGuess(fromPath: "2024-2025.txt") == nil)
    }

    // MARK: Robustness

    @Test func aByteOrderMarkDoesNotCountAsAColumn() throws {
        let text = "Tallby – medborgarlöften\n\nDet här ska vi göra\n\n- Polisen patrullerar varje fredag.\n"
        let result = TextPromiseReader(profile: swedishTestProfile).read(
            [0xEF, 0xBB, 0xBF] + Array(text.utf8), path: "lofte.txt", format: .text)
        #expect(result.diagnostics.isEmpty)
        let document = try #require(result.document)
        #expect(located(document.title) == "1:1 Tallby – medborgarlöften")
        #expect(located(document.commitments.first?.parties ?? []) == ["5:3 Polisen"])
    }

    @Test(arguments: ["\r\n", "\r", "\n"])
    func everyLineEndingEndsALine(_ newline: String) throws {
        let text = [
            "Tallby – medborgarlöften", "", "Det här ska vi göra", "", "- Polisen patrullerar",
            "  varje fredag och lördag.", "",
        ]
        .joined(separator: newline)
        let document = try #require(readText(text).document)
        #expect(located(document.title) == "1:1 Tallby – medborgarlöften")
        #expect(document.sections.map(\.role) == ["commitments"])
        let item = document.commitments.first?.spans.last
        #expect(item?.text == "Polisen patrullerar varje fredag och lördag.")
        #expect(location(of: "lördag", in: item) == pos(6, 20))
    }

    @Test func tabsAndNonBreakingSpacesAreLayoutButKeptInTheText() throws {
        let text =
            "Tallby – medborgarlöften\n\nDet här ska vi göra\u{A0} \n\n-\tPolisen\u{A0}patrullerar   \n\t varje fredag.\n"
        let document = try #require(readText(text).document)
        #expect(document.sections.map(\.role) == ["commitments"])
        let item = try #require(document.commitments.first?.spans.last)
        #expect(item.text == "Polisen\u{A0}patrullerar varje fredag.")
        #expect(location(of: "patrullerar", in: item) == pos(5, 11))
        #expect(location(of: "fredag", in: item) == pos(6, 9))
    }

    @Test func windows1252IsReadWithAWarning() throws {
        // "Tallby – medborgarlöften" with an en dash (0x96) and ö (0xF6) in Windows-1252.
        var bytes = Array("Tallby ".utf8) + [0x96] + Array(" medborgarl".utf8) + [0xF6] + Array("ften\n\n".utf8)
        bytes += Array("Det h".utf8) + [0xE4] + Array("r ska vi g".utf8) + [0xF6] + Array("ra\n\n- Polisen ".utf8)
        bytes += Array("patrullerar.\n".utf8)
        let result = TextPromiseReader(profile: swedishTestProfile).read(bytes, path: "lofte.txt", format: .text)
        expectDiagnostic(
            result.diagnostics, code: "input.windows-1252", severity: .warning, at: pos(1, 8),
            message: "not UTF-8; read as Windows-1252")
        let document = try #require(result.document)
        #expect(document.title?.text == "Tallby – medborgarlöften")
        #expect(document.sections.map(\.role) == ["commitments"])
        #expect(located(document.commitments.first?.parties ?? []) == ["5:3 Polisen"])
    }

    @Test func anEmptyFileIsAnError() {
        let result = readText("")
        #expect(result.document == nil)
        expectDiagnostic(result.diagnostics, code: "input.empty", at: pos(1, 1), message: "file is empty")
        let bom = TextPromiseReader(profile: swedishTestProfile).read([0xEF, 0xBB, 0xBF], path: "a.txt", format: .text)
        #expect(bom.diagnostics.map(\.code) == ["input.empty"])
    }

    @Test func aFileOfOnlyWhitespaceIsAnError() {
        let result = readText("  \n\t\n\u{A0}\r\n")
        #expect(result.document == nil)
        expectDiagnostic(result.diagnostics, code: "input.empty", at: pos(1, 1), message: "file holds only whitespace")
    }

    @Test func aFileOfOnlyRulesHoldsNoText() {
        let result = readText("-----\n\n*****\n")
        #expect(result.document == nil)
        expectDiagnostic(result.diagnostics, code: "input.empty", at: pos(1, 1), message: "file holds no text")
    }

    @Test func aHugeSingleLineIsReadInLinearTime() throws {
        let words = String(repeating: "ord ", count: 250_000)
        let text = "Det här ska vi göra\n\n- \(words)polisen.\n\n\(words)slut.\n"
        let clock = ContinuousClock()
        let start = clock.now
        let document = try #require(readText(text).document)
        #expect(clock.now - start < .seconds(20))
        #expect(document.commitments.count == 1)
        #expect(located(document.commitments.first?.parties ?? []) == ["3:1000003 polisen"])
        #expect(document.sections.first?.blocks.last?.text.count == 1_000_005)
    }

    @Test func aFileOverTheLimitIsAnError() {
        let result = TextPromiseReader(profile: swedishTestProfile, maxInputBytes: 10).read(
            Array("Polisen och kommunen lovar.".utf8), path: "lofte.txt", format: .text)
        #expect(result.document == nil)
        #expect(result.diagnostics.map(\.code) == ["input.too-large"])
    }

    @Test func aMissingFileIsAnError() {
        let result = TextPromiseReader(profile: swedishTestProfile).read(path: "/finns/inte/lofte.txt")
        #expect(result.document == nil)
        #expect(result.diagnostics.map(\.code) == ["input.not-found"])
    }

    @Test func utf16IsRejected() {
        let bytes: [UInt8] = [0xFF, 0xFE] + Array("Tallby".utf8).flatMap { [$0, 0] }
        let result = TextPromiseReader(profile: swedishTestProfile).read(bytes, path: "lofte.txt", format: .text)
        #expect(result.document == nil)
        expectDiagnostic(
            result.diagnostics, code: "input.encoding", at: pos(1, 1), message: "UTF-16 text; save the file as UTF-8")
    }
}

// MARK: - The published examples

/// The shared corpus of published promises: real documents, read but not copied into fixtures.
let publishedCorpusFolder = "/work/shared/corpus/published"

/// The five published promises in the shared corpus, read with the shipped pack's headings.
@Suite(
    .enabled(
        if: FileManager.default.fileExists(atPath: publishedCorpusFolder),
        "the published corpus is not at /work/shared/corpus/published"))
struct PublishedPromiseTests {

    /// The repository's `Rules/` folder, found from this file.
    static let rulesDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Rules").path

    /// The shipped pack's section headings and lexicons, with the test profile's area and
    /// unsigned-marker patterns.
    static func profile() throws -> TextReadingProfile {
        let loaded = PackLoader(locator: PackLocator(searchPaths: [rulesDirectory])).load("medborgarlofte")
        let pack = try #require(loaded.pack, "\(loaded.diagnostics)")
        // Exactly what `promisecheck check` uses: the pack's sections and reading tables.
        return TextReadingProfile(pack: pack)
    }

    func read(_ name: String) throws -> Document {
        let result = TextPromiseReader(profile: try Self.profile()).read(path: "\(publishedCorpusFolder)/\(name)")
        #expect(result.diagnostics.map(\.description) == [])
        return try #require(result.document)
    }

    func groups(_ spans: [Span], profile: TextReadingProfile) -> Set<String> {
        Set(profile.parties?.matches(in: TokenizedText(spans)).compactMap(\.entry.group) ?? [])
    }

    @Test func ekero() throws {
        let document = try read("ekero.txt")
        #expect(located(document.title) == "1:1 Ekerö – medborgarlöften")
        #expect(located(document.area) == "1:1 Ekerö")
        #expect(document.areaSource == .title)
        #expect(
            document.sections.map(\.role) == [
                "introduction", "situation", "commitments", "expected_effect", "follow_up",
            ])
        #expect(document.commitments.count == 5)
        // "Det här ska polisen och kommunen göra tillsammans:" owns every item for both parties
        // ("tillsammans" is the pack's marker of the two together).
        let profile = try Self.profile()
        #expect(
            document.commitments.allSatisfy {
                groups($0.parties, profile: profile).isSuperset(of: ["polis", "kommun"])
            })
        #expect(located(document.commitments[2].parties) == ["13:13 polisen", "13:25 kommunen", "13:39 tillsammans"])
        #expect(document.signatories.isEmpty)
        #expect(document.notes == ["area 'Ekerö' taken from the title"])
    }

    @Test func haninge() throws {
        let document = try read("haninge.txt")
        #expect(located(document.title) == "1:1 Haninge – medborgarlöften")
        #expect(document.area?.text == "Haninge")
        #expect(document.sections.map(\.role) == ["introduction", nil, "follow_up", "evaluation"])
        #expect(
            document.commitments.map { $0.title?.text } == [
                "Trygghet i offentlig miljö", "Trygghet i offentlig miljö", "Trygghet i offentlig miljö",
                "Trygghet i offentlig miljö", "Samverkan kring förebyggande arbete med fokus på barn och unga",
                "Trafik",
                "Trygghetsdialoger",
            ])
        #expect(document.signatories.isEmpty)
    }

    @Test func osteraker() throws {
        let document = try read("osteraker.txt")
        #expect(located(document.title) == "3:1 Medborgarlöfte")
        #expect(located(document.area) == "39:34 Österåker")
        #expect(document.areaSource == .body)
        // "Fokusområde 1: ANDTS" … are commitments sections (the pack's pattern for numbered focus areas).
        #expect(
            document.sections.map(\.role) == [
                "introduction", "commitments", "commitments", "commitments", "commitments", "commitments",
                "follow_up", "signatures",
            ])
        #expect(located(document.sections[1].heading) == "21:1 Fokusområde 1: ANDTS")
        // The five numbered focus areas, the activities under each focus area, and the two
        // bulleted lists of recurring activities.
        #expect(document.commitments.count == 50)
        #expect(document.commitments.filter { $0.location.line >= 23 && $0.location.line <= 69 }.count == 19)
        #expect(document.commitments.filter { $0.title?.text == "Återkommande gemensamma aktiviteter" }.count == 11)
        let signatories = document.signatories
        #expect(
            signatories.map { located($0.name) } == [
                "115:1 Anna Ohlsson", "122:1 Michaela Fletcher", "128:1 Staffan Erlandsson",
            ])
        #expect(
            signatories.map { $0.role?.text } == [
                "Chef Lokalpolisområde Södra Roslagen", "Kommunstyrelsens ordförande", "Kommundirektör",
            ])
        #expect(signatories.map { $0.party?.text } == ["polis", "kommun", "kommun"])
        #expect(signatories.allSatisfy { $0.date == nil })
        #expect(
            document.notes == [
                "not yet signed: the signature block's place and date are not filled in",
                "area 'Österåker' taken from the text",
            ])
    }

    @Test func sollentuna() throws {
        let document = try read("sollentuna-2023-2024.txt")
        // "Sök" above the title is left over from the web page.
        #expect(located(document.title) == "3:1 Sollentuna – medborgarlöften")
        #expect(document.area?.text == "Sollentuna")
        #expect(document.sections.map(\.role) == ["introduction", "commitments", "expected_effect", "introduction"])
        #expect(
            document.commitments.map { $0.title?.text } == [
                "Öka tryggheten i offentlig miljö", "Stöd till särskilt utsatta brottsoffer",
                "Förebygga risken för ungdom att hamna i kriminalitet", "Trafikrelaterad brottslighet",
            ])
        // The paragraph after the last sub-headed item is a general remark that closes the list.
        #expect(document.signatories.isEmpty)
    }

    @Test func stockholmBromma() throws {
        let document = try read("stockholm-bromma-2020.txt")
        #expect(located(document.title) == "1:1 Stockholm, Bromma – medborgarlöften")
        #expect(located(document.area) == "1:12 Bromma")
        #expect(document.sections.map(\.role) == ["introduction", "situation", "commitments", "follow_up"])
        #expect(
            document.commitments.map { $0.title?.text } == [
                "Riktat arbete mot avgränsade platser och områden:", "Brott mot särskilt utsatta:",
                "Unga i risk för kriminalitet:",
            ])
        // "… ska lokalpolisområde Vällingby i följande samverkansområden;" leads in to every item.
        let profile = try Self.profile()
        #expect(document.commitments.allSatisfy { groups($0.parties, profile: profile).contains("polis") })
        #expect(document.signatories.isEmpty)
    }
}
