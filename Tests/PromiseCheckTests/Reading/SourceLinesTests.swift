import PromiseCheckYAML
import Testing

@testable import PromiseCheck

/// The byte-level paths of `SourceLines` and block scalar spans against the straightforward
/// versions on decoded text, on random input.
@Suite struct SourceLinesTests {
    /// What `SourceLines` did before it took valid UTF-8 as it is.
    private func repairedByString(_ bytes: [UInt8]) -> [UInt8] {
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return Array(text.utf8)
    }

    /// Random bytes from pieces that matter: byte order marks, multi-byte and combining
    /// characters, line breaks, NUL, and bytes that are not UTF-8.
    private func randomBytes(_ generator: inout SeededGenerator) -> [UInt8] {
        let pieces: [[UInt8]] = [
            [0xEF, 0xBB, 0xBF], Array("a".utf8), Array("å".utf8), Array("\u{301}".utf8), Array("😀".utf8),
            [0x0A], [0x0D], [0x0D, 0x0A], [0x00], [0x80], [0xC3], [0xFF], [0xED, 0xA0, 0x80], [0xF0, 0x9F],
            Array(" ".utf8), Array("\t".utf8),
        ]
        var bytes: [UInt8] = []
        for _ in 0..<Int.random(in: 0...12, using: &generator) {
            bytes += pieces.randomElement(using: &generator)!
        }
        return bytes
    }

    @Test func validTextIsTakenAsItIsAndOtherTextIsRepairedAsStringDoes() {
        var generator = SeededGenerator(state: 7)
        for _ in 0..<5_000 {
            let bytes = randomBytes(&generator)
            #expect(SourceLines.repairedText(bytes) == repairedByString(bytes), "\(bytes)")
        }
        // A byte order mark is a `Character` of its own, even before a combining mark.
        let marked: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("\u{301}a".utf8)
        #expect(SourceLines.repairedText(marked) == Array("\u{301}a".utf8))
        #expect(SourceLines.repairedText([0xEF, 0xBB, 0xBF, 0x61]) == [0x61])
    }

