import Foundation
import PromiseCheckYAML
import Testing

@testable import PromiseCheck

@Suite struct YAMLTextTests {
    @Test(arguments: [
        "Ekby", "Polisen genomför trygghetsvandringar.", "- inte en lista", "Brott: 12 anmälda", "ja # nej",
        "true", "null", "2025", "12:30", "  mellanslag  ", "\"citat\" och \\ snedstreck", "tab\there", "#hashtag",
        "slutar med kolon:", "Åtgärd 1: trygghet", "@handtag", "", "emoji 🚓 och åäö",
    ])
    func scalarsReadBackUnchanged(text: String) throws {
        let node = try YAMLParser.parse("key: \(YAMLText.scalar(text))\n")
        #expect(node["key"]?.scalar == text)
    }

    @Test func plainOnlyWhenSafe() {
        #expect(YAMLText.scalar("Ekby kommun") == "Ekby kommun")
        #expect(YAMLText.scalar("yes") == "\"yes\"")
        #expect(YAMLText.scalar("Mål: fler") == "\"Mål: fler\"")
    }

    @Test func foldedBlocksWrapAndReadBackAsTheSameWords() throws {
        let paragraph = Array(repeating: "trygghetsvandringar i centrum", count: 12).joined(separator: " ")
        let value = YAMLText.value([paragraph, "Andra stycket."], indent: 2)
        #expect(value.hasPrefix(">-\n"))
        #expect(value.split(separator: "\n").allSatisfy { $0.count <= 100 })
        let node = try YAMLParser.parse("key: \(value)\n")
        #expect(node["key"]?.scalar == paragraph + "\nAndra stycket.")
    }
}

/// `promisecheck import`'s promise, read back, gives the same verdicts as the text it came from.
@Suite struct PromiseYAMLWriterTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = repository.appendingPathComponent("Tests/PromiseCheckTests/Fixtures/text")

    static let pack: RulePack = {
        let rules = repository.appendingPathComponent("Rules").path
        let result = PackLoader(locator: PackLocator(searchPaths: [rules])).load("medborgarlofte")
        guard let pack = result.pack else { fatalError("the shipped pack does not load: \(result.diagnostics)") }
        return pack
    }()

    static var ourTexts: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? []).sorted()
            .map { fixtures.appendingPathComponent($0).path }
    }

    static var publishedTexts: [String] {
        PublishedCorpus.isPresent
            ? PublishedCorpus.files.map { PublishedCorpus.folder.appendingPathComponent($0).path } : []
    }

    /// Reads `path`, writes it as YAML, reads that back, and compares the two evaluations.
    func roundTrip(_ path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let checker = Checker(pack: Self.pack)
        let read = checker.read(path: path)
        let document = try #require(read.document, "\(read.diagnostics)", sourceLocation: sourceLocation)
        let yaml = PromiseYAMLWriter(parties: TextReadingProfile(pack: Self.pack).parties).write(document)
        let reread = PromiseFileReader().read(Array(yaml.utf8), path: "imported.yaml")
        #expect(reread.diagnostics.isEmpty, "\(reread.diagnostics)\n\(yaml)", sourceLocation: sourceLocation)
        let imported = try #require(reread.document, sourceLocation: sourceLocation)
        let before = checker.engine.evaluate(document)
        let after = checker.engine.evaluate(imported)
        #expect(after.area == before.area, sourceLocation: sourceLocation)
        #expect(imported.signatories.count == document.signatories.count, sourceLocation: sourceLocation)
        #expect(imported.commitments.count == document.commitments.count, sourceLocation: sourceLocation)
        for (original, copy) in zip(before.rules, after.rules) {
            #expect(
                original.passed == copy.passed,
                "\(path): \(original.id) \(original.fraction) (\(original.reason)) became \(copy.fraction) (\(copy.reason))",
                sourceLocation: sourceLocation)
        }
        #expect(
            abs(after.score - before.score) < 5, "score \(before.score) became \(after.score)",
            sourceLocation: sourceLocation)
    }

    @Test(arguments: ourTexts)
    func ourTextsKeepTheirVerdicts(path: String) throws {
        try roundTrip(path)
    }

    @Test(.enabled(if: PublishedCorpus.isPresent, "../shared/corpus/published is absent"), arguments: publishedTexts)
    func publishedTextsKeepTheirVerdicts(path: String) throws {
        try roundTrip(path)
    }

    @Test func writesEveryPieceWithItsOrigin() throws {
        var document = Document(path: "ekby.txt", format: .text)
        document.title = Span("Ekby – medborgarlöften", at: SourceLocation(line: 1, column: 1))
        document.area = Span("Ekby", at: SourceLocation(line: 1, column: 1))
        document.areaSource = .title
        document.sections = [
            Section(
                role: "situation", heading: Span("Situationen idag", at: .init(line: 3, column: 1)),
                blocks: [Span("Lägesbilden bygger på brottsstatistik.", at: .init(line: 5, column: 1))],
                location: .init(line: 3, column: 1)),
            Section(
                role: nil, heading: Span("Om löftet", at: .init(line: 9, column: 1)),
                blocks: [Span("Löftet är offentligt.", at: .init(line: 11, column: 1))],
                location: .init(line: 9, column: 1)),
        ]
        document.commitments = [
            Commitment(
                title: nil, parties: [Span("Polisen", at: .init(line: 7, column: 3))],
                spans: [
                    Span("Polisen", at: .init(line: 7, column: 3)),
                    Span("Polisen patrullerar varje fredag.", at: .init(line: 7, column: 3)),
                ],
                location: .init(line: 7, column: 3))
        ]
        document.signatories = [
            Signatory(
                name: Span("Anna Berg", at: .init(line: 13, column: 1)),
                role: Span("Kommundirektör", at: .init(line: 14, column: 1)), location: .init(line: 13, column: 1))
        ]
        document.notes = ["not yet signed: the signature block's place and date are not filled in"]
        let yaml = PromiseYAMLWriter().write(document)
        #expect(
            yaml == """
                # Imported by promisecheck from ekby.txt (text).
                # Check the values below against the original, then run: promisecheck check <this file>
                promise: 1
                title: Ekby – medborgarlöften  # line 1
                area: Ekby  # line 1 (from the title)
                situation:
                  text: Lägesbilden bygger på brottsstatistik.
                commitments:
                  - by: [polisen]
                    actions:  # line 7
                      - Polisen patrullerar varje fredag.
                signatories:
                  - name: Anna Berg
                    role: Kommundirektör
                # Text without a section of its own, kept so that it is checked too:
                other:
                  - heading: Om löftet  # line 9
                    text: Löftet är offentligt.
                # note: not yet signed: the signature block's place and date are not filled in

                """)
    }
}
