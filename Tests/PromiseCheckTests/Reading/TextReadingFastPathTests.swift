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

    /// A name's shape read over scalars is the one read by splitting characters, on texts of
    /// name-like words, separators and scalars that take the slow path.
    @Test func namesAreShapedAsBySplittingCharacters() {
        let pieces = [
            "Anna", "Lind", "Ö", "åsa", "-", " ", " ", " ", "  ", "\t", "\u{A0}", "Berg-Ek", "e\u{301}", "\u{301}", "É",
            "x", "1", ",", "\u{85}", "\r\n", "\u{1C4}", "\u{1C5}", "ß", "\u{2010}", "Li", "-Ek", "\u{3000}", "Ω",
        ]
        var generator = SeededGenerator(state: 0x4A3E)
        var names = 0
        for round in 0..<20000 {
            let text = (0..<Int.random(in: 0...7, using: &generator)).map { _ in
                pieces.randomElement(using: &generator)!
            }.joined()
            let expected = TextPromiseReader.Assembler.isNameShapedByCharacters(text)
            #expect(TextPromiseReader.Assembler.isNameShaped(text) == expected, "round \(round): '\(text)'")
            if expected { names += 1 }
        }
        // The texts must hold names, not only lines that are none.
        #expect(names > 500)
    }

    /// The lines of a block's span as they were first cut: the text copied into an array of
    /// scalars and each line encoded again.
    static func lineSpansReference(of span: Span) -> [Span] {
        let starts = span.lineStarts
        guard starts.count > 1 else { return [span] }
        let scalars = Array(span.text.unicodeScalars)
        return starts.indices.map { index in
            let lower = starts[index].offset
            let upper = index + 1 < starts.count ? starts[index + 1].offset - 1 : scalars.count
            let text = TextLayout.string(scalars[lower..<max(lower, upper)])
            return Span(text, at: starts[index].location, isVerbatim: true)
        }
    }

    /// The lines of the blocks of random texts are cut as by the reference.
    @Test func blockLinesAreCutAsByTheReference() {
        let pieces = ["Anna", "Lind", "å", "e\u{301}", "\u{1F46E}", " ", "  ", "\u{A0}", ",", "2025", "-", "–"]
        var generator = SeededGenerator(state: 0x11E5)
        var multiLine = 0
        for round in 0..<1500 {
            let lines = (0..<Int.random(in: 1...6, using: &generator)).map { _ in
                (0..<Int.random(in: 0...5, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                    .joined()
            }
            let scalarLines = lines.map { Array($0.unicodeScalars) }
            for block in TextLayout.blocks(of: TextLines(scalarLines), format: .text) {
                let cut = TextPromiseReader.Assembler.lineSpans(of: block.span)
                let reference = Self.lineSpansReference(of: block.span)
                #expect(cut == reference, "round \(round): \(lines)")
                #expect(cut.map(\.text) == reference.map(\.text), "round \(round): \(lines)")
                if reference.count > 1 { multiLine += 1 }
            }
        }
        #expect(multiLine > 300)
    }

    /// ``Span/slice(_:fromScalarOffset:)`` as it was first written: every part with an array of
    /// line starts, built from the whole span's array.
    static func sliceReference(_ span: Span, _ text: String, fromScalarOffset start: Int) -> Span {
        guard span.isVerbatim else { return Span(text, at: span.location) }
        let length = text.unicodeScalars.count
        var starts = [Span.LineStart(offset: 0, location: span.location(atScalarOffset: start))]
        for lineStart in span.lineStarts where lineStart.offset > start && lineStart.offset < start + length {
            starts.append(Span.LineStart(offset: lineStart.offset - start, location: lineStart.location))
        }
        return Span(text, lineStarts: starts)
    }

    /// A part of a span is located as by the reference, line by line, whether the span stands
    /// on one line (its line start implied or stored), on several or not verbatim.
    @Test func slicesAreLocatedAsByTheReference() {
        let pieces = ["a", "å", " ", "\u{1F46E}", "e\u{301}", "-"]
        var generator = SeededGenerator(state: 0x511CE)
        var spanningLines = 0
        for round in 0..<3000 {
            let scalars = (0..<Int.random(in: 0...14, using: &generator)).map { _ in
                pieces.randomElement(using: &generator)!
            }.joined().unicodeScalars.map { $0 }
            let text = String(String.UnicodeScalarView(scalars))
            let location = PromiseCheck.SourceLocation(
                line: Int.random(in: 1...9, using: &generator), column: Int.random(in: 1...9, using: &generator))
            let span: Span
            switch Int.random(in: 0..<4, using: &generator) {
            case 0: span = Span(text, at: location, isVerbatim: true)
            case 1: span = Span(text, at: location)
            default:
                var offset = 0
                var line = location.line
                let starts = (0..<Int.random(in: 1...4, using: &generator)).map { index in
                    if index > 0 { offset += Int.random(in: 0...4, using: &generator) }
                    line += index > 0 ? 1 : 0
                    let column = index > 0 ? Int.random(in: 1...5, using: &generator) : location.column
                    return Span.LineStart(
                        offset: offset, location: PromiseCheck.SourceLocation(line: line, column: column))
                }
                span = Span(text, lineStarts: starts)
            }
            let start = Int.random(in: 0...scalars.count, using: &generator)
            let end = Int.random(in: start...scalars.count, using: &generator)
            let part = String(String.UnicodeScalarView(scalars[start..<end]))
            let sliced = span.slice(part, fromScalarOffset: start)
            let reference = Self.sliceReference(span, part, fromScalarOffset: start)
            #expect(sliced == reference, "round \(round): \(span.lineStarts) from \(start) to \(end)")
            #expect(sliced.lineStarts == reference.lineStarts, "round \(round)")
            #expect(sliced.isVerbatim == reference.isVerbatim, "round \(round)")
            for offset in 0...(end - start + 1) {
                #expect(
                    sliced.location(atScalarOffset: offset) == reference.location(atScalarOffset: offset),
                    "round \(round): offset \(offset)")
            }
            if reference.lineStarts.count > 1 { spanningLines += 1 }
        }
        // The parts must also cross line starts, not only stand on one line.
        #expect(spanningLines > 120)
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
            let entries = blocks.indices.map { TextPromiseReader.Assembler.Entry(index: $0, isSubHeading: false) }
            let draft = TextPromiseReader.Assembler.SectionDraft(
                role: "commitments", heading: 0, entries: Array(entries.dropFirst()))
            // A draft of another role before it, whose blocks are not scanned.
            let other = TextPromiseReader.Assembler.SectionDraft(role: "signatures", heading: nil, entries: entries)
            // And one without a heading after it, which has every block again.
            let unnamed = TextPromiseReader.Assembler.SectionDraft(role: nil, heading: nil, entries: entries)
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

    /// A file name cut from a simple path is the one Foundation's `URL` reads, on random paths
    /// of directories, names and extensions of every kind; the cut is taken for most of them.
    @Test func simpleFileStemIsURLsStem() {
        let pieces = [
            "norrvik", "Ekby", "-", "_", "2025", ".", "..", "/", "//", " ", "é", "e\u{301}", "%", "%20", "~", "#", "?",
            ":", ";", "\\", "txt", "md", "TXT", "t x", "\u{1F46E}", "a",
        ]
        var generator = SeededGenerator(state: 0xF11E)
        var cut = 0
        for round in 0..<3000 {
            let path = (0..<Int.random(in: 1...8, using: &generator)).map { _ in
                pieces.randomElement(using: &generator)!
            }.joined()
            let extensions = ["", ".txt", ".md", ".Markdown", ".t2", ".", ".tx t", ".é"]
            let full = path + extensions.randomElement(using: &generator)!
            guard let stem = TextPromiseReader.Assembler.simpleFileStem(full) else { continue }
            cut += 1
            #expect(String(stem) == TextPromiseReader.Assembler.fileStem(full), "round \(round): '\(full)'")
        }
        #expect(cut > 300)
    }

    /// Headings are remembered by their UTF-8: keys of the same bytes are equal and hash alike,
    /// and canonically equivalent headings of other bytes ("ä", "a" and a combining diaeresis),
    /// which patterns tell apart, are different keys.
    @Test func knownRoleKeysCompareBytes() {
        typealias Key = TextReadingProfile.KnownRoles.Key
        Self.forRandomTexts(1000, seed: 0x4E1) { round, text in
            let copy = String(decoding: Array(text.utf8), as: UTF8.self)
            #expect(Key(text) == Key(copy), "round \(round): '\(text)'")
            #expect(Key(text).hashValue == Key(copy).hashValue, "round \(round): '\(text)'")
            #expect(Key(text) != Key(text + "x"), "round \(round): '\(text)'")
            #expect(Key(text + "a") != Key(text + "b"), "round \(round): '\(text)'")
        }
        #expect("\u{E4}" == "a\u{308}")
        #expect(Key("Bakgrund \u{E4}") != Key("Bakgrund a\u{308}"))
        // A bridged or sliced string, whose bytes may not be stored in one piece, hashes alike.
        let sliced = String("xBakgrund"[...].dropFirst())
        #expect(Key(sliced).hashValue == Key("Bakgrund").hashValue)
    }
}
