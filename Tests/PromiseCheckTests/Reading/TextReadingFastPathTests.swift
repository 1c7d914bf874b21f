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

    /// Scalars and UTF-16 units counted eight bytes at a time are those of the string's views,
    /// from every start and to every end on a scalar boundary.
    @Test func lengthsOfUTF8AreThoseOfTheViews() {
        Self.forRandomTexts(1000, seed: 0x8B) { round, text in
            let bytes = Array(text.utf8)
            let boundaries =
                text.unicodeScalars.indices.map { text.utf8.distance(from: text.startIndex, to: $0) } + [bytes.count]
            bytes.withUnsafeBufferPointer { buffer in
                for start in boundaries {
                    for end in boundaries where end >= start {
                        let part = String(decoding: bytes[start..<end], as: UTF8.self)
                        let lengths = TextLayout.lengths(buffer, from: start, to: end)
                        #expect(lengths.scalars == part.unicodeScalars.count, "round \(round): '\(text)'")
                        #expect(lengths.utf16 == part.utf16.count, "round \(round): '\(text)'")
                    }
                }
            }
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

    /// ``TextLayout/isNumberedHeading(_:)`` as it was first written, over a copy of the scalars.
    static func isNumberedHeadingReference(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars.prefix(TextLayout.maxHeadingScalars))
        var index = 0
        while index < scalars.count, scalars[index] == "*" || scalars[index] == "_" { index += 1 }
        let wordStart = index
        while index < scalars.count, TextLayout.isAlphabetic(scalars[index]) { index += 1 }
        guard index > wordStart, index < scalars.count, scalars[index] == " " else { return false }
        index += 1
        let digitStart = index
        while index < scalars.count, ("0"..."9").contains(scalars[index]) { index += 1 }
        guard index > digitStart, index - digitStart <= 3 else { return false }
        while index < scalars.count, scalars[index] == " " { index += 1 }
        guard index < scalars.count else { return true }
        return [":", ".", "-", "–", "—"].contains(scalars[index])
    }

    @Test func numberedHeadingsAreFoundAsOverACopy() {
        let parts = [
            "Del", " ", "2", "12", "1234", ":", ".", "–", "**", "_", "Trafik", "a", "\u{301}", "\t", "ö", "—", "-",
        ]
        var generator = SeededGenerator(state: 0x2D)
        for round in 0..<4000 {
            var text = (0..<Int.random(in: 0...7, using: &generator)).map { _ in
                parts.randomElement(using: &generator)!
            }.joined()
            if round % 10 == 0 { text = String(repeating: "x", count: 95 + round % 10) + text }
            if round % 10 == 1 { text = "Del " + String(repeating: "1", count: round % 5) + text }
            #expect(
                TextLayout.isNumberedHeading(text) == Self.isNumberedHeadingReference(text), "round \(round): '\(text)'"
            )
        }
    }

    /// Party markers found for many blocks in one scan are those found block by block.
    @Test func partiesOfManyBlocksAreThoseOfEachBlock() {
        let words = [
            "Polisen", "polisens", "kommunen", "Kommun", "vi", "ska", "parterna", "lokalpolisområdet", "och", ",", ".",
            ":", " ", "  ", "é", "e\u{301}", "\u{A0}", "2025", "trygghet", "Vi ska",
        ]
        var generator = SeededGenerator(state: 0x9A)
        for round in 0..<300 {
            let blocks = (0..<Int.random(in: 1...6, using: &generator)).map { line in
                let text = (0..<Int.random(in: 0...10, using: &generator)).map { _ in
                    words.randomElement(using: &generator)!
                }.joined(separator: Bool.random(using: &generator) ? " " : "")
                return TextBlock(
                    kind: Bool.random(using: &generator) ? .paragraph : .listItem(indent: 0),
                    span: Span(text, at: SourceLocation(line: 2 * line + 1, column: 1)), lineCount: 1,
                    followsBlankLine: true)
            }
            let assembler = TextPromiseReader.Assembler(profile: swedishTestProfile, blocks: blocks)
            let draft = TextPromiseReader.Assembler.SectionDraft(
                role: "commitments", heading: blocks[0], entries: blocks.dropFirst().map { ($0, false) })
            // A draft of another role before it, whose blocks are not scanned.
            let other = TextPromiseReader.Assembler.SectionDraft(
                role: "signatures", heading: nil, entries: blocks.map { ($0, false) })
            // And one without a heading after it, which has every block again.
            let unnamed = TextPromiseReader.Assembler.SectionDraft(
                role: nil, heading: nil, entries: blocks.map { ($0, false) })
            guard let shared = assembler.partyMatches(ofBlocksIn: [other, draft, unnamed]).0, shared.count == 3 else {
                Issue.record("round \(round): no shared scan")
                continue
            }
            #expect(shared[0].heading.isEmpty && shared[0].entries.isEmpty, "round \(round)")
            #expect(shared[1].entries.count == blocks.count - 1, "round \(round)")
            #expect(shared[2].heading.isEmpty && shared[2].entries.count == blocks.count, "round \(round)")
            for (index, block) in blocks.enumerated() {
                let plain = assembler.plainPartyMatches(in: block.span)
                let found =
                    index == 0
                    ? shared[1].heading
                    : shared[1].entries.indices.contains(index - 1) ? shared[1].entries[index - 1] : []
                #expect(found.map(\.group) == plain.map(\.group), "round \(round): '\(block.text)'")
                #expect(found.map(\.span.text) == plain.map(\.span.text), "round \(round): '\(block.text)'")
                #expect(found.map(\.span.location) == plain.map(\.span.location), "round \(round)")
                let again = shared[2].entries.indices.contains(index) ? shared[2].entries[index] : []
                #expect(again.map(\.span.text) == plain.map(\.span.text), "round \(round): '\(block.text)'")
                #expect(again.map(\.span.location) == plain.map(\.span.location), "round \(round)")
            }
        }
    }

    /// The groups seen in a span answer as a set does, over and under the list's limit and
    /// across clearing, on random runs of names from a few to many more than the limit.
    @Test func seenGroupsAnswerAsASetDoes() {
        var generator = SeededGenerator(state: 0x5EE)
        for round in 0..<2000 {
            let names = Int.random(in: 1...(3 * TextPromiseReader.Assembler.SeenGroups.listLimit), using: &generator)
            var seen = TextPromiseReader.Assembler.SeenGroups()
            var reference: Set<String> = []
            for _ in 0..<Int.random(in: 0...60, using: &generator) {
                if Int.random(in: 0..<20, using: &generator) == 0 {
                    seen.removeAll()
                    reference.removeAll()
                    continue
                }
                let group = "g\(Int.random(in: 0..<names, using: &generator))"
                #expect(seen.insert(group) == reference.insert(group).inserted, "round \(round): \(group)")
            }
        }
    }
}
