import Foundation
import Testing

/// Input made to hurt: every run must end within its deadline, without a crash, with a located
/// message about the bad file, and with the good file of the same run still scored.
///
/// Files are generated into a temporary folder; the 100 MB file is sparse, so it costs no disk
/// and, as the size limit refuses it unread, no time.
@Suite("hostile input")
struct HostileInputTests {
    static let good = Fixtures.path + "/promises/good/almdal-2026.yaml"
    static let goodScore = good + ": score 100 (grade A) · Almdal · 2026-01-01 – 2026-12-31"

    /// Checks `files` (relative to `folder`) and the good fixture with the mini pack, within
    /// `timeout` seconds; expects the good file scored and returns the output lines.
    @discardableResult
    static func check(
        _ files: [String], in folder: TemporaryFolder, pack: String = Fixtures.path + "/packs/mini",
        timeout: Double = 30, status: Int32 = 2, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> [String] {
        let run = runPromiseCheck(
            ["check", "--pack", pack, good] + files, cwd: folder.path, timeout: timeout,
            sourceLocation: sourceLocation)
        let output = lines(run.stdout)
        #expect(
            run.status == status, "exit status; stderr: \(run.stderr)\nstdout: \(run.stdout.suffix(3000))",
            sourceLocation: sourceLocation)
        #expect(
            output.contains(goodScore), "the good file is not scored:\n\(run.stdout.prefix(4000))",
            sourceLocation: sourceLocation)
        return output
    }

    /// Expects the one diagnostic line about `file`, `file:line:column: error: message [code]`.
    static func expectError(
        _ file: String, _ location: String, _ message: String, code: String, in output: [String],
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        expectLine("\(file): not checked", in: output, sourceLocation: sourceLocation)
        expectLine("  \(file):\(location): error: \(message) [\(code)]", in: output, sourceLocation: sourceLocation)
    }

    // MARK: YAML bombs and depth

    @Test("an alias bomb of sixty doublings is refused at the node limit")
    func aliasBomb() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var yaml = "promise: 1\na0: &a0 [ha, ha]\n"
        for level in 1..<60 { yaml += "a\(level): &a\(level) [*a\(level - 1), *a\(level - 1)]\n" }
        try folder.write("bomb.yaml", yaml)
        let output = Self.check(["bomb.yaml"], in: folder)
        Self.expectError(
            "bomb.yaml", "16:18", "more than 100000 nodes after alias expansion (alias bomb?)",
            code: "yaml.too-many-nodes", in: output)
    }

    @Test("10 000-deep flow nesting is refused at the depth limit")
    func deepFlowNesting() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(
            "djup.yaml",
            "promise: 1\nsituation: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000))
        let output = Self.check(["djup.yaml"], in: folder)
        Self.expectError("djup.yaml", "2:75", "nesting deeper than 64 levels", code: "yaml.too-deep", in: output)
    }

    @Test("10 000-deep block nesting is refused at the depth limit")
    func deepBlockNesting() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("djup.yaml", "promise: 1\nsituation:\n" + String(repeating: "- ", count: 10_000) + "x\n")
        let output = Self.check(["djup.yaml"], in: folder)
        Self.expectError("djup.yaml", "3:127", "nesting deeper than 64 levels", code: "yaml.too-deep", in: output)
    }

    // MARK: Size

    @Test("a 100 MB file is refused by its size, unread", arguments: ["stor.yaml", "stor.txt"])
    func hundredMegabytes(name: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write(name, "promise: 1\n")
        let handle = try FileHandle(forWritingTo: file)
        try handle.truncate(atOffset: 100 << 20)
        try handle.close()
        let start = ContinuousClock.now
        let output = Self.check([name], in: folder, timeout: 20)
        #expect(ContinuousClock.now - start < .seconds(20))
        Self.expectError(name, "1:1", "file is larger than the 16.0 MB limit", code: "input.too-large", in: output)
    }

    @Test(
        "paths Foundation's NSString traps on are checked (a // before a name outside ASCII)",
        arguments: ["mapp//é", "mapp//é.yaml", "mapp//İ.txt"])
    func slashesBeforeNonASCII(path: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let name = String(path.split(separator: "/").last ?? "")
        try folder.copyFixture("promises/good/almdal-2026.yaml", as: "tmp")
        try FileManager.default.createDirectory(
            at: folder.url.appendingPathComponent("mapp"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(
            at: folder.url.appendingPathComponent("tmp"), to: folder.url.appendingPathComponent("mapp/" + name))
        // A YAML file is scored; a file without the YAML ending is read as published text.
        let output = Self.check([path], in: folder, status: path.hasSuffix(".yaml") ? 0 : 1)
        #expect(output.contains { $0.hasPrefix(path + ": ") }, "\(output)")
    }

    @Test("a 1 MB single line is read and checked", arguments: [("rad.yaml", 0), ("rad.txt", 1)] as [(String, Int32)])
    func megabyteLine(name: String, status: Int32) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let words = String(repeating: "trygghet ", count: 116_509)
        try folder.write(name, name.hasSuffix(".yaml") ? "promise: 1\nsituation: " + words + "\n" : words)
        let output = Self.check([name], in: folder, status: status)
        expectLine(containing: "\(name): score ", in: output)
    }

    @Test("a promise with 10 000 commitments is checked")
    func tenThousandCommitments() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var yaml = "promise: 1\narea: Storby\ncommitments:\n"
        for index in 0..<10_000 {
            yaml += "  - title: Åtagande \(index)\n    actions: [Polisen patrullerar torget varje fredag]\n"
        }
        try folder.write("stort.yaml", yaml)
        let output = Self.check(["stort.yaml"], in: folder, status: 1)
        expectLine(containing: "stort.yaml: score ", in: output)
    }

    // MARK: Encodings

    @Test("NUL bytes make a file binary", arguments: ["nul.yaml", "nul.txt"])
    func nulBytes(name: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(name, Data("promise: 1\narea: Ek\0by\n".utf8))
        let output = Self.check([name], in: folder)
        let expected = name.hasSuffix(".yaml") ? "expected UTF-8 text" : "expected text"
        let code = name.hasSuffix(".yaml") ? "yaml.binary" : "input.binary"
        Self.expectError(name, "2:9", "binary file (NUL byte at 2:9); \(expected)", code: code, in: output)
    }

    @Test(
        "invalid UTF-8 at the start, in the middle and at the end of a promise file",
        arguments: [
            (Data([0xFF]) + Data("promise: 1\n".utf8), "1:1", 0),
            (Data("promise: 1\narea: Ek".utf8) + Data([0xC3, 0x28]) + Data("by\n".utf8), "2:9", 19),
            (Data("promise: 1\narea: Ekby\n".utf8) + Data([0xE2, 0x82]), "3:1", 22),
        ])
    func invalidUTF8InYAML(bytes: Data, location: String, offset: Int) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("trasig.yaml", bytes)
        let output = Self.check(["trasig.yaml"], in: folder)
        Self.expectError(
            "trasig.yaml", location, "not valid UTF-8 at byte offset \(offset)", code: "yaml.not-utf8", in: output)
    }

    /// Read as Windows-1252, every byte is a column: "ö" in UTF-8 is two.
    @Test(
        "invalid UTF-8 in published text is read as Windows-1252, with a located warning",
        arguments: [
            (Data([0xE5]) + Data("r 2026 gäller löftet\n".utf8), "1:1"),
            (Data("Löftet gäller 2026 i Ek".utf8) + Data([0xF6]) + Data("by\n".utf8), "1:26"),
            (Data("Löftet gäller 2026\n".utf8) + Data([0xE4]), "2:1"),
        ])
    func invalidUTF8InText(bytes: Data, location: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("trasig.txt", bytes)
        let output = Self.check(["trasig.txt"], in: folder, status: 1)
        expectLine(
            "  trasig.txt:\(location): warning: not UTF-8; read as Windows-1252 [input.windows-1252]", in: output)
    }

    @Test("a UTF-8 byte order mark is read past", arguments: ["bom.yaml", "bom.txt"])
    func utf8ByteOrderMark(name: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let good = try #require(FileManager.default.contents(atPath: Self.good))
        try folder.write(name, Data([0xEF, 0xBB, 0xBF]) + good)
        let output = Self.check([name], in: folder, status: name.hasSuffix(".yaml") ? 0 : 1)
        expectLine(containing: "\(name): score ", in: output)
    }

    @Test(
        "UTF-16 and UTF-32 byte order marks are named",
        arguments: [
            ([0xFF, 0xFE], String.Encoding.utf16LittleEndian, "UTF-16"),
            ([0xFE, 0xFF], .utf16BigEndian, "UTF-16"),
            ([0xFF, 0xFE, 0x00, 0x00], .utf32LittleEndian, "UTF-32"),
            ([0x00, 0x00, 0xFE, 0xFF], .utf32BigEndian, "UTF-32"),
        ] as [([UInt8], String.Encoding, String)])
    func otherByteOrderMarks(mark: [UInt8], encoding: String.Encoding, name: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let text = try #require("promise: 1\narea: Ekby\n".data(using: encoding))
        try folder.write("bom.yaml", Data(mark) + text)
        try folder.write("bom.txt", Data(mark) + text)
        let output = Self.check(["bom.yaml", "bom.txt"], in: folder)
        Self.expectError(
            "bom.yaml", "1:1", "\(name) text; save the file as UTF-8", code: "yaml.not-utf8", in: output)
        Self.expectError(
            "bom.txt", "1:1", "\(name) text; save the file as UTF-8", code: "input.encoding", in: output)
    }

    @Test("CR-only line endings: the same score, findings on the right lines")
    func carriageReturnsOnly() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let good = try #require(FileManager.default.contents(atPath: Self.good))
        let text = String(decoding: good, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r")
        try folder.write("cr.yaml", text.replacingOccurrences(of: "Cykelstölder", with: "TODO"))
        let output = Self.check(["cr.yaml"], in: folder, status: 0)
        expectLine(containing: "cr.yaml: score ", in: output)
        expectLine(containing: "  cr.yaml:17:12: info: platshållare kvar i texten: \"TODO\" [platshallare]", in: output)
    }

    // MARK: Files that are not files

    @Test("a symbolic link loop in a checked folder is reported, the walk goes on")
    func linkLoop() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/a.yaml", withDestinationPath: "b.yaml")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/b.yaml", withDestinationPath: "a.yaml")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/varv", withDestinationPath: ".")
        try folder.copyFixture("promises/good/bergby-2025.yaml", as: "c.yaml")
        let output = Self.check(["."], in: folder)
        for name in ["a", "b"] {
            expectLine("./\(name).yaml: not checked", in: output)
            expectLine(
                "  ./\(name).yaml: error: cannot be read: symbolic link loop [input.unreadable]", in: output)
        }
        expectLine(containing: "./c.yaml: score 50", in: output)
    }

    /// Permissions do not stop root (as in CI containers): there a named pipe stands for the
    /// unreadable file. A pipe with no writer reads as empty instead of blocking the run.
    @Test("an unreadable file: no permission, or as root a named pipe")
    func unreadableFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        if geteuid() != 0 {
            let file = try folder.write("hemlig.yaml", "promise: 1\n")
            try #require(chmod(file.path, 0) == 0)
            let output = Self.check(["hemlig.yaml"], in: folder)
            Self.expectError(
                "hemlig.yaml", "1:1", "cannot be read (permission denied)", code: "input.unreadable", in: output)
        }
        try #require(mkfifo(folder.path + "/ror.yaml", 0o644) == 0)
        let output = Self.check(["ror.yaml"], in: folder, timeout: 20)
        Self.expectError("ror.yaml", "1:1", "file is empty", code: "yaml.empty", in: output)
        // With --force-exclude a named YAML file is looked into for its `promise:` key: a pipe
        // is not waited on, and the reader says what it is.
        let forced = Self.check(["--force-exclude", "ror.yaml"], in: folder, timeout: 20)
        Self.expectError("ror.yaml", "1:1", "file is empty", code: "yaml.empty", in: forced)
        // In a folder a pipe is no promise and is not opened.
        try folder.copyFixture("promises/good/bergby-2025.yaml", as: "bergby.yaml")
        let inFolder = Self.check(["."], in: folder, timeout: 20, status: 0)
        #expect(!inFolder.contains { $0.contains("ror.yaml") }, "\(inFolder)")
    }

    @Test("a baseline that is a named pipe or a device is refused, not waited on or read for ever")
    func baselineThatIsNoFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try #require(mkfifo(folder.path + "/baseline.json", 0o644) == 0)
        for (baseline, reason) in [
            ("baseline.json", "not a baseline file"), ("/dev/zero", "is not a file (a device or a socket)"),
        ] {
            let run = runPromiseCheck(
                ["check", "--pack", Fixtures.path + "/packs/mini", "--baseline", baseline, Self.good], cwd: folder.path,
                timeout: 20)
            #expect(run.status == 2)
            #expect(lines(run.stderr).first?.hasPrefix("error: \(baseline): ") == true, "\(run.stderr)")
            #expect(run.stderr.contains(reason), "\(run.stderr)")
        }
    }

    @Test("a folder named like a promise file is searched like any folder; as a file it is refused")
    func folderNamedLikeAFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.path + "/x.yaml", withIntermediateDirectories: true)
        try folder.copyFixture("promises/good/bergby-2025.yaml", as: "x.yaml/bergby.yaml")
        try FileManager.default.createDirectory(atPath: folder.path + "/tom.txt", withIntermediateDirectories: true)
        let output = Self.check(["."], in: folder, status: 0)
        expectLine(containing: "./x.yaml/bergby.yaml: score 50", in: output)
        let imported = runPromiseCheck(
            ["import", "--pack", Fixtures.path + "/packs/mini", "tom.txt"], cwd: folder.path)
        #expect(imported.status == 2)
        #expect(lines(imported.stderr) == ["tom.txt: error: is a folder, not a file [input.is-folder]"])
    }

    @Test("empty and whitespace-only files", arguments: ["tom.yaml", "tom.txt", "tom.md"])
    func emptyFiles(name: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let blank = "blank." + (name as NSString).pathExtension
        try folder.write(name, "")
        try folder.write(blank, " \n\t\n\u{00A0}\r\n")
        let output = Self.check([name, blank], in: folder)
        let isYAML = name.hasSuffix(".yaml")
        Self.expectError(name, "1:1", "file is empty", code: isYAML ? "yaml.empty" : "input.empty", in: output)
        if isYAML {
            // A no-break space is no YAML whitespace: libyaml reads it as a scalar, not a promise.
            expectLine("\(blank): not checked", in: output)
        } else {
            Self.expectError(blank, "1:1", "file holds only whitespace", code: "input.empty", in: output)
        }
    }

    // MARK: Hostile packs

    @Test("a pattern that backtracks catastrophically is stopped, and the run goes on")
    func catastrophicPattern() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(
            "packs/backtrack/pack.yaml",
            """
            pack: backtrack
            extends: [\(Fixtures.path)/packs/mini]
            rules:
              - id: upprepning
                title: Ingen lång upprepning
                category: sprak
                severity: warning
                weight: 1
                check: pattern
                with: {must_not_match: '(a+)+$'}
                message: upprepning
            """)
        try folder.write("aaa.yaml", "promise: 1\nsituation: " + String(repeating: "a", count: 50_000) + "!\n")
        let start = ContinuousClock.now
        let run = runPromiseCheck(
            ["check", "--pack", "packs/backtrack", "--format", "json", Self.good, "aaa.yaml"], cwd: folder.path,
            timeout: 60)
        #expect(ContinuousClock.now - start < .seconds(60))
        #expect(run.stderr == "")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let files = try #require(report["files"] as? [[String: Any]])
        #expect(files.count == 2)
        #expect(files.first?["score"] as? Double == 100)
        #expect(
            run.stdout.contains(
                "matching /(a+)+$/ stopped after 1.2 s on the text at 2:12; the pattern backtracks too much"),
            "\(run.stdout.prefix(3000))")
    }

    @Test("a pack that extends itself is a located pack error")
    func packExtendsItself() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(
            "packs/sjalv/pack.yaml",
            "pack: sjalv\nextends: [.]\ncategories: {c: C}\nrules:\n  - {id: r, title: R, category: c, severity: info, weight: 1, check: present, message: m}\n"
        )
        let run = runPromiseCheck(["check", "--pack", "packs/sjalv", Self.good], cwd: folder.path, timeout: 20)
        #expect(run.status == 2)
        #expect(
            lines(run.stderr).contains(
                "packs/sjalv/pack.yaml:2:11: error: pack extends itself (sjalv → sjalv) [pack.extends-cycle]"),
            "\(run.stderr)")
    }

    @Test("a pack with 10 000 rules, and one overriding them all, load and check in seconds")
    func tenThousandRules() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var pack = "pack: manga\ncategories: {c: C}\nrules:\n"
        var child = "pack: barn\nextends: [../manga]\nrules:\n"
        for index in 0..<10_000 {
            let check =
                index % 2 == 0 ? "check: present" : "check: lexicon, with: {terms: [verka för, ord\(index)], max: 0}"
            pack += "  - {id: r\(index), title: R, category: c, severity: warning, weight: 1, \(check), message: m}\n"
            child += "  - {id: r\(index), severity: info}\n"
        }
        try folder.write("packs/manga/pack.yaml", pack)
        try folder.write("packs/barn/pack.yaml", child)
        for name in ["manga", "barn"] {
            let start = ContinuousClock.now
            let run = runPromiseCheck(["check", "--pack", "packs/\(name)", Self.good], cwd: folder.path, timeout: 60)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(lines(run.stdout).contains { $0.hasPrefix(Self.good + ": score 100") })
            #expect(ContinuousClock.now - start < .seconds(60))
        }
    }
}
