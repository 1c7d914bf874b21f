import Testing

@testable import PromiseCheck

@Suite struct TextDecodingTests {
    /// Decodes `bytes`, returning the lines as strings and the diagnostics.
    private func decode(_ bytes: [UInt8]) -> (lines: [String]?, diagnostics: [Diagnostic], windows1252: Bool) {
        let log = DiagnosticLog()
        let decoded = TextDecoding.decode(bytes, path: "lofte.txt", log: log)
        let lines = decoded?.lines.scalarLines.map { String(String.UnicodeScalarView($0)) }
        return (lines, log.diagnostics, decoded?.isWindows1252 ?? false)
    }

    @Test func utf8IsReadAsIs() {
        let result = decode(Array("Ekby – löften\nTrygghet i Åby".utf8))
        #expect(result.lines == ["Ekby – löften", "Trygghet i Åby"])
        #expect(result.diagnostics.isEmpty)
        #expect(!result.windows1252)
    }

    @Test func aByteOrderMarkIsDropped() {
        let result = decode([0xEF, 0xBB, 0xBF] + Array("Ö\n".utf8))
        #expect(result.lines == ["Ö", ""])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func crlfLfAndLoneCrEachEndALine() {
        let result = decode(Array("a\r\nb\nc\rd\r\n\r\ne".utf8))
        #expect(result.lines == ["a", "b", "c", "d", "", "e"])
    }

    @Test func tabsAndNonBreakingSpacesAreKept() {
        let result = decode(Array("\ta\u{A0}b ".utf8))
        #expect(result.lines == ["\ta\u{A0}b "])
    }

    @Test func anEmptyFileIsOneEmptyLine() {
        #expect(decode([]).lines == [""])
        #expect(decode([0xEF, 0xBB, 0xBF]).lines == [""])
    }

    @Test(
        arguments: [
            ([0xFF, 0xFE, 0x41, 0x00], "UTF-16"), ([0xFE, 0xFF, 0x00, 0x41], "UTF-16"),
            ([0xFF, 0xFE, 0x00, 0x00], "UTF-32"), ([0x00, 0x00, 0xFE, 0xFF], "UTF-32"),
            ([0x41, 0x00, 0x42, 0x00], "UTF-16"), ([0x00, 0x00, 0x00, 0x41], "UTF-32"),
        ] as [([UInt8], String)])
    func utf16AndUtf32AreRejected(_ bytes: [UInt8], _ encoding: String) {
        let result = decode(bytes)
        #expect(result.lines == nil)
        expectDiagnostic(
            result.diagnostics, code: "input.encoding", at: pos(1, 1),
            message: "\(encoding) text; save the file as UTF-8")
    }

    @Test func aNulByteMakesTheFileBinary() {
        let result = decode(Array("Ekby\nlö".utf8) + [0x00] + Array("x".utf8))
        #expect(result.lines == nil)
        expectDiagnostic(
            result.diagnostics, code: "input.binary", at: pos(2, 3),
            message: "binary file (NUL byte at 2:3); expected text")
    }

    @Test func invalidUtf8IsReadAsWindows1252WithAWarning() {
        // "Åby – trygghet" and "€ 5 ”fem”" in Windows-1252, after a line of plain ASCII.
        let bytes: [UInt8] =
            Array("Ekby\r\n".utf8) + [0xC5] + Array("by ".utf8) + [0x96] + Array(" trygghet\n".utf8)
            + [0x80, 0x20, 0x35, 0x20, 0x94, 0x66, 0x65, 0x6D, 0x94]
        let result = decode(bytes)
        #expect(result.lines == ["Ekby", "Åby – trygghet", "€ 5 ”fem”"])
        #expect(result.windows1252)
        expectDiagnostic(
            result.diagnostics, code: "input.windows-1252", severity: .warning, at: pos(2, 1),
            message: "not UTF-8; read as Windows-1252")
    }

