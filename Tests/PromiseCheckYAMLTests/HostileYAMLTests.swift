import PromiseCheckYAML
import Testing

/// Input made to hurt a parser: each is refused with a located error, or parsed, never a crash.
@Suite struct HostileYAMLTests {
    @Test func tenThousandDeepFlowNestingStopsAtTheLimit() throws {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let error = try #require(parseError(text))
        #expect(error.kind == .tooDeep)
        #expect(error.mark == at(1, 65))
        // The snippet is cut to a window around the column, not the whole 20 000-scalar line.
        #expect((error.snippet?.count ?? 0) < 400)
    }

    @Test func tenThousandDeepBlockNestingStopsAtTheLimit() throws {
        // `- - - x` nests block sequences on one line; each level is two columns further in.
        let error = try #require(parseError(String(repeating: "- ", count: 10_000) + "x\n"))
        #expect(error.kind == .tooDeep)
        #expect(error.mark == at(1, 129))
    }

    @Test func tenThousandDeepIndentedMappingsStopAtTheLimit() throws {
        var text = ""
        for level in 0..<10_000 { text += String(repeating: " ", count: level % 200) + "k:\n" }
        // Indentation only grows for 200 lines, so the depth limit is what stops it.
        let error = try #require(parseError(text))
        #expect(error.kind == .tooDeep)
        #expect(error.mark == at(65, 65))
    }

    @Test func aliasBombWhoseCountWouldOverflowIsRefused() throws {
        // 60 levels of doubling: 2^60 nodes if expanded; the count stops at the limit.
        var lines = ["a0: &a0 [x, x]"]
        for level in 1..<60 { lines.append("a\(level): &a\(level) [*a\(level - 1), *a\(level - 1)]") }
        let error = try #require(parseError(lines.joined(separator: "\n")))
        #expect(error.kind == .tooManyNodes)
        #expect(error.mark?.line == 15)
    }

    @Test func aliasBombOfMappingsIsRefused() throws {
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"]
        var lines = ["a: &a {k: v, l: w}"]
        for (previous, name) in zip(names, names.dropFirst()) {
            lines.append(
                "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]")
        }
        #expect(parseError(lines.joined(separator: "\n"))?.kind == .tooManyNodes)
    }

    @Test func oneMegabyteSingleLineScalarParses() throws {
        let value = String(repeating: "trygghet ", count: 116_509)
        let root = try YAMLParser.parse("title: " + value + "\n")
        let title = try #require(root["title"])
        #expect(title.scalar?.count == value.count - 1)
        #expect(title.endMark.line == 1)
    }

    @Test func oneMegabyteSingleLineWithAnErrorAtTheEndHasAShortSnippet() {
        let text = "title: " + String(repeating: "a", count: 1 << 20) + ": x\n"
        let error = parseError(text)
        #expect(error?.mark == at(1, 8 + (1 << 20)))
        #expect(error?.message == "mapping values are not allowed in this context")
        #expect((error?.snippet?.count ?? .max) < 400)
    }

    @Test(
        arguments: [
            ([0x00, 0x61, 0x3A, 0x20, 0x62, 0x0A], at(1, 1)),
            ([0x61, 0x3A, 0x20, 0x00, 0x62, 0x0A], at(1, 4)),
            ([0x61, 0x3A, 0x20, 0x62, 0x0A, 0x00], at(2, 1)),
        ] as [([UInt8], Mark)])
    func nulByteAnywhereIsBinary(bytes: [UInt8], mark: Mark) throws {
        let error = try #require(parseError(bytes))
        #expect(error.mark == mark)
        // A NUL at the very start reads as UTF-16 or UTF-32 (the YAML spec's detection pattern).
        #expect(error.kind == (mark == at(1, 1) ? .notUTF8 : .binary))
    }

    @Test func utf8ByteOrderMarkIsAccepted() throws {
        let root = try YAMLParser.parse([0xEF, 0xBB, 0xBF] + Array("area: Ekby\n".utf8))
        #expect(root["area"]?.mark == at(1, 7))
    }

    @Test(
        arguments: [
            ([0xFF, 0xFE, 0x61, 0x00, 0x3A, 0x00], "UTF-16"),
            ([0xFE, 0xFF, 0x00, 0x61, 0x00, 0x3A], "UTF-16"),
            ([0xFF, 0xFE, 0x00, 0x00, 0x61, 0x00, 0x00, 0x00], "UTF-32"),
            ([0x00, 0x00, 0xFE, 0xFF, 0x00, 0x00, 0x00, 0x61], "UTF-32"),
            ([0x61, 0x00, 0x3A, 0x00], "UTF-16"),
            ([0x00, 0x00, 0x00, 0x61], "UTF-32"),
        ] as [([UInt8], String)])
    func otherByteOrderMarksAreNotUTF8(bytes: [UInt8], encoding: String) throws {
        let error = try #require(parseError(bytes))
        #expect(error.kind == .notUTF8)
        #expect(error.message == "\(encoding) text; save the file as UTF-8")
        #expect(error.mark == at(1, 1))
    }

    @Test func aSecondByteOrderMarkIsContent() throws {
        // Only the first is a byte order mark; another one is a character libyaml refuses.
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF] + Array("a: b\n".utf8)
        do {
            let root = try YAMLParser.parse(bytes)
            #expect(root.mapping != nil)
        } catch {
            #expect(error.mark?.line == 1)
        }
    }

    @Test func carriageReturnOnlyLineEndings() throws {
        let root = try YAMLParser.parse("promise: 1\rarea: Ekby\rparties:\r  - polisen\r")
        #expect(root["area"]?.mark == at(2, 7))
        #expect(root["parties"]?.sequence?.first?.mark == at(4, 5))
        let error = try #require(parseError("a: 1\rb: [\rc: 2\r"))
        #expect(error.mark?.line == 4)
    }

    @Test func whitespaceOnlyInputsAreEmpty() {
        for text in [" ", "\n\n\n", "\t\t", " \r\n \r\n", "\u{FEFF}", "\u{FEFF}  \n"] {
            #expect(parseError(text)?.kind == .empty, "\(Array(text.utf8))")
        }
    }

    @Test func manyDocumentMarkersStopAtTheSecondDocument() throws {
        let error = try #require(parseError(String(repeating: "---\n", count: 100_000)))
        #expect(error.kind == .multipleDocuments)
        #expect(error.mark == at(2, 1))
    }

    @Test func tenThousandKeysWithOneDuplicateAtTheEnd() throws {
        let text = (0..<10_000).map { "k\($0): v" }.joined(separator: "\n") + "\nk17: w\n"
        let error = try #require(parseError(text))
        #expect(error.kind == .duplicateKey(first: at(18, 1)))
        #expect(error.mark == at(10_001, 1))
    }
}
