import PromiseCheckYAML
import Testing

@Suite struct YAMLErrorTests {
    @Test func unclosedFlowSequence() throws {
        let error = try #require(parseError("a: [1, 2\nb: 3\n"))
        #expect(error.kind == .syntax)
        #expect(error.mark == at(2, 2))
        #expect(error.message == "did not find expected ',' or ']' while parsing a flow sequence started at 1:4")
        #expect(error.snippet == "b: 3\n ^")
        #expect(
            error.description
                == "2:2: did not find expected ',' or ']' while parsing a flow sequence started at 1:4\nb: 3\n ^")
    }

    @Test func badIndentation() throws {
        let error = try #require(parseError("a:\n  b: 1\n c: 2\n"))
        #expect(error.kind == .syntax)
        #expect(error.mark == at(3, 2))
        #expect(error.message == "did not find expected key while parsing a block mapping started at 1:1")
        #expect(error.snippet == " c: 2\n ^")
    }

    @Test func problemWithoutContext() throws {
        let error = try #require(parseError("a: 1\n b: 2\n"))
        #expect(error.kind == .syntax)
        #expect(error.mark == at(2, 3))
        #expect(error.message == "mapping values are not allowed in this context")
        #expect(error.snippet == " b: 2\n  ^")
    }

    @Test func caretLineKeepsTabs() throws {
        let error = try #require(parseError("x: [a,\n\t]: b\n"))
        #expect(error.kind == .syntax)
        #expect(error.mark == at(2, 3))
        #expect(error.snippet == "\t]: b\n\t ^")
    }

    @Test func caretCountsUnicodeScalars() throws {
        let error = try #require(parseError("ä: 1\n åé: 2\n"))
        #expect(error.mark == at(2, 4))
        #expect(error.snippet == " åé: 2\n   ^")
    }

    @Test func tabIndentationAtLineStart() throws {
        let error = try #require(parseError("a:\n\tb: 1\n"))
        #expect(error.kind == .tabIndentation)
        #expect(error.mark == at(2, 1))
        #expect(error.message == "tab used for indentation; YAML indents with spaces")
        #expect(error.snippet == "\tb: 1\n^")
    }

    @Test func tabIndentationInsideBlock() throws {
        let error = try #require(parseError("a:\n  b: c\n  \td: e\n"))
        #expect(error.kind == .tabIndentation)
        #expect(error.mark == at(3, 3))
        #expect(error.snippet == "  \td: e\n  ^")
    }

    @Test func tabIndentationInBlockScalarAndAfterDash() throws {
        let literal = try #require(parseError("a: |\n  x\n\t y\n"))
        #expect(literal.kind == .tabIndentation)
        #expect(literal.mark == at(3, 1))
        let dash = try #require(parseError("a:\n  - b\n  -\tc: d\n    \te: f\n"))
        #expect(dash.kind == .tabIndentation)
        #expect(dash.mark == at(3, 4))
    }

    @Test func tabInsideAValueIsFine() throws {
        let root = try YAMLParser.parse("a: x\ty\n")
        #expect(root["a"]?.scalar == "x\ty")
    }

    @Test func duplicateKeyNamesBothPlaces() throws {
        let error = try #require(parseError("name: x\narea: a\nother: 1\narea: b\n"))
        #expect(error.kind == .duplicateKey(first: at(2, 1)))
        #expect(error.mark == at(4, 1))
        #expect(error.message == "duplicate key 'area' (first defined at 2:1)")
        #expect(error.snippet == "area: b\n^")
        #expect(error.description == "4:1: duplicate key 'area' (first defined at 2:1)\narea: b\n^")
    }

    @Test func duplicateKeyComparesValuesNotStyles() throws {
        let error = try #require(parseError("outer:\n  'k': 1\n  k: 2\n"))
        #expect(error.kind == .duplicateKey(first: at(2, 3)))
        #expect(error.mark == at(3, 3))
    }

    @Test func duplicateKeyInLargeMapping() throws {
        let lines = (0..<40).map { "key\($0): v" } + ["key7: again"]
        let error = try #require(parseError(lines.joined(separator: "\n")))
        #expect(error.kind == .duplicateKey(first: at(8, 1)))
        #expect(error.mark == at(41, 1))
        #expect(error.message == "duplicate key 'key7' (first defined at 8:1)")
    }

    @Test func duplicateKeyInFlowMapping() throws {
        let error = try #require(parseError("{a: 1, b: 2, a: 3}"))
        #expect(error.kind == .duplicateKey(first: at(1, 2)))
        #expect(error.mark == at(1, 14))
    }

    @Test func sameKeyInDifferentMappingsIsFine() throws {
        let root = try YAMLParser.parse("- name: a\n- name: b\n")
        #expect(root.sequence?.compactMap { $0["name"]?.scalar } == ["a", "b"])
    }

    @Test func emptyFile() throws {
        let error = try #require(parseError(""))
        #expect(error.kind == .empty)
        #expect(error.mark == at(1, 1))
        #expect(error.message == "file is empty")
        #expect(error.snippet == nil)
        #expect(error.description == "1:1: file is empty")
    }

    @Test func whitespaceOrCommentsOnlyIsEmpty() throws {
        #expect(parseError("  \n\n\t\n")?.kind == .empty)
        let error = try #require(parseError("# just a comment\n# and another\n"))
        #expect(error.kind == .empty)
        #expect(error.mark == at(1, 1))
        #expect(parseError([0xEF, 0xBB, 0xBF])?.kind == .empty)
    }

    @Test func nulByteIsBinary() throws {
        let error = try #require(parseError(Array("a: b\nc: d\nkey: x".utf8) + [0, 0x41, 0x0A]))
        #expect(error.kind == .binary)
        #expect(error.mark == at(3, 7))
        #expect(error.message == "binary file (NUL byte at 3:7); expected UTF-8 text")
    }

    @Test func invalidUTF8AtStart() throws {
        let error = try #require(parseError([0xFF] + Array("a: b\n".utf8)))
        #expect(error.kind == .notUTF8)
        #expect(error.mark == at(1, 1))
        #expect(error.message == "not valid UTF-8 at byte offset 0")
    }

    @Test func invalidUTF8InTheMiddle() throws {
        // "key: ab\n" is 8 bytes, "v: é" 5 more: the bad byte is at offset 13, column 5.
        let error = try #require(parseError(Array("key: ab\nv: é".utf8) + [0xC3, 0x28] + Array("x\nz: 1\n".utf8)))
        #expect(error.kind == .notUTF8)
        #expect(error.mark == at(2, 5))
        #expect(error.message == "not valid UTF-8 at byte offset 13")
        #expect(error.snippet == "v: é\u{FFFD}(x\n    ^")
    }

    @Test func invalidUTF8AtEnd() throws {
        let error = try #require(parseError(Array("a: 1\nb: xy".utf8) + [0xE2, 0x82]))
        #expect(error.kind == .notUTF8)
        #expect(error.mark == at(2, 6))
        #expect(error.message == "not valid UTF-8 at byte offset 10")
    }

    @Test func surrogatesAndOverlongFormsAreInvalid() throws {
        #expect(parseError(Array("a: ".utf8) + [0xED, 0xA0, 0x80])?.kind == .notUTF8)
        #expect(parseError(Array("a: ".utf8) + [0xC0, 0xAF])?.kind == .notUTF8)
        #expect(parseError(Array("a: ".utf8) + [0xF4, 0x90, 0x80, 0x80])?.kind == .notUTF8)
        #expect(parseError(Array("a: ".utf8) + [0xF0, 0x9F, 0x98, 0x80]) == nil)
    }

    @Test func utf16IsRejected() throws {
        let littleEndian = try #require(parseError([0xFF, 0xFE, 0x61, 0x00, 0x3A, 0x00]))
        #expect(littleEndian.kind == .notUTF8)
        #expect(littleEndian.mark == at(1, 1))
        #expect(littleEndian.message == "UTF-16 text; save the file as UTF-8")
        #expect(parseError([0xFE, 0xFF, 0x00, 0x61, 0x00, 0x3A])?.message == "UTF-16 text; save the file as UTF-8")
        #expect(parseError([0x61, 0x00, 0x3A, 0x00, 0x20, 0x00])?.message == "UTF-16 text; save the file as UTF-8")
        #expect(
            parseError([0xFF, 0xFE, 0x00, 0x00, 0x61, 0x00, 0x00, 0x00])?.message
                == "UTF-32 text; save the file as UTF-8")
    }

    @Test func multipleDocuments() throws {
        let error = try #require(parseError("a: 1\n---\nb: 2\n"))
        #expect(error.kind == .multipleDocuments)
        #expect(error.mark == at(2, 1))
        #expect(error.message == "found a second YAML document; a file holds one document")
        #expect(error.snippet == "---\n^")
        let afterEnd = try #require(parseError("a: 1\n...\nb: 2\n"))
        #expect(afterEnd.kind == .multipleDocuments)
        #expect(afterEnd.mark == at(3, 1))
    }

    @Test func undefinedAlias() throws {
        let error = try #require(parseError("a: 1\nb: *nope\n"))
        #expect(error.kind == .undefinedAlias)
        #expect(error.mark == at(2, 4))
        #expect(error.message == "undefined alias '*nope'; no anchor '&nope' comes before it")
        #expect(error.snippet == "b: *nope\n   ^")
    }

    @Test func selfReferentialAliasIsUndefined() throws {
        let error = try #require(parseError("a: &x [1, *x]\n"))
        #expect(error.kind == .undefinedAlias)
        #expect(error.mark == at(1, 11))
        #expect(error.message == "alias '*x' refers to a collection that contains it")
    }

    @Test func controlCharacterIsLocated() throws {
        let error = try #require(parseError("a: 1\nb: x\u{07}y\n"))
        #expect(error.kind == .syntax)
        #expect(error.mark == at(2, 5))
        #expect(error.message == "control characters are not allowed (U+0007)")
        #expect(error.snippet == "b: x\u{2407}y\n    ^")
    }

    @Test func longLineSnippetIsCutAroundTheColumn() throws {
        let text = "x: [" + String(repeating: "aa, ", count: 300) + "} tail"
        let error = try #require(parseError(text))
        #expect(error.kind == .syntax)
        #expect(error.mark == at(1, 1205))
        let lines = try #require(error.snippet?.split(separator: "\n", omittingEmptySubsequences: false))
        #expect(lines.count == 2)
        let source = Array(lines[0].unicodeScalars)
        let caret = Array(lines[1].unicodeScalars)
        #expect(source.count == 161)
        #expect(source.first == "\u{2026}")
        #expect(source.last == "l")
        #expect(caret.last == "^")
        #expect(source[caret.count - 1] == "}")
    }

    @Test func descriptionWithoutMarkOrSnippet() {
        let error = YAMLError(kind: .syntax, message: "out of memory while parsing", mark: nil)
        #expect(error.description == "out of memory while parsing")
        let located = YAMLError(kind: .empty, message: "file is empty", mark: at(3, 4))
        #expect(located.description == "3:4: file is empty")
    }

    @Test func markOrderingAndDescription() {
        #expect(at(12, 5).description == "12:5")
        #expect(at(1, 9) < at(2, 1))
        #expect(at(2, 1) < at(2, 3))
        #expect(!(at(2, 3) < at(2, 3)))
    }

    @Test func neverCrashesOnOddInputs() {
        let inputs: [[UInt8]] = [
            Array(":".utf8), Array("- - -".utf8), Array("? ? ?".utf8), Array("&a".utf8), Array("*".utf8),
            Array("!<".utf8), Array("{".utf8), Array("]".utf8), Array("'".utf8), Array("\"\\".utf8),
            Array("%YAML 9.9\n---\n".utf8), Array("%FOO\n".utf8), Array("|\n\t".utf8), [0x0D], [0xC2, 0x85],
            Array("a: \u{FEFF}b".utf8), Array("---".utf8), Array("...".utf8), Array("a: >-\n".utf8),
        ]
        for input in inputs {
            do {
                _ = try YAMLParser.parse(input)
            } catch {
                #expect(error.mark != nil, "\(input)")
            }
        }
    }
}