    @Test func theWarningIsAtTheFirstInvalidByteAfterValidUtf8() {
        // Valid UTF-8 "ö" (two bytes, two Windows-1252 characters) before a lone 0xE4.
        let bytes: [UInt8] = Array("a\nxö ".utf8) + [0xE4]
        let result = decode(bytes)
        #expect(result.lines == ["a", "xÃ¶ ä"])
        expectDiagnostic(
            result.diagnostics, code: "input.windows-1252", severity: .warning, at: pos(2, 5),
            message: "not UTF-8; read as Windows-1252")
    }

    @Test func bytesWindows1252LeavesUndefinedAreErrorsAtTheirPlace() {
        let bytes: [UInt8] = Array("ok\n".utf8) + [0xE5, 0x81, 0x20] + Array("\n".utf8) + [0x9D]
        let result = decode(bytes)
        #expect(result.lines == ["ok", "å\u{FFFD} ", "\u{FFFD}"])
        let errors = result.diagnostics.filter { $0.code == "input.encoding" }
        #expect(errors.map(\.location) == [pos(2, 2), pos(3, 1)])
        #expect(
            errors.map(\.message) == [
                "byte 0x81 is not a character in Windows-1252", "byte 0x9D is not a character in Windows-1252",
            ])
        #expect(errors.allSatisfy { $0.severity == .error })
    }

    @Test func theWindows1252TableCoversTheHighControlRange() {
        #expect(TextDecoding.windows1252Scalar(0x80) == "€")
        #expect(TextDecoding.windows1252Scalar(0x85) == "…")
        #expect(TextDecoding.windows1252Scalar(0x8A) == "Š")
        #expect(TextDecoding.windows1252Scalar(0x91) == "‘")
        #expect(TextDecoding.windows1252Scalar(0x95) == "•")
        #expect(TextDecoding.windows1252Scalar(0x97) == "—")
        #expect(TextDecoding.windows1252Scalar(0x9F) == "Ÿ")
        #expect(TextDecoding.windows1252Scalar(0xA0) == "\u{A0}")
        #expect(TextDecoding.windows1252Scalar(0xF6) == "ö")
        for undefined: UInt8 in [0x81, 0x8D, 0x8F, 0x90, 0x9D] {
            #expect(TextDecoding.windows1252Scalar(undefined) == nil)
        }
    }

    @Test func overlongAndSurrogateSequencesAreNotUtf8() {
        #expect(TextDecoding.firstInvalidUTF8Byte([0x61, 0xC0, 0x80], from: 0) == 1)
        #expect(TextDecoding.firstInvalidUTF8Byte([0xED, 0xA0, 0x80], from: 0) == 0)
        #expect(TextDecoding.firstInvalidUTF8Byte([0xE2, 0x80], from: 0) == 0)
        #expect(TextDecoding.firstInvalidUTF8Byte(Array("Öl – €𝄞".utf8), from: 0) == nil)
    }

    /// Lines decoded from the bytes are the lines `String` decodes, on random UTF-8 with every
    /// kind of line break and characters of one to four bytes.
    @Test func utf8LinesMatchStringDecoding() {
        var generator = SeededGenerator(state: 3)
        // Runs of eight bytes and more without a line break, and bytes below 0x0E that are none.
        let pieces = [
            "a", " ", "\t", "\n", "\r", "\r\n", "\n\r", "å", "€", "𝄞", "e\u{301}", "\u{2028}", "\u{85}",
            "Polisen ska", "patrullerar i parken", "\u{0B}", "\u{0C}", "\u{0E}", "\u{1F}",
        ]
        for _ in 0..<5_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...16, using: &generator) { text += pieces.randomElement(using: &generator)! }
            let bytes = Array(text.utf8)
            for start in [0, min(1, bytes.count)] where start == 0 || bytes[0] < 0x80 {
                #expect(
                    TextDecoding.utf8Lines(bytes, from: start).scalarLines
                        == TextDecoding.utf8LinesByString(bytes, from: start),
                    "\(bytes)")
            }
        }
    }
}
