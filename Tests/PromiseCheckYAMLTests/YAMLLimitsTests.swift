import PromiseCheckYAML
import Testing

@Suite struct YAMLLimitsTests {
    /// `depth` nested flow sequences around a scalar.
    private func nested(_ depth: Int) -> String {
        String(repeating: "[", count: depth) + "x" + String(repeating: "]", count: depth)
    }

    private func depth(of node: Node) -> Int {
        var depth = 0
        var current = node
        while let first = current.sequence?.first {
            depth += 1
            current = first
        }
        return depth
    }

    @Test func defaults() {
        let limits = YAMLLimits.default
        #expect(limits.maxDepth == 64)
        #expect(limits.maxNodes == 100_000)
        #expect(limits.maxInputBytes == 16 * 1024 * 1024)
        #expect(limits == YAMLLimits())
        #expect(limits != YAMLLimits(maxDepth: 3))
    }

    @Test func twoHundredDeepIsTooDeep() throws {
        let error = try #require(parseError(nested(200)))
        #expect(error.kind == .tooDeep)
        #expect(error.mark == at(1, 65))
        #expect(error.message == "nesting deeper than 64 levels")
    }

    @Test func depthLimitIsExact() throws {
        #expect(depth(of: try YAMLParser.parse(nested(64))) == 64)
        #expect(parseError(nested(65))?.kind == .tooDeep)
    }

    @Test func blockNestingCountsToo() throws {
        let text = (0..<5).map { String(repeating: "  ", count: $0) + "k\($0):" }.joined(separator: "\n") + " v"
        #expect(
            try YAMLParser.parse(text, limits: YAMLLimits(maxDepth: 5))["k0"]?["k1"]?["k2"]?["k3"]?["k4"]?.scalar == "v"
        )
        let error = try #require(parseError(text, limits: YAMLLimits(maxDepth: 4)))
        #expect(error.kind == .tooDeep)
        #expect(error.mark == at(5, 9))
        #expect(error.message == "nesting deeper than 4 levels")
    }

    @Test func maxDepthIsConfigurable() throws {
        let root = try YAMLParser.parse(nested(200), limits: YAMLLimits(maxDepth: 300))
        #expect(depth(of: root) == 200)
    }

    @Test func billionLaughsIsRejected() throws {
        var lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        let names = ["b", "c", "d", "e", "f", "g", "h", "i"]
        var previous = "a"
        for name in names {
            let aliases = Array(repeating: "*\(previous)", count: 9).joined(separator: ", ")
            lines.append("\(name): &\(name) [\(aliases)]")
            previous = name
        }
        let error = try #require(parseError(lines.joined(separator: "\n")))
        #expect(error.kind == .tooManyNodes)
        #expect(error.message == "more than 100000 nodes after alias expansion (alias bomb?)")
        // a = 10, b = 91, c = 820, d = 7381, e = 66430 nodes, 74 740 in all up to f's sequence:
        // the first *e in f crosses 100 000.
        #expect(error.mark == at(6, 8))
    }

    @Test func maxNodesCountsPlainNodes() throws {
        // mapping + 3 keys + 3 values = 7.
        let text = "a: 1\nb: 2\nc: 3\n"
        #expect(try YAMLParser.parse(text, limits: YAMLLimits(maxNodes: 7)).mapping?.count == 3)
        let error = try #require(parseError(text, limits: YAMLLimits(maxNodes: 6)))
        #expect(error.kind == .tooManyNodes)
        #expect(error.mark == at(3, 4))
        #expect(error.message == "more than 6 nodes after alias expansion (alias bomb?)")
    }

    @Test func tooLargeWithSmallLimit() throws {
        let text = String(repeating: "a", count: 20)
        let error = try #require(parseError(text, limits: YAMLLimits(maxInputBytes: 10)))
        #expect(error.kind == .tooLarge)
        #expect(error.mark == at(1, 1))
        #expect(error.message == "file is 20 bytes, over the 10 bytes limit")
        #expect(try YAMLParser.parse(text, limits: YAMLLimits(maxInputBytes: 20)).scalar == text)
        let bytesError = try #require(parseError(Array(text.utf8), limits: YAMLLimits(maxInputBytes: 19)))
        #expect(bytesError.kind == .tooLarge)
        #expect(bytesError.message == "file is 20 bytes, over the 19 bytes limit")
    }

    @Test func tooLargeReportsMegabytes() throws {
        let bytes = [UInt8](repeating: 0x20, count: 20 << 20)
        let error = try #require(parseError(bytes))
        #expect(error.kind == .tooLarge)
        #expect(error.message == "file is 20.0 MB, over the 16.0 MB limit")
        let kilobytes = try #require(
            parseError(Array(repeating: 0x20, count: 3000), limits: YAMLLimits(maxInputBytes: 2048)))
        #expect(kilobytes.message == "file is 2.9 KB, over the 2.0 KB limit")
    }
}
