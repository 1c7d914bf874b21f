import Testing

@testable import PromiseCheckYAML

/// The parser leaves UTF-8 validation to libyaml and checks the bytes itself only when parsing
/// fails; `parseValidatingFirst` here checks them before libyaml runs. Both must give
/// the same tree or the same error for any bytes.
@Suite struct EncodingCheckOrderTests {
    /// YAML pieces (valid and not: duplicate keys, tabs, bad indentation, a second document,
    /// aliases, deep flow nesting) and bytes that are not UTF-8 or are NUL, mixed at random.
    private static let pieces: [[UInt8]] = yamlPieces.map { Array($0.utf8) } + badBytes
    private static let yamlPieces = [
        "a: 1\n", "b: två\n", "- x\n", "  - y\n", "c:\n  d: e\n", "a: 2\n", "k: &x [1, 2]\n", "m: *x\n",
        "n: *nope\n", "t:\n\t- 1\n", "---\n", "...\n", "q: \"é\\u00e5\"\n", "r: |\n  line\n", "# kommentar\n",
        "[[[[[[", "]]]]]]", "{a: 1, a: 2}\n", "s: 'x'\n", " ", "\n", "x", ":", "\u{85}", "\u{2028}", "😀", "\r\n",
    ]
    private static let badBytes: [[UInt8]] = [
        [0x00], [0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x80], [0x01],
        [0xEF, 0xBB, 0xBF],
    ]

    /// `YAMLParser.parse` with the encoding checked before libyaml runs: the simple order, the
    /// reference. (The random inputs are far below the size limit, which is checked first in both.)
    static func parseValidatingFirst(_ bytes: [UInt8], limits: YAMLLimits) throws(YAMLError) -> Node {
        try bytes.withUnsafeBufferPointer { buffer -> Result<Node, YAMLError> in
            let source = SourceText(buffer)
            do throws(YAMLError) {
                try source.checkForeignEncoding()
                try source.checkUTF8()
                guard !source.isBlank else {
                    throw YAMLError(kind: .empty, message: "file is empty", mark: .start)
                }
                var builder = DocumentBuilder(source: source, limits: limits)
                return .success(try builder.build())
            } catch {
                return .failure(error)
            }
        }.get()
    }

    @Test func parsingAgreesWithValidatingFirst() {
        var random = SystemRandomNumberGenerator()
        let limits = YAMLLimits(maxDepth: 4, maxNodes: 40)
        var errors = 0
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...10, using: &random) {
                bytes += Self.pieces.randomElement(using: &random) ?? []
            }
            let parsed = Result { () throws(YAMLError) in try YAMLParser.parse(bytes, limits: limits) }
            let reference = Result { () throws(YAMLError) in
                try Self.parseValidatingFirst(bytes, limits: limits)
            }
            switch (parsed, reference) {
            case (.success(let node), .success(let expected)):
                #expect(Self.same(node, expected), "\(bytes)")
            case (.failure(let error), .failure(let expected)):
                #expect(error == expected, "\(bytes)")
                errors += 1
            default:
                Issue.record("\(bytes): \(parsed) against \(reference)")
            }
        }
        // Both outcomes are exercised.
        #expect(errors > 1_000 && errors < 19_000)
    }

    /// An encoding error after a syntax error, a duplicate key, a second document and in a
    /// comment of an otherwise empty file is still the error reported.
    @Test func encodingErrorsWinWhereverTheyStand() throws {
        let cases: [[UInt8]] = [
            Array("a: [1\n".utf8) + [0xFF],
            Array("a: 1\na: 2\n".utf8) + [0x00],
            Array("a: 1\n---\nb: 2\n".utf8) + [0xC0, 0xAF],
            Array("# ".utf8) + [0xFF],
        ]
        for bytes in cases {
            let error = try #require(parseError(bytes))
            #expect(error.kind == .notUTF8 || error.kind == .binary, "\(bytes)")
        }
    }

    /// Equal content, tags and marks, recursively.
    private static func same(_ lhs: Node, _ rhs: Node) -> Bool {
        guard lhs.tag == rhs.tag, lhs.mark == rhs.mark, lhs.endMark == rhs.endMark else { return false }
        switch (lhs.content, rhs.content) {
        case (.scalar(let left, let leftStyle), .scalar(let right, let rightStyle)):
            return left == right && leftStyle == rightStyle
        case (.sequence(let left), .sequence(let right)):
            return left.count == right.count && zip(left, right).allSatisfy { same($0, $1) }
        case (.mapping(let left), .mapping(let right)):
            return left.count == right.count
                && zip(left, right).allSatisfy { same($0.key, $1.key) && same($0.value, $1.value) }
        default:
            return false
        }
    }
}
