import Foundation
import Testing

@testable import promisecheck

/// `FileDiscovery.declaresPromise` reads bytes and answers as splitting the text into lines of
/// `Character`s did.
@Suite("the top-level 'promise:' key, on bytes")
struct PromiseDeclarationTests {
    /// The former answer: the text split where `Character.isNewline`, a line starting with the key.
    static func reference(_ bytes: [UInt8]) -> Bool {
        String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline).contains { line in
            line.hasPrefix("promise:") || line.hasPrefix("\u{FEFF}promise:")
        }
    }

    @Test(
        "edge cases",
        arguments: [
            ("promise:\n", true), ("title: x\npromise:", true), ("  promise:", false), ("# promise:", false),
            ("x\r\npromise: a", true), ("x\rpromise:", true), ("x\u{0B}promise:", true), ("x\u{0C}promise:", true),
            ("x\u{85}promise:", true), ("x\u{2028}promise:", true), ("x\u{2029}promise:", true),
            ("\u{FEFF}promise:", true), ("x\n\u{FEFF}promise:", true), ("promise:\u{301} x", false),
            ("promise:\u{200D}", false), ("promise", false), ("promises:", false), ("Promise:", false), ("", false),
            ("é\npromise:", true), ("\u{301}promise:", false),
        ] as [(String, Bool)])
    func edgeCases(text: String, expected: Bool) {
        #expect(FileDiscovery.declaresPromise(Array(text.utf8)) == expected)
        #expect(Self.reference(Array(text.utf8)) == expected)
    }

    @Test("invalid UTF-8 around the key and the line breaks")
    func invalidBytes() {
        let cases: [[UInt8]] = [
            [0xE2, 0x0A] + Array("promise:".utf8), [0xC2] + Array("promise:".utf8),
            [0xE2, 0x80, 0x0A] + Array("promise:".utf8), Array("promise:".utf8) + [0xCC],
            [0xFF, 0xE2, 0x80, 0xA8] + Array("promise:".utf8), Array("promise:".utf8) + [0xCC, 0x81],
        ]
        for bytes in cases { #expect(FileDiscovery.declaresPromise(bytes) == Self.reference(bytes), "\(bytes)") }
    }

    /// Texts made of pieces that matter: each failure prints its bytes.
    @Test("random texts get the former answers")
    func random() {
        var generator = SystemRandomNumberGenerator()
        let pieces: [[UInt8]] = [
            Array("promise:".utf8), Array("promise".utf8), Array(":".utf8), Array(" ".utf8), Array("p".utf8),
            [0x0A], [0x0D], [0x0B], [0x0C], [0xC2, 0x85], [0xE2, 0x80, 0xA8], [0xE2, 0x80, 0xA9], [0xEF, 0xBB, 0xBF],
            [0xCC, 0x81], [0xE2, 0x80, 0x8D], [0xC3, 0xA9], [0xE2], [0xC2], [0x80], [0xFF], Array("title: x".utf8),
        ]
        for _ in 0..<10000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...8, using: &generator) {
                bytes += pieces.randomElement(using: &generator)!
            }
            #expect(FileDiscovery.declaresPromise(bytes) == Self.reference(bytes), "\(bytes)")
        }
    }

    @Test("a file's key counts in its first 64 KiB only; an empty file declares nothing")
    func window() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let filler = String(repeating: "# anteckning\n", count: FileDiscovery.declarationWindow / 13 + 1)
        let late = try folder.write("sent.yaml", filler + "promise: 1\n")
        let early = try folder.write("tidigt.yaml", "# x\npromise: 1\n" + filler)
        let atEdge = try folder.write(
            "kant.yaml", String(repeating: "#", count: FileDiscovery.declarationWindow - 9) + "\npromise:")
        let empty = try folder.write("tom.yaml", "")
        #expect(!FileDiscovery.isPromiseFile(late.path))
        #expect(FileDiscovery.isPromiseFile(early.path))
        #expect(FileDiscovery.isPromiseFile(atEdge.path))
        #expect(!FileDiscovery.isPromiseFile(empty.path))
        // A file that cannot be opened is kept, for the reader to say why.
        #expect(FileDiscovery.isPromiseFile(folder.path + "/saknas.yaml"))
    }

    @Test("the walk opens no YAML file: each found one is left to its checker, a named one is not")
    func leftToTheChecker() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var expected: [String] = []
        for index in 0..<12 {
            let declares = index % 3 == 0
            let name = "p\(index < 10 ? "0" : "")\(index).\(index % 2 == 0 ? "yaml" : "md")"
            try folder.write(name, declares ? "title: x\npromise: 1\n" : "title: x\n")
            expected.append(folder.path + "/" + name)
        }
        let discovery = FileDiscovery.discover([folder.path, folder.path + "/p01.md", folder.path + "/p00.yaml"])
        #expect(discovery.files == expected)
        #expect(discovery.mustDeclare == expected.map { $0.hasSuffix(".yaml") && !$0.hasSuffix("p00.yaml") })
        #expect(discovery.named == [folder.path + "/p01.md", folder.path + "/p00.yaml"])
        // Named after it was found, a file that declares no promise moves to its named place.
        let moved = FileDiscovery.discover([folder.path, folder.path + "/p04.yaml", folder.path + "/p00.yaml"])
        #expect(moved.files == expected.filter { !$0.hasSuffix("p04.yaml") } + [folder.path + "/p04.yaml"])
        #expect(moved.mustDeclare.filter { $0 }.count == 4)
    }
}
