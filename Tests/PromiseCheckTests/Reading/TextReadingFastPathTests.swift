import Foundation
import Testing

@testable import PromiseCheck

/// The shortcuts the text reader takes on text whose scalars are characters of their own give
/// the answers of the plain String operations they replace.
@Suite struct TextReadingFastPathTests {
    static let pieces = [
        "Anna", "Lind", ",", " ", "  ", "\t", "\r\n", "\n", "\u{A0}", "\u{85}", "å", "Ö", "é", "e\u{301}", ",\u{301}",
        "\u{301}", "\u{2028}", "–", "\u{2010}", "\u{2027}", "•", "\u{200D}", "\u{1F46E}", "\u{600}", "2025", "x", "-",
        "\u{3000}", "\u{FEFF}",
    ]

    static func forRandomTexts(_ rounds: Int, seed: UInt64, _ body: (Int, String) -> Void) {
        var generator = SeededGenerator(state: seed)
        for round in 0..<rounds {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
                pieces.randomElement(using: &generator)!
            }.joined()
            body(round, text)
            // The same text without the scalars that take the slow path.
            let alone = text.unicodeScalars.filter(TextReadingProfile.isCharacterAlone)
            body(round, String(String.UnicodeScalarView(alone)))
        }
    }

    @Test func utf16CountIsTheUTF16ViewsCount() {
        Self.forRandomTexts(2000, seed: 0x16) { round, text in
            #expect(TextLayout.utf16Count(text) == text.utf16.count, "round \(round): '\(text)'")
        }
    }

    @Test func wordsAreCountedAsBySplittingCharacters() {
        Self.forRandomTexts(3000, seed: 0x3C) { round, text in
            let byCharacters = text.split { $0.isWhitespace }.count
            #expect(TextPromiseReader.Assembler.wordCount(text) == byCharacters, "round \(round): '\(text)'")
            if let count = TextPromiseReader.Assembler.scalarWordCount(text) {
                #expect(count == byCharacters, "round \(round): '\(text)'")
                let nameWords = text.split { TextLayout.isWhitespace($0.unicodeScalars.first ?? " ") }.count
                #expect(count == nameWords, "round \(round): '\(text)'")
            }
        }
    }

    @Test func theFirstCommaIsTheFirstCommaCharacter() {
        Self.forRandomTexts(3000, seed: 0x2C) { round, text in
            let expected = text.firstIndex(of: ",").map { text.utf8.distance(from: text.startIndex, to: $0) }
            let found = TextPromiseReader.Assembler.firstComma(in: text).map {
                text.utf8.distance(from: text.startIndex, to: $0)
            }
            #expect(found == expected, "round \(round): '\(text)'")
            if let comma = TextPromiseReader.Assembler.firstComma(in: text) {
                #expect(String(text[..<comma]) == String(text[..<text.firstIndex(of: ",")!]), "round \(round)")
            }
        }
    }

    @Test func trimmingIsFoundationsTrimming() {
        Self.forRandomTexts(3000, seed: 0x7A) { round, text in
            for sample in [text, " " + text, text + "\t", "\u{A0}" + text + "\u{3000}", "\u{85}" + text + "\n"] {
                #expect(
                    TextPromiseReader.Assembler.trimmedOfWhitespaces(sample)
                        == sample.trimmingCharacters(in: .whitespaces), "round \(round): '\(sample)'")
            }
        }
    }
}
