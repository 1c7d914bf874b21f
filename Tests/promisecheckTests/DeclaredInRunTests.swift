import Foundation
import Testing

@testable import PromiseCheck
@testable import promisecheck

/// A YAML file found in a folder is checked only when it declares a promise, which is looked
/// for in the bytes its checker reads: a file that does not is dropped from the run and leaves
/// no trace, in every format, as if it had not been found.
@Suite("YAML files that declare no promise, dropped as they are checked")
struct DeclaredInRunTests {
    /// A folder of promises with the mini pack beside them, and files that declare none.
    static func project(_ files: [String: String]) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(
            at: folder.url.appendingPathComponent("packs"), withIntermediateDirectories: true)
        try folder.copyFixture("packs/mini", as: "packs/mini")
        for (name, content) in files {
            if content == "promise" {
                try FileManager.default.createDirectory(
                    at: folder.url.appendingPathComponent(name).deletingLastPathComponent(),
                    withIntermediateDirectories: true)
                try folder.copyFixture("promises/good/bergby-2025.yaml", as: name)
            } else {
                try folder.write(name, content)
            }
        }
        return folder
    }

    static let notes = "anteckningar:\n  - promise: inte här\n"

    /// Two runs that must print the same: the status, standard output and standard error.
    static func expectSame(
        _ arguments: [String], as reference: [String], in folder: TemporaryFolder,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let run = runPromiseCheck(arguments, cwd: folder.path)
        let expected = runPromiseCheck(reference, cwd: folder.path)
        #expect(run.status == expected.status, sourceLocation: sourceLocation)
        #expect(run.stdout == expected.stdout, "\(arguments)", sourceLocation: sourceLocation)
        #expect(run.stderr == expected.stderr, "\(arguments)", sourceLocation: sourceLocation)
        #expect(!expected.stdout.isEmpty, sourceLocation: sourceLocation)
    }

    @Test(
        "first, middle and last files dropped: the report of the promises alone",
        arguments: ["text", "json", "sarif", "junit", "github", "markdown", "csv", "html"])
    func droppedAround(format: String) throws {
        let folder = try Self.project([
            "a-anteckningar.yaml": Self.notes, "b.yaml": "promise", "c-lista.yml": "lista: [promise]\n",
            "d.yaml": "promise", "e-tom.yaml": "", "f-kommentar.yaml": "# promise: 1\n",
        ])
        defer { folder.remove() }
        let options = ["check", "--pack", "packs/mini", "--fail-on", "never", "--format", format]
        Self.expectSame(options + ["."], as: options + ["./b.yaml", "./d.yaml"], in: folder)
        // Named files pass through --force-exclude the same way.
        Self.expectSame(
            options + [
                "--force-exclude", "./a-anteckningar.yaml", "./b.yaml", "./c-lista.yml", "./d.yaml", "./e-tom.yaml",
            ],
            as: options + ["./b.yaml", "./d.yaml"], in: folder)
    }

    @Test(
        "every file dropped: the report of an empty folder",
        arguments: ["text", "json", "sarif", "junit", "markdown", "csv"])
    func allDropped(format: String) throws {
        let folder = try Self.project([
            "a/anteckningar.yaml": Self.notes, "a/tom.yaml": "", "a/lista.yml": "- promise\n", "tom/.gitkeep": "",
        ])
        defer { folder.remove() }
        let options = ["check", "--pack", "packs/mini", "--format", format]
        Self.expectSame(options + ["a"], as: options + ["tom"], in: folder)
        Self.expectSame(
            options + ["--force-exclude", "a/anteckningar.yaml", "a/tom.yaml"], as: options + ["tom"], in: folder)
        Self.expectSame(
            ["compare", "--pack", "packs/mini", "a"], as: ["compare", "--pack", "packs/mini", "tom"], in: folder)
    }

    @Test("a configuration only dropped files have is not read, and its pack and rules not used")
    func mixedConfigurations() throws {
        let folder = try Self.project([
            // Only dropped files: a configuration with errors, and one with an unknown rule
            // and a pack that does not exist.
            "a/.promisecheck.yaml": "version: 1\npacks: [\n", "a/anteckningar.yaml": Self.notes,
            "b/.promisecheck.yaml": "version: 1\npacks: [../packs/saknas]\nrules: {okand-regel: off}\n",
            "b/tom.yaml": "", "b/lista.yaml": "- x\n",
            // Two configurations whose first files are dropped: their packs are listed in the
            // order of the files checked.
            "c/.promisecheck.yaml": "version: 1\npacks: [../packs/mini]\nrules: {kallor: off, okand: off}\n",
            "c/a-anteckningar.yaml": Self.notes, "c/b-bergby.yaml": "promise",
            "d/a-anteckningar.yaml": Self.notes, "d/b-bergby.yaml": "promise",
            "e/.promisecheck.yaml": "version: 1\npacks: [../packs/mini]\nrules: {tomma-ord: off}\n",
            "e/a-tom.yaml": "", "e/b-bergby.yaml": "promise", "e/c-anteckningar.yaml": Self.notes,
            ".promisecheck.yaml": "version: 1\npacks: [packs/mini]\n",
        ])
        defer { folder.remove() }
        let named = ["c/b-bergby.yaml", "d/b-bergby.yaml", "e/b-bergby.yaml"]
        for format in ["json", "text", "sarif"] {
            let options = ["check", "--fail-on", "never", "--format", format]
            Self.expectSame(options + ["c", "a", "d", "b", "e"], as: options + named, in: folder)
            Self.expectSame(options + ["e", "b", "d", "a", "c"], as: options + named.reversed(), in: folder)
        }
        let run = runPromiseCheck(["check", "--fail-on", "never", "c", "a", "b", "d", "e"], cwd: folder.path)
        #expect(run.status == 0)
        // The warnings of the configurations used, and none of the others.
        #expect(lines(run.stderr).count == 1 && run.stderr.contains("'okand'"), "\(run.stderr)")
        Self.expectSame(["compare", "c", "a", "b", "d", "e"], as: ["compare"] + named, in: folder)
    }

    @Test("a file found in a folder and named too: in the folder's place when it declares a promise, else named")
    func foundAndNamed() throws {
        let folder = try Self.project([
            "a-anteckningar.yaml": Self.notes, "b.yaml": "promise", "c.yaml": "promise",
        ])
        defer { folder.remove() }
        let options = ["check", "--pack", "packs/mini", "--fail-on", "never", "--format", "json"]
        Self.expectSame(
            options + [".", "./a-anteckningar.yaml", "./b.yaml"],
            as: options + ["./b.yaml", "./c.yaml", "./a-anteckningar.yaml"], in: folder)
        let run = runPromiseCheck(
            ["check", "--pack", "packs/mini", ".", "./a-anteckningar.yaml"], cwd: folder.path)
        let headings = lines(run.stdout).filter { $0.hasPrefix("./") }
        #expect(
            headings.map { String($0.prefix { $0 != ":" }) } == ["./b.yaml", "./c.yaml", "./a-anteckningar.yaml"],
            "\(run.stdout)")
        #expect(run.status == 2)
    }

    @Test("baselines written and read over a folder with dropped files")
    func baselines() throws {
        let folder = try Self.project([
            "a-anteckningar.yaml": Self.notes, "b.yaml": "promise", "c-tom.yaml": "", "d.yaml": "promise",
        ])
        defer { folder.remove() }
        let options = ["check", "--pack", "packs/mini", "--fail-on", "never", "--format", "json"]
        let written = runPromiseCheck(options + ["--write-baseline", "folder.json", "."], cwd: folder.path)
        let reference = runPromiseCheck(
            options + ["--write-baseline", "named.json", "./b.yaml", "./d.yaml"], cwd: folder.path)
        #expect(written.stdout == reference.stdout)
        #expect(folder.contents("folder.json") == folder.contents("named.json"))
        #expect(folder.contents("folder.json")?.contains("b.yaml") == true)
        Self.expectSame(
            options + ["--baseline", "named.json", ".", "./b.yaml"],
            as: options + ["--baseline", "named.json", "./b.yaml", "./d.yaml"], in: folder)
    }

    @Test("a file that cannot be read is kept, first or not, so the reader says why")
    func unreadable() throws {
        guard geteuid() != 0 else { return }
        let folder = try Self.project(["a-anteckningar.yaml": Self.notes, "b.yaml": "promise", "c.yaml": "promise"])
        defer { folder.remove() }
        for name in ["b.yaml", "a-anteckningar.yaml"] {
            try #require(chmod(folder.path + "/" + name, 0) == 0)
        }
        let run = runPromiseCheck(["check", "--pack", "packs/mini", "--format", "json", "."], cwd: folder.path)
        let named = runPromiseCheck(
            ["check", "--pack", "packs/mini", "--format", "json", "./a-anteckningar.yaml", "./b.yaml", "./c.yaml"],
            cwd: folder.path)
        #expect(run.status == 2)
        #expect(run.stdout == named.stdout)
        #expect(run.stdout.contains("permission denied"))
    }

    static func checker() throws -> Checker {
        let loaded = PackLoader(locator: PackLocator(searchPaths: [])).load(Fixtures.path + "/" + Fixtures.miniPack)
        return Checker(pack: try #require(loaded.pack))
    }

    /// Files whose `promise:` key is before, across or after the declaration window.
    static func randomFile(using generator: inout some RandomNumberGenerator) -> [UInt8] {
        let window = FileDiscovery.declarationWindow
        let size =
            [0, 1, 8, 300, window - 9, window - 1, window, window + 1, window + 3000].randomElement(
                using: &generator) ?? 0
        var bytes = [UInt8](repeating: UInt8(ascii: "#"), count: size)
        let key = Array("\npromise: 1\n".utf8)
        if Bool.random(using: &generator), size > 0 {
            let at = Int.random(in: max(0, size - key.count - 4)...size, using: &generator)
            bytes.replaceSubrange(at..<min(size, at + key.count), with: key)
            if Bool.random(using: &generator) { bytes.removeSubrange(min(size, at + key.count)...) }
        }
        return bytes
    }

    @Test("the answer from the bytes the checker read is the answer from the file")
    func fromBytes() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var generator = SystemRandomNumberGenerator()
        let checker = try Self.checker()
        for index in 0..<200 {
            let bytes = Self.randomFile(using: &generator)
            let path = try folder.write("p\(index).yaml", Data(bytes)).path
            var seen: [UInt8]?
            _ = checker.check(path: path, keepSource: false) { read in
                seen = read
                return false
            }
            #expect(seen == bytes)
            #expect(
                FileDiscovery.declaresPromise(path: path, read: seen) == FileDiscovery.isPromiseFile(path),
                "\(bytes.count) bytes: \(String(decoding: bytes.suffix(16), as: UTF8.self).debugDescription)")
        }
    }

    @Test("what the checker hands over: a regular file's bytes, nil for anything else; the report as checked by path")
    func checkerHandsOver() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.copyFixture("promises/good/bergby-2025.yaml", as: "bergby.yaml")
        try #require(mkfifo(folder.path + "/ror.yaml", 0o644) == 0)
        let checker = try Self.checker()
        for name in ["ror.yaml", "saknas.yaml", "."] {
            var handed: [UInt8]? = [1]
            let report = checker.check(path: folder.path + "/" + name, keepSource: true) { read in
                handed = read
                return true
            }
            #expect(handed == nil, "\(name)")
            #expect(report?.evaluation == nil && report?.diagnostics.isEmpty == false, "\(name)")
            #expect(report?.diagnostics == checker.check(path: folder.path + "/" + name).diagnostics)
        }
        let path = folder.path + "/bergby.yaml"
        let whole = checker.check(path: path, keepSource: true)
        let once = checker.check(path: path, keepSource: true) {
            $0 == Array(FileManager.default.contents(atPath: path) ?? Data())
        }
        #expect(once?.evaluation?.score == whole.evaluation?.score)
        #expect(once?.sourceLines == whole.sourceLines && whole.sourceLines?.isEmpty == false)
        #expect(checker.check(path: path, keepSource: true) { _ in false } == nil)
        // A pipe declares a promise: the file is asked, not what was read of it.
        #expect(FileDiscovery.declaresPromise(path: folder.path + "/ror.yaml", read: nil))
    }
}
