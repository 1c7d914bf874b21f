import PromiseCheckYAML
import Testing

@Suite struct NodeParsingTests {
    @Test func scalarsOfEachStyleWithMarks() throws {
        let text = """
            plain: hello
            single: 'it''s'
            double: "a\\tb"
            literal: |
              line1
              line2
            folded: >
              one
              two
            """
        let root = try YAMLParser.parse(text)
        let plain = try #require(root["plain"])
        #expect(plain.scalar == "hello")
        #expect(plain.scalarStyle == .plain)
        #expect(plain.mark == at(1, 8))
        #expect(plain.endMark == at(1, 13))

        let single = try #require(root["single"])
        #expect(single.scalar == "it's")
        #expect(single.scalarStyle == .singleQuoted)
        #expect(single.mark == at(2, 9))

        let double = try #require(root["double"])
        #expect(double.scalar == "a\tb")
        #expect(double.scalarStyle == .doubleQuoted)
        #expect(double.mark == at(3, 9))

        let literal = try #require(root["literal"])
        #expect(literal.scalar == "line1\nline2\n")
        #expect(literal.scalarStyle == .literal)
        #expect(literal.mark == at(4, 10))

        let folded = try #require(root["folded"])
        #expect(folded.scalar == "one two")
        #expect(folded.scalarStyle == .folded)
        #expect(folded.mark == at(7, 9))
    }

    @Test func nestedMappingAndSequenceMarks() throws {
        let text = """
            root:
              child:
                key: value
              list:
                - a
                - b: c
            """
        let root = try YAMLParser.parse(text)
        #expect(root.kindName == "mapping")
        #expect(root.mark == at(1, 1))

        let child = try #require(root["root"]?["child"])
        #expect(child.mark == at(3, 5))
        let pair = try #require(child.mapping?.first)
        #expect(pair.key.scalar == "key")
        #expect(pair.key.mark == at(3, 5))
        #expect(pair.value.scalar == "value")
        #expect(pair.value.mark == at(3, 10))
        #expect(pair.value.endMark == at(3, 15))

        let list = try #require(root["root"]?["list"])
        #expect(list.kindName == "sequence")
        #expect(list.mark == at(5, 5))
        let items = try #require(list.sequence)
        #expect(items.count == 2)
        #expect(items[0].scalar == "a")
        #expect(items[0].mark == at(5, 7))
        #expect(items[1].kindName == "mapping")
        #expect(items[1].mark == at(6, 7))
        #expect(items[1]["b"]?.scalar == "c")
        #expect(items[1]["b"]?.mark == at(6, 10))
    }

    @Test func flowCollectionMarks() throws {
        let root = try YAMLParser.parse("[1, {a: b}, []]")
        let items = try #require(root.sequence)
        #expect(root.mark == at(1, 1))
        #expect(root.endMark == at(1, 16))
        #expect(items.map(\.kindName) == ["scalar", "mapping", "sequence"])
        #expect(items[1].mark == at(1, 5))
        #expect(items[1]["a"]?.mark == at(1, 9))
        #expect(items[2].sequence?.isEmpty == true)
    }

    @Test func nonASCIIKeyCountsColumnsInScalars() throws {
        let root = try YAMLParser.parse("åäö: x\n😀: y\n")
        let pairs = try #require(root.mapping)
        #expect(pairs[0].key.scalar == "åäö")
        #expect(pairs[0].value.mark == at(1, 6))
        #expect(pairs[1].value.scalar == "y")
        #expect(pairs[1].value.mark == at(2, 4))
    }

    @Test func utf8ByteOrderMarkIsAcceptedWithoutShiftingColumns() throws {
        let root = try YAMLParser.parse([0xEF, 0xBB, 0xBF] + Array("ab: cd\n".utf8))
        let pair = try #require(root.mapping?.first)
        #expect(pair.key.scalar == "ab")
        #expect(pair.key.mark == at(1, 1))
        #expect(pair.value.mark == at(1, 5))
    }

    @Test func stringAndByteInputsAgree() throws {
        let text = "a:\n  - 1\n  - 2\n"
        let fromString = try YAMLParser.parse(text)
        let fromBytes = try YAMLParser.parse(Array(text.utf8))
        #expect(fromString["a"]?.sequence?.compactMap(\.scalar) == ["1", "2"])
        #expect(fromBytes["a"]?.sequence?.compactMap(\.scalar) == ["1", "2"])
        #expect(fromString["a"]?.sequence?[1].mark == fromBytes["a"]?.sequence?[1].mark)
    }

    @Test func explicitDocumentMarkersAreFine() throws {
        let root = try YAMLParser.parse("---\na: 1\n...\n")
        #expect(root["a"]?.scalar == "1")
        #expect(root["a"]?.mark == at(2, 4))
    }

    @Test func topLevelScalar() throws {
        let root = try YAMLParser.parse("  just text  \n")
        #expect(root.scalar == "just text")
        #expect(root.mark == at(1, 3))
        #expect(root.mapping == nil)
        #expect(root.sequence == nil)
    }

