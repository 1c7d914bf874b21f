import Foundation
import PromiseCheckYAML
import Testing

@testable import PromiseCheck

/// Files that are not readable YAML: each gets one located `yaml.*` diagnostic and no document.
@Suite struct PromiseFileInputErrorTests {
    private func read(_ bytes: [UInt8]) -> PromiseFileReader.Result {
        PromiseFileReader().read(bytes, path: "lofte.yaml")
    }

    private func expectYAMLError(
        _ result: PromiseFileReader.Result, code: String, at location: PromiseCheck.SourceLocation, message: String,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        expectDiagnostic(
            result.diagnostics, code: code, at: location, message: message, path: "lofte.yaml",
            sourceLocation: sourceLocation)
        #expect(result.diagnostics.count == 1, sourceLocation: sourceLocation)
        #expect(result.document == nil, sourceLocation: sourceLocation)
    }

    @Test func emptyFile() {
        expectYAMLError(read([]), code: "yaml.empty", at: pos(1, 1), message: "file is empty")
        expectYAMLError(
            read(Array("# bara en kommentar\n\n".utf8)), code: "yaml.empty", at: pos(1, 1), message: "file is empty")
    }

    @Test func emptyFileOnDisk() {
        let scratch = ScratchFolder()
        let path = scratch.write("tom.yaml", "")
        let result = PromiseFileReader().read(path: path)
        #expect(result.diagnostics.map(\.code) == ["yaml.empty"])
        #expect(result.diagnostics.map(\.path) == [path])
        #expect(result.document == nil)
    }

    @Test func binaryFile() {
        let result = read(Array("promise: 1\narea: Ek\0by\n".utf8))
        expectYAMLError(
            result, code: "yaml.binary", at: pos(2, 9), message: "binary file (NUL byte at 2:9); expected UTF-8 text")
        #expect(result.diagnostics.first?.snippet != nil)
    }

    @Test func invalidUTF8() {
        let bytes = Array("promise: 1\narea: Ekby ".utf8) + [0xFF] + Array("\n".utf8)
        expectYAMLError(
            read(bytes), code: "yaml.not-utf8", at: pos(2, 12), message: "not valid UTF-8 at byte offset 22")
    }

    @Test func utf16File() {
        let bytes: [UInt8] = [0xFF, 0xFE] + Array("promise: 1\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        expectYAMLError(
            read(bytes), code: "yaml.not-utf8", at: pos(1, 1), message: "UTF-16 text; save the file as UTF-8")
    }

    @Test func tabIndentation() {
        let result = read(Array("promise: 1\nperiod:\n\tfrom: 2025-01-01\n".utf8))
        expectYAMLError(
            result, code: "yaml.tab-indentation", at: pos(3, 1),
            message: "tab used for indentation; YAML indents with spaces")
        #expect(result.diagnostics.first?.snippet == "\tfrom: 2025-01-01\n^")
    }

    @Test func duplicateKey() {
        let result = read(Array("promise: 1\narea: Ekby\nparties: [polisen]\narea: Dalby\n".utf8))
        expectYAMLError(
            result, code: "yaml.duplicate-key", at: pos(4, 1), message: "duplicate key 'area' (first defined at 2:1)")
    }

    @Test func aliasBomb() {
        let yaml = """
            promise: 1
            a: &a [x, x, x, x, x, x, x, x, x, x]
            b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
            c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
            d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
            e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
            f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]

            """
        expectYAMLError(
            read(Array(yaml.utf8)), code: "yaml.too-many-nodes", at: pos(6, 36),
            message: "more than 100000 nodes after alias expansion (alias bomb?)")
    }

    @Test func deepNesting() {
        let yaml = "promise: 1\nx: " + String(repeating: "[", count: 200) + String(repeating: "]", count: 200) + "\n"
        expectYAMLError(
            read(Array(yaml.utf8)), code: "yaml.too-deep", at: pos(2, 67), message: "nesting deeper than 64 levels")
    }

    @Test func secondDocument() {
        expectYAMLError(
            read(Array("promise: 1\n---\npromise: 1\n".utf8)), code: "yaml.multiple-documents", at: pos(2, 1),
            message: "found a second YAML document; a file holds one document")
    }

    @Test func undefinedAlias() {
        expectYAMLError(
            read(Array("promise: 1\narea: *plats\n".utf8)), code: "yaml.undefined-alias", at: pos(2, 7),
            message: "undefined alias '*plats'; no anchor '&plats' comes before it")
    }

    @Test func fileOverTheSizeLimit() {
        let scratch = ScratchFolder()
        let path = scratch.write(
            "stor.yaml", "promise: 1\nintroduction: " + String(repeating: "trygghet ", count: 200) + "\n")
        let result = PromiseFileReader(limits: YAMLLimits(maxInputBytes: 1024)).read(path: path)
        #expect(result.diagnostics.map(\.code) == ["input.too-large"])
        #expect(result.diagnostics.map(\.message) == ["file is larger than the 1.0 KB limit"])
        #expect(result.diagnostics.map(\.location) == [pos(1, 1)])
        #expect(result.document == nil)
    }
}
