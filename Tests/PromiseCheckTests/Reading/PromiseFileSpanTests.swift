import Foundation
import Testing

@testable import PromiseCheck

/// Where words of promise text stand in the file, for each way YAML can write text.
@Suite struct PromiseFileSpanTests {
    private func document(
        _ bytes: [UInt8], sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> Document {
        let result = PromiseFileReader().read(bytes, path: "lofte.yaml")
        #expect(result.diagnostics.map(\.description) == [], sourceLocation: sourceLocation)
        return try #require(result.document, sourceLocation: sourceLocation)
    }

    /// Where each token of `span` stands, as `word@line:column`.
    private func placedWords(_ span: Span?) -> [String] {
        guard let span else { return [] }
        let text = TokenizedText([span])
        return text.tokens.filter { $0.kind == .word }.map { "\(text.folded($0))@\(text.location(of: $0))" }
    }

    @Test func crlfLineBreaksInABlockScalar() throws {
        let yaml =
            "promise: 1\r\nevaluation: |\r\n  Första raden\r\n  andra raden\r\n  tredje raden\r\nrevision: Ja\r\n"
        let document = try document(Array(yaml.utf8))
        #expect(
            placedWords(document.sections.first?.blocks.first) == [
                "första@3:3", "raden@3:10", "andra@4:3", "raden@4:9", "tredje@5:3", "raden@5:10",
            ])
        #expect(placedWords(document.sections.last?.blocks.first) == ["ja@6:11"])
    }

    @Test func byteOrderMarkIsNotAColumn() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("title: Trygg i Ekby\npromise: 1\n".utf8)
        let document = try document(bytes)
        #expect(placedWords(document.title) == ["trygg@1:8", "i@1:14", "ekby@1:16"])
    }

    @Test func multiLinePlainScalarInAFlowSequence() throws {
        let yaml = "promise: 1\npriorities: [Trygg stationsmiljö,\n  Färre bostadsinbrott i\n    Östra Ekby]\n"
        let document = try document(Array(yaml.utf8))
        let blocks = try #require(document.sections.first?.blocks)
        #expect(blocks.map(\.text) == ["Trygg stationsmiljö", "Färre bostadsinbrott i Östra Ekby"])
        #expect(placedWords(blocks.last) == ["färre@3:3", "bostadsinbrott@3:9", "i@3:24", "östra@4:5", "ekby@4:11"])
    }

    @Test func foldedBlockInACommitmentKeepsParagraphBreaks() throws {
        let yaml = """
            promise: 1
            commitments:
              - title: Vandringar
                actions:
                  - >
                    Genomföra vandringar

                    med boende
                target: minst 4

            """
        let document = try document(Array(yaml.utf8))
        let action = try #require(document.commitments.first?.spans[1])
        #expect(action.text == "Genomföra vandringar\nmed boende")
        #expect(placedWords(action) == ["genomföra@6:9", "vandringar@6:19", "med@8:9", "boende@8:13"])
        #expect(placedWords(document.commitments.first?.spans[2]) == ["minst@9:13"])
    }

    @Test
    func emptyBlockScalarDoesNotTakeTheNextKeysText() throws {
        let yaml = "promise: 1\nsituation:\n  text: |\n  sources: [brottsstatistik]\n"
        let document = try document(Array(yaml.utf8))
        #expect(document.sections.first?.blocks.map(\.text) == ["", "brottsstatistik"])
    }

    @Test
    func doubleQuotedTextWithoutEscapesIsLocatedWordByWord() throws {
        let document = try document(Array("promise: 1\narea: \"Östra Ekby\"\n".utf8))
        #expect(placedWords(document.area) == ["östra@2:8", "ekby@2:14"])
    }
}
