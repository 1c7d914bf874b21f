import Foundation
import Testing

/// Files that cannot be read: each run also checks one good file, which must still be scored.
///
/// Committed fixtures cover small malformed files; hostile files (binary, invalid UTF-8, an
/// alias bomb, deep nesting, a huge file) are generated into a temporary folder.
@Suite("bad input")
struct BadInputTests {
    static let good = "promises/good/almdal-2026.yaml"
    static let goodScoreLine = "promises/good/almdal-2026.yaml: score 100 (grade A) · Almdal · 2026-01-01 – 2026-12-31"

    /// Runs `check` on the good fixture and `bad`, and checks what every such run must show.
    static func checkWithGoodFile(
        _ bad: String, cwd: String = Fixtures.path, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> [String] {
        let run = runPromiseCheck(
            ["check", "--pack", Fixtures.path + "/packs/mini", Fixtures.path + "/" + good, bad], cwd: cwd,
            sourceLocation: sourceLocation)
        let output = lines(run.stdout)
        #expect(run.status == 2, "exit status", sourceLocation: sourceLocation)
        #expect(run.stderr == "", "stderr: \(run.stderr)", sourceLocation: sourceLocation)
        let scoreLine = Fixtures.path + "/" + goodScoreLine
        #expect(
            output.contains(scoreLine), "the good file is not scored:\n\(run.stdout)", sourceLocation: sourceLocation)
        #expect(
            output.suffix(2) == [
                "2 files checked (1 could not be read); 0 errors, 0 warnings, 0 info; 1 input error; average score 100",
                "result: input errors (exit 2)",
            ], "summary:\n\(run.stdout)", sourceLocation: sourceLocation)
        return output
    }

    @Test("malformed YAML")
    func malformed() {
        let output = Self.checkWithGoodFile("promises/bad/malformed.yaml")
        expectLine("promises/bad/malformed.yaml: not checked", in: output)
        expectLine(
            "  promises/bad/malformed.yaml:4:1: error: did not find expected ',' or ']' while parsing a flow sequence started at 3:12 [yaml.syntax]",
            in: output)
    }

    @Test("a tab used for indentation, with the line and a caret")
    func tabIndentation() {
        let output = Self.checkWithGoodFile("promises/bad/tab.yaml")
        expectLine("promises/bad/tab.yaml: not checked", in: output)
        let line =
            "  promises/bad/tab.yaml:3:1: error: tab used for indentation; YAML indents with spaces [yaml.tab-indentation]"
        expectLine(line, in: output)
        if let index = output.firstIndex(of: line), index + 2 < output.count {
            #expect(output[index + 1] == "      \ttext: Tabb i indraget")
            #expect(output[index + 2] == "      ^")
        }
    }

    @Test("a duplicate key names both places")
    func duplicateKey() {
        let output = Self.checkWithGoodFile("promises/bad/duplicate.yaml")
        let line =
            "  promises/bad/duplicate.yaml:4:1: error: duplicate key 'title' (first defined at 2:1) [yaml.duplicate-key]"
        expectLine(line, in: output)
        if let index = output.firstIndex(of: line), index + 2 < output.count {
            #expect(output[index + 1] == "      title: Andra titeln")
            #expect(output[index + 2] == "      ^")
        }
    }

    @Test("an empty file")
    func emptyFile() {
        let output = Self.checkWithGoodFile("promises/bad/empty.yaml")
        expectLine("promises/bad/empty.yaml: not checked", in: output)
        expectLine("  promises/bad/empty.yaml:1:1: error: file is empty [yaml.empty]", in: output)
    }

    @Test("a file of only comments holds no document")
    func onlyComments() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("kommentarer.yaml", "# bara en kommentar\n# och en till\n")
        let output = Self.checkWithGoodFile("kommentarer.yaml", cwd: folder.path)
        expectLine("kommentarer.yaml: not checked", in: output)
        expectLine(containing: "  kommentarer.yaml:", in: output)
    }

    @Test("an alias bomb stops at the node limit")
    func aliasBomb() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var yaml = "promise: 1\nlol0: &lol0 [" + Array(repeating: "\"ha\"", count: 10).joined(separator: ",") + "]\n"
        for level in 1..<10 {
            yaml += "lol\(level): &lol\(level) ["
            yaml += Array(repeating: "*lol\(level - 1)", count: 10).joined(separator: ",") + "]\n"
        }
        try folder.write("bomb.yaml", yaml)
        let output = Self.checkWithGoodFile("bomb.yaml", cwd: folder.path)
        expectLine("bomb.yaml: not checked", in: output)
        let line = expectLine(containing: "[yaml.too-many-nodes]", in: output) ?? ""
        #expect(
            line.wholeMatch(
                of:
                    /\ \ bomb\.yaml:[1-9][0-9]*:[1-9][0-9]*: error: more than 100000 nodes after alias expansion.* \[yaml\.too-many-nodes\]/
            )
                != nil, "\(line)")
    }

    @Test("200-deep nesting stops at the depth limit")
    func deepNesting() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(
            "djup.yaml",
            "promise: 1\nsituation: " + String(repeating: "[", count: 200) + String(repeating: "]", count: 200) + "\n")
        let output = Self.checkWithGoodFile("djup.yaml", cwd: folder.path)
        expectLine("djup.yaml: not checked", in: output)
        // Column 12 is the outermost list, at depth 2 under the top-level mapping; 65 levels deep is column 75.
        expectLine("  djup.yaml:2:75: error: nesting deeper than 64 levels [yaml.too-deep]", in: output)
    }

    @Test("200-deep block nesting stops at the depth limit")
    func deepBlockNesting() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var yaml = "promise: 1\n"
        for level in 0..<200 { yaml += String(repeating: " ", count: level) + "n\(level):\n" }
        try folder.write("djup-block.yaml", yaml)
        let output = Self.checkWithGoodFile("djup-block.yaml", cwd: folder.path)
        expectLine("djup-block.yaml: not checked", in: output)
        let line = expectLine(containing: "[yaml.too-deep]", in: output) ?? ""
        #expect(
            line.wholeMatch(
                of: /\ \ djup-block\.yaml:[0-9]+:[0-9]+: error: nesting deeper than 64 levels \[yaml\.too-deep\]/)
                != nil)
    }

    @Test("a binary file")
    func binaryFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(
            "binar.yaml",
            Data([0x70, 0x72, 0x6F, 0x6D, 0x69, 0x73, 0x65, 0x3A, 0x20, 0x31, 0x0A, 0x00, 0x01, 0x02, 0xFF, 0xFE, 0x0A])
        )
        let output = Self.checkWithGoodFile("binar.yaml", cwd: folder.path)
        expectLine("binar.yaml: not checked", in: output)
        expectLine(
            "  binar.yaml:2:1: error: binary file (NUL byte at 2:1); expected UTF-8 text [yaml.binary]", in: output)
    }

    @Test("invalid UTF-8, located at the bad byte")
    func invalidUTF8() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var bytes = Data("promise: 1\ntitle: Dalby ".utf8)
        bytes += [0xC3, 0x28]
        bytes += Data(" fel\n".utf8)
        try folder.write("latin.yaml", bytes)
        let output = Self.checkWithGoodFile("latin.yaml", cwd: folder.path)
        expectLine("latin.yaml: not checked", in: output)
        expectLine("  latin.yaml:2:14: error: not valid UTF-8 at byte offset 24 [yaml.not-utf8]", in: output)
    }

    @Test("UTF-16 is not UTF-8")
    func utf16() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var bytes = Data([0xFF, 0xFE])
        bytes += "promise: 1\n".data(using: .utf16LittleEndian) ?? Data()
        try folder.write("utf16.yaml", bytes)
        let output = Self.checkWithGoodFile("utf16.yaml", cwd: folder.path)
        expectLine("utf16.yaml: not checked", in: output)
        let line = expectLine(containing: "  utf16.yaml:", in: output) ?? ""
        #expect(line.wholeMatch(of: /\ \ utf16\.yaml:[0-9]+:[0-9]+: error: .+/) != nil, "\(line)")
    }

    @Test("a file over the 16 MB limit")
    func hugeFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var bytes = Data("promise: 1\n# ".utf8)
        bytes += Data(repeating: UInt8(ascii: "a"), count: 17 * 1024 * 1024)
        bytes += Data("\n".utf8)
        try folder.write("stor.yaml", bytes)
        let output = Self.checkWithGoodFile("stor.yaml", cwd: folder.path)
        expectLine("stor.yaml: not checked", in: output)
        expectLine("  stor.yaml:1:1: error: file is larger than the 16.0 MB limit [input.too-large]", in: output)
    }

    @Test("a path that does not exist is reported first, and the good file is still checked")
    func missingPath() {
        let run = runPromiseCheck(["check", "--pack", Fixtures.miniPack, "promises/finns-inte.yaml", Self.good])
        #expect(run.status == 2)
        #expect(
            lines(run.stdout) == [
                "promises/finns-inte.yaml: error: no such file or folder [input.not-found]",
                "",
                Self.goodScoreLine,
                "  Innehåll 100 · Språk 100",
                "",
                "1 file checked; 0 errors, 0 warnings, 0 info; 1 input error; average score 100",
                "result: input errors (exit 2)",
            ])
    }

    @Test("unknown keys are a warning with 'did you mean': the file is scored and the exit is not 2")
    func unknownKeys() {
        let run = runPromiseCheck(["check", "--pack", Fixtures.miniPack, Self.good, "promises/unknown-keys.yaml"])
        #expect(run.status == 0)
        #expect(
            lines(run.stdout) == [
                Self.goodScoreLine,
                "  Innehåll 100 · Språk 100",
                "",
                "promises/unknown-keys.yaml: score 100 (grade A) · Cedervik",
                "  Innehåll 100 · Språk 100",
                "  promises/unknown-keys.yaml:8:1: warning: unknown key 'folow_up' in the promise; did you mean 'follow_up'? [promise.unknown-key]",
                "",
                "2 files checked; 0 errors, 0 warnings, 0 info; average score 100",
                "result: passed",
            ])
    }

    @Test("input errors exit 2 even under --fail-on never")
    func inputErrorsIgnorePolicy() {
        let run = runPromiseCheck([
            "check", "--pack", Fixtures.miniPack, "--fail-on", "never", Self.good, "promises/bad/empty.yaml",
        ])
        #expect(run.status == 2)
        #expect(lines(run.stdout).last == "result: input errors (exit 2)")
    }

    @Test("every bad file in one run is reported, and the good ones are scored")
    func allBadFilesTogether() {
        let bad = ["duplicate", "empty", "malformed", "tab"].map { "promises/bad/\($0).yaml" }
        let run = runPromiseCheck(
            ["check", "--pack", Fixtures.miniPack, Self.good] + bad + ["promises/good/bergby-2025.yaml"])
        let output = lines(run.stdout)
        #expect(run.status == 2)
        expectLine(Self.goodScoreLine, in: output)
        expectLine(containing: "promises/good/bergby-2025.yaml: score 50", in: output)
        for file in bad { expectLine("\(file): not checked", in: output) }
        #expect(
            output.suffix(2) == [
                "6 files checked (4 could not be read); 0 errors, 4 warnings, 1 info; 4 input errors; average score 75",
                "result: input errors (exit 2)",
            ])
    }

    @Test("bad promise files in a folder are found and reported")
    func badFilesInFolder() {
        let run = runPromiseCheck(["check", "--pack", Fixtures.miniPack, "promises/bad"])
        #expect(run.status == 2)
        let output = lines(run.stdout)
        for file in ["duplicate", "malformed", "tab"] {
            expectLine("promises/bad/\(file).yaml: not checked", in: output)
        }
    }
}