    @Test func tagsAreKeptAsWritten() throws {
        let root = try YAMLParser.parse("a: !!str 12\nb: 12\nc: !custom x\nd: !!map {k: v}\n")
        #expect(root["a"]?.tag == "tag:yaml.org,2002:str")
        #expect(root["a"]?.scalar == "12")
        #expect(root["b"]?.tag == nil)
        #expect(root["c"]?.tag == "!custom")
        #expect(root["d"]?.tag == "tag:yaml.org,2002:map")
        #expect(root["d"]?["k"]?.scalar == "v")
    }

    @Test func isNull() throws {
        let root = try YAMLParser.parse(
            "a:\nb: ~\nc: null\nd: Null\ne: NULL\nf: 'null'\ng: !!str null\nh: nil\ni: [x]\n")
        #expect(root["a"]?.isNull == true)
        #expect(root["a"]?.scalar == "")
        #expect(root["b"]?.isNull == true)
        #expect(root["c"]?.isNull == true)
        #expect(root["d"]?.isNull == true)
        #expect(root["e"]?.isNull == true)
        #expect(root["f"]?.isNull == false)
        #expect(root["g"]?.isNull == false)
        #expect(root["h"]?.isNull == false)
        #expect(root["i"]?.isNull == false)
    }

    /// `isNull` decides by length first; it must agree with comparing the text to each null word,
    /// also for near misses and texts that only look alike (a Kelvin sign, combining marks).
    @Test func isNullAgreesWithComparingEveryNullWord() {
        let pieces = [
            "", "~", "n", "N", "u", "U", "l", "L", "null", "Null", "NULL", "nul", " ", "\u{301}", "\u{212A}", "å",
        ]
        var random = SystemRandomNumberGenerator()
        for _ in 0..<20000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...4, using: &random) { text += pieces.randomElement(using: &random)! }
            let style: ScalarStyle = Bool.random(using: &random) ? .plain : .singleQuoted
            let tag: String? = Int.random(in: 0..<4, using: &random) == 0 ? "!x" : nil
            let node = Node(
                content: .scalar(text, style), tag: tag, mark: Mark(line: 1, column: 1),
                endMark: Mark(line: 1, column: 1))
            let expected = tag == nil && style == .plain && ["", "~", "null", "Null", "NULL"].contains(text)
            #expect(node.isNull == expected, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func subscriptLooksUpScalarKeysOnlyInMappings() throws {
        let root = try YAMLParser.parse("name: x\n'quoted': y\nlist: [1]\n")
        #expect(root["name"]?.scalar == "x")
        #expect(root["quoted"]?.scalar == "y")
        #expect(root["missing"] == nil)
        #expect(root["list"]?["name"] == nil)
        #expect(root["name"]?["name"] == nil)
    }

    @Test func kindNamesAndConveniences() throws {
        let root = try YAMLParser.parse("s: x\nq: [1]\nm: {a: b}\n")
        #expect(root["s"]?.kindName == "scalar")
        #expect(root["q"]?.kindName == "sequence")
        #expect(root["m"]?.kindName == "mapping")
        #expect(root["q"]?.scalarStyle == nil)
        #expect(root["m"]?.mapping?.count == 1)
        #expect(root.mapping?.map { $0.key.scalar ?? "" } == ["s", "q", "m"])
    }

    @Test func aliasReusesTheAnchoredNodeAtTheAliasSite() throws {
        let text = """
            base: &b
              x: 1
              y: 2
            copy: *b
            """
        let root = try YAMLParser.parse(text)
        let copy = try #require(root["copy"])
        #expect(copy["x"]?.scalar == "1")
        #expect(copy["y"]?.scalar == "2")
        #expect(copy.mark == at(4, 7))
        #expect(copy["x"]?.mark == at(2, 6))
        // libyaml starts a node at its properties: the anchor.
        #expect(root["base"]?.mark == at(1, 7))
    }

    @Test func aliasCountsTheAnchoredSubtree() throws {
        // root, "base", its mapping, x, 1, y, 2, "copy" = 8, plus 5 for *b = 13.
        let text = "base: &b\n  x: 1\n  y: 2\ncopy: *b\n"
        let accepted = try YAMLParser.parse(text, limits: YAMLLimits(maxNodes: 13))
        #expect(accepted["copy"]?["y"]?.scalar == "2")
        let error = try #require(parseError(text, limits: YAMLLimits(maxNodes: 12)))
        #expect(error.kind == .tooManyNodes)
        #expect(error.mark == at(4, 7))
    }

    @Test func scalarAnchorAndAliasAsKey() throws {
        let root = try YAMLParser.parse("k: &name area\n*name : 5\n")
        let pairs = try #require(root.mapping)
        #expect(pairs.count == 2)
        #expect(pairs[1].key.scalar == "area")
        #expect(pairs[1].key.mark == at(2, 1))
        #expect(pairs[1].value.scalar == "5")
    }

    @Test func largeMappingWithoutDuplicatesParses() throws {
        let text = (0..<200).map { "key\($0): \($0)" }.joined(separator: "\n")
        let root = try YAMLParser.parse(text)
        #expect(root.mapping?.count == 200)
        #expect(root["key199"]?.scalar == "199")
        #expect(root["key199"]?.mark == at(200, 9))
    }

    @Test func crlfLineBreaksCountAsOneLine() throws {
        let root = try YAMLParser.parse("a: 1\r\nb: 2\r\n")
        #expect(root["b"]?.mark == at(2, 4))
    }
}