    @Test func linesSplitAtEachKindOfBreak() {
        let source = SourceLines(Array("a\r\nb\rc\n\nå".utf8))
        #expect(source.count == 5)
        #expect(
            (1...5).map { source.lineBytes($0).map { Array($0) } } == ["a", "b", "c", "", "å"].map { Array($0.utf8) })
        #expect(source.lineBytes(0) == nil && source.lineBytes(6) == nil)
        #expect(source.line(5) == ["å"])
    }

    /// Random lines with indentation, blank and whitespace-only lines, tabs and characters
    /// of one to four bytes, joined by every kind of line break.
    private func randomSource(_ generator: inout SeededGenerator) -> [UInt8] {
        let words = ["a", "ord", "å", "Öl", "e\u{301}", "😀", "x y", "#", "\t", " "]
        let breaks = ["\n", "\r\n", "\r"]
        var text = ""
        for _ in 0..<Int.random(in: 1...10, using: &generator) {
            let indent = Int.random(in: 0...6, using: &generator)
            text += String(repeating: " ", count: indent)
            if Int.random(in: 0..<5, using: &generator) > 0 {
                for _ in 0..<Int.random(in: 1...4, using: &generator) {
                    text += words.randomElement(using: &generator)!
                }
            }
            text += breaks.randomElement(using: &generator)!
        }
        return Array(text.utf8)
    }

    @Test func blockSpansFromBytesMatchBlockSpansFromScalars() {
        var generator = SeededGenerator(state: 11)
        var compared = 0
        for _ in 0..<1_500 {
            let source = SourceLines(randomSource(&generator))
            for line in 0...(source.count + 1) {
                for column in [1, 2, Int.random(in: 3...8, using: &generator)] {
                    for folded in [false, true] {
                        let node = Node(
                            content: .scalar("x", folded ? .folded : .literal), mark: Mark(line: line, column: column),
                            endMark: Mark(line: line + 1, column: 1))
                        let fast = PromiseFileReader.Context.blockSpan(node: node, folded: folded, source: source)
                        let plain = PromiseFileReader.Context.blockSpanByScalars(
                            node: node, folded: folded, source: source)
                        #expect(fast == plain)
                        if fast != nil { compared += 1 }
                    }
                }
            }
        }
        #expect(compared > 10_000)
    }

    @Test func indentationAndBlanknessInOnePassMatchTheTwoScans() {
        var generator = SeededGenerator(state: 19)
        for _ in 0..<3_000 {
            var bytes = randomBytes(&generator)
            // Leading spaces most of the time, as indented lines have.
            bytes.insert(
                contentsOf: repeatElement(UInt8(ascii: " "), count: Int.random(in: 0...4, using: &generator)), at: 0)
            // A slice not starting at zero, as a file's line is.
            let line = ([UInt8(ascii: "x")] + bytes)[1...]
            let found = PromiseFileReader.Context.indentationAndBlankness(line)
            #expect(found.indentation == SourceLines.indentation(line), "\(bytes)")
            #expect(found.isBlank == SourceLines.isBlank(line), "\(bytes)")
        }
    }

    @Test func linesFoundWithMemchrAreTheLinesFoundByteByByte() {
        var generator = SeededGenerator(state: 13)
        for _ in 0..<3_000 {
            var bytes = randomBytes(&generator)
            // Half without a carriage return, which takes the memchr path.
            if Bool.random(using: &generator) { bytes.removeAll { $0 == 0x0D } }
            let fast = bytes.withUnsafeBufferPointer(SourceLines.lineRanges)
            let plain = bytes.withUnsafeBufferPointer(SourceLines.lineRangesByBytes)
            #expect(fast == plain, "\(bytes)")
        }
        #expect([UInt8]().withUnsafeBufferPointer(SourceLines.lineRanges) == [0..<0])
        #expect(Array("a\n".utf8).withUnsafeBufferPointer(SourceLines.lineRanges) == [0..<1, 2..<2])
    }

    @Test func validUTF8IsTakenAsTheRepairedTextWouldBe() {
        var generator = SeededGenerator(state: 17)
        var compared = 0
        for _ in 0..<3_000 {
            let bytes = randomBytes(&generator)
            guard String(validating: bytes, as: UTF8.self) != nil else { continue }
            let valid = SourceLines(validUTF8: bytes)
            let repaired = SourceLines(bytes)
            #expect(valid.count == repaired.count, "\(bytes)")
            for line in 0...(valid.count + 1) { #expect(valid.lineBytes(line) == repaired.lineBytes(line), "\(bytes)") }
            compared += 1
        }
        #expect(compared > 500)
    }

    @Test func containsFindsWhatANaiveSearchFinds() {
        var generator = SeededGenerator(state: 19)
        let needles = ["ab", "a", "aba", "å", "\n", "promisecheck:", "b\na"]
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...14, using: &generator) {
                text += ["a", "b", "å", "\n", "promisecheck:", "promise", " "].randomElement(using: &generator)!
            }
            let source = SourceLines(Array(text.utf8))
            for needle in needles {
                let naive = text.utf8.indices.contains { text.utf8[$0...].starts(with: needle.utf8) }
                #expect(source.contains(needle) == naive, "\(text.debugDescription) \(needle.debugDescription)")
            }
        }
        // A slice is searched within its own bounds.
        let whole = Array("ab|promisecheck:|ab".utf8)
        #expect(SourceLines.bytes(whole[3..<16], contain: Array("promisecheck:".utf8)))
        #expect(!SourceLines.bytes(whole[4..<16], contain: Array("promisecheck:".utf8)))
        #expect(!SourceLines.bytes(whole[3..<15], contain: Array("promisecheck:".utf8)))
        #expect(SourceLines(Array("abc".utf8)).contains(""))
        #expect(!SourceLines([]).contains("a"))
    }

    /// Counting scalars eight bytes at a time, on slices that start and end anywhere in a
    /// valid text (across and inside the eight-byte steps), against decoding them.
    @Test func scalarCountCountsTheDecodedScalars() {
        var generator = SeededGenerator(state: 11)
        let pieces = ["a", "Hej ", "abcdefgh", "å", "Ö", "e\u{301}", "😀", "\u{2028}", "–", "\n"]
        for _ in 0..<5_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...16, using: &generator) { text += pieces.randomElement(using: &generator)! }
            let bytes = Array(text.utf8)
            let scalarStarts = bytes.indices.filter { bytes[$0] & 0xC0 != 0x80 } + [bytes.count]
            let start = scalarStarts.randomElement(using: &generator)!
            let end = scalarStarts.filter { $0 >= start }.randomElement(using: &generator)!
            let slice = bytes[start..<end]
            let decoded = String(decoding: slice, as: UTF8.self).unicodeScalars.count
            #expect(SourceLines.scalarCount(slice) == decoded, "\(slice)")
        }
    }
}
