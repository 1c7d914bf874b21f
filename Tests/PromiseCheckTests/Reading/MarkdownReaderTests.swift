import Foundation
import Testing

@testable import PromiseCheck

@Suite struct MarkdownReaderTests {
    private func readMarkdown(_ text: String) -> PromiseFileReader.Result {
        readText(text, path: "01.md", format: .markdown)
    }

    private func readDraft(sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> (Document, [Diagnostic])
    {
        let path = textFixturesFolder.appendingPathComponent("granby-utkast.md").path
        let result = TextPromiseReader(profile: swedishTestProfile).read(path: path)
        let document = try #require(result.document, sourceLocation: sourceLocation)
        return (document, result.diagnostics)
    }

    // MARK: A draft with front matter

    @Test func frontMatterGivesTheMetadata() throws {
        let (document, diagnostics) = try readDraft()
        #expect(document.format == .markdown)
        expectDiagnostic(
            diagnostics, code: "promise.unknown-key", severity: .warning, at: pos(7, 1),
            message: "unknown key 'tema' in the front matter")
        #expect(located(document.title) == "2:8 Granby – medborgarlöften 2026")
        #expect(located(document.area) == "3:7 Granby")
        #expect(document.areaSource == .frontMatter)
        #expect(located(document.status) == "4:9 draft")
        #expect(located(document.period?.from) == "5:16 2026-01-01")
        #expect(located(document.period?.to) == "5:32 2026-12-31")
        #expect(located(document.parties) == ["6:11 Lokalpolisområde Granby", "6:36 Granby kommun"])
        #expect(document.notes == ["marked as a draft: not yet signed"])
    }

    @Test func theBodyIsReadLikeText() throws {
        let (document, _) = try readDraft()
        #expect(document.sections.map(\.role) == ["situation", "commitments", "follow_up"])
        #expect(
            document.sections.map { located($0.heading) } == [
                "15:4 Situationen idag", "20:4 Det här ska vi göra", "35:1 Följ med i hur det går",
            ])
        // Emphasis stays in the text; the tokenizer ignores it.
        #expect(
            located(document.sections[0].blocks) == [
                "17:1 Trygghetsmätningen 2025 och **anmälda brott** visar att många undviker stationsområdet på kvällarna."
            ])
        #expect(
            located(document.sections[2].blocks) == [
                "38:3 Vi redovisar arbetet på kommunens webbplats i juni och december."
            ])
        let commitments = document.commitments
        #expect(
            commitments.map { located($0.spans.last) } == [
                "24:3 Polisen patrullerar vid stationen varje fredag och lördag kväll.",
                "25:3 Kommunen ordnar *nattvandringar* med föreningarna en gång i månaden.",
                "29:4 Polisen gör hastighetskontroller vid Granbyskolan två gånger per termin.",
            ])
        #expect(
            commitments.map { located($0.title) } == [
                "22:5 Tryggare stationsområde", "22:5 Tryggare stationsområde", "27:5 Trafik",
            ])
        #expect(commitments.map { located($0.parties) } == [["24:3 Polisen"], ["25:3 Kommunen"], ["29:4 Polisen"]])
        // Comments and fenced code are not text of the promise.
        let text = document.allSpans.map(\.text).joined(separator: "\n")
        #expect(!text.contains("Utkast"))
        #expect(!text.contains("anteckning"))
        #expect(document.signatories.isEmpty)
    }

    @Test func theFormatFollowsTheExtension() {
        #expect(TextPromiseReader.format(forPath: "a/lofte.md") == .markdown)
        #expect(TextPromiseReader.format(forPath: "lofte.MARKDOWN") == .markdown)
        #expect(TextPromiseReader.format(forPath: "lofte.txt") == .text)
        #expect(TextPromiseReader.format(forPath: "lofte") == .text)
    }

    // MARK: Front matter problems

    @Test func anUnknownKeyGetsASuggestion() throws {
        let result = readMarkdown("---\naera: Granby\n---\n# Granby – medborgarlöften\n\nText.\n")
        expectDiagnostic(
            result.diagnostics, code: "promise.unknown-key", severity: .warning, at: pos(2, 1),
            message: "unknown key 'aera' in the front matter; did you mean 'area'?")
        let document = try #require(result.document)
        #expect(located(document.area) == "4:3 Granby")
        #expect(document.areaSource == .title)
    }

    @Test func aYamlErrorIsReportedAtItsLineOfTheFile() {
        let result = readMarkdown("---\ntitle: Granby\nparties: [polisen\n---\n# Granby\n\nText.\n")
        #expect(result.document == nil)
        let error = result.diagnostics.first { $0.code == "yaml.syntax" }
        #expect(error?.severity == .error)
        #expect((error?.location?.line ?? 0) >= 3)
    }

    @Test func frontMatterMustBeAMapping() {
        let result = readMarkdown("---\n- polisen\n---\nText.\n")
        #expect(result.document == nil)
        expectDiagnostic(
            result.diagnostics, code: "promise.type", at: pos(2, 1),
            message: "the front matter must be a mapping, found a list")
    }

    @Test func aWrongStatusIsAnError() {
        let result = readMarkdown("---\nstatus: signerad\n---\nText.\n")
        #expect(result.document == nil)
        expectDiagnostic(
            result.diagnostics, code: "promise.status", at: pos(2, 9),
            message: "'status' must be draft or signed, found 'signerad'; did you mean 'signed'?")
    }

    @Test func unclosedFrontMatterIsReadAsText() throws {
        let result = readMarkdown("---\n# Granby – medborgarlöften\n\nText.\n")
        expectDiagnostic(
            result.diagnostics, code: "markdown.front-matter", severity: .warning, at: pos(1, 1),
            message: "front matter opened by '---' on line 1 is not closed by a '---' line; read as text")
        let document = try #require(result.document)
        #expect(located(document.title) == "2:3 Granby – medborgarlöften")
    }

    @Test func emptyFrontMatterAndADotsEnd() throws {
        let empty = try #require(readMarkdown("---\n---\n# Granby – medborgarlöften\n\nText.\n").document)
        #expect(located(empty.title) == "3:3 Granby – medborgarlöften")
        let dots = try #require(readMarkdown("---\narea: Ekby\n...\nText.\n").document)
        #expect(located(dots.area) == "2:7 Ekby")
        #expect(dots.sections.map { located($0.blocks) } == [["4:1 Text."]])
    }

    @Test func frontMatterAloneIsADraft() throws {
        let result = readMarkdown("---\ntitle: Ekby – medborgarlöften\nstatus: draft\n---\n")
        #expect(result.diagnostics.isEmpty)
        let document = try #require(result.document)
        #expect(located(document.title) == "2:8 Ekby – medborgarlöften")
        #expect(document.sections.isEmpty)
        #expect(document.notes == ["marked as a draft: not yet signed", "area 'Ekby' taken from the title"])
    }

    @Test func frontMatterSignatoriesAndATextPeriod() throws {
        let text = """
            ---
            period: "2026–2027"
            signatories:
              - {name: Anna Berg, role: Kommunpolis, party: polis, date: 2026-03-01, place: Granby}
            ---
            # Granby – medborgarlöften

            ## Underskrifter

            Ort och datum

            Per Ek
            Kommundirektör
            """
        let result = readMarkdown(text)
        #expect(result.diagnostics.isEmpty)
        let document = try #require(result.document)
        #expect(located(document.period?.text) == "2:10 2026–2027")
        #expect(document.signatories.map { located($0.name) } == ["4:12 Anna Berg"])
        #expect(document.signatories.map { located($0.party) } == ["4:49 polis"])
        // The front matter's signatories are the promise's; the unfilled block does not add a note.
        #expect(document.notes == ["area 'Granby' taken from the title"])
    }

    @Test func aByteOrderMarkAndCrlfKeepFrontMatterMarksExact() throws {
        let text = "---\r\ntitle: Granby – medborgarlöften\r\n---\r\n\r\nText.\r\n"
        let result = TextPromiseReader(profile: swedishTestProfile).read(
            [0xEF, 0xBB, 0xBF] + Array(text.utf8), path: "01.md", format: .markdown)
        #expect(result.diagnostics.isEmpty)
        let document = try #require(result.document)
        #expect(located(document.title) == "2:8 Granby – medborgarlöften")
        #expect(located(document.area) == "2:8 Granby")
        #expect(document.sections.map { located($0.blocks) } == [["5:1 Text."]])
    }

    // MARK: Headings

    @Test func headingLevelsDecideBetweenSubHeadingsAndSections() throws {
        let text = """
            # Ekby – medborgarlöften

            ## Det här ska vi göra

            ### Trygg park

            - Polisen patrullerar i parken.

            ## Övrigt om samarbetet

            - Möten varje månad.
            """
        let document = try #require(readMarkdown(text).document)
        #expect(document.sections.map(\.role) == ["commitments", nil])
        #expect(document.sections.map { $0.heading?.text } == ["Det här ska vi göra", "Övrigt om samarbetet"])
        #expect(document.commitments.map { $0.title?.text } == ["Trygg park", "Övrigt om samarbetet"])
    }

    @Test func boldLinesAreHeadingsToo() throws {
        let text = """
            # Ekby – medborgarlöften

            **Det här ska vi göra:**

            - Polisen patrullerar i parken.
            """
        let document = try #require(readMarkdown(text).document)
        #expect(document.sections.map(\.role) == ["commitments"])
        #expect(located(document.sections[0].heading) == "3:1 **Det här ska vi göra:**")
        #expect(document.commitments.count == 1)
    }

    @Test func aSecondLevelHeadingFirstIsNotTheTitle() throws {
        let document = try #require(readMarkdown("## Bakgrund\n\nPolisen och Ekby kommun samverkar.\n").document)
        #expect(document.title == nil)
        #expect(document.sections.map(\.role) == ["situation"])
        #expect(document.areaSource == .body)
    }
}
