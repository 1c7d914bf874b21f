import Foundation
import Testing

/// `promisecheck init`: a starter configuration, and a promise skeleton from the pack's template.
@Suite("init command")
struct InitCommandTests {
    @Test("init writes a commented .promisecheck.yaml with every key at its default")
    func starter() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let run = runPromiseCheck(["init"], cwd: folder.path)
        #expect(run.status == 0)
        #expect(run.stderr == "wrote .promisecheck.yaml\n")
        let text = try #require(folder.contents(".promisecheck.yaml"))
        #expect(text.hasPrefix("# PromiseCheck configuration (docs/configuration.md)."))
        #expect(text.contains("\nallow_exec: false\n"))
        let config = runPromiseCheck(["config"], cwd: folder.path)
        #expect(config.status == 0)
        #expect(config.stderr == "", "the starter has no problems")
        let shown = lines(config.stdout).dropFirst(2)
        #expect(shown.count == 11)
        // Every key but the two minimums (null: no minimum) is written out in the file.
        #expect(
            shown.filter { $0.hasSuffix("# default") }.map { String($0.prefix(11)) } == ["min_score: ", "min_average"])
        // The starter names the formats there are.
        for format in ["text", "json", "sarif", "junit", "github", "markdown", "csv", "html"] {
            #expect(text.contains(" \(format),") || text.contains(" \(format)."), "\(format)")
        }
    }

    @Test("init does not overwrite without --force, for either kind of file")
    func noOverwrite() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(".promisecheck.yaml", "version: 1\n")
        try folder.write("ekby.yaml", "promise: 1\n")
        let config = runPromiseCheck(["init"], cwd: folder.path)
        #expect(config.status == 2)
        #expect(config.stderr == "error: .promisecheck.yaml: already exists; use --force to overwrite it\n")
        #expect(folder.contents(".promisecheck.yaml") == "version: 1\n")
        let promise = runPromiseCheck(["init", "--promise", "Ekby"], cwd: folder.path)
        #expect(promise.status == 2)
        #expect(folder.contents("ekby.yaml") == "promise: 1\n")
        let forced = runPromiseCheck(["init", "--force", "--promise", "Ekby"], cwd: folder.path)
        #expect(forced.status == 0)
        #expect(folder.contents("ekby.yaml")?.contains("area: \"Ekby\"") == true)
    }

    @Test("init --promise writes <area-slug>.yaml from the shipped pack's template; it loads as a promise")
    func promiseSkeleton() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let run = runPromiseCheck(["init", "--promise", "Övre Älvdal"], cwd: folder.path)
        #expect(run.status == 0)
        #expect(run.stderr == "wrote ovre-alvdal.yaml\n")
        let text = try #require(folder.contents("ovre-alvdal.yaml"))
        let year = Calendar(identifier: .gregorian).component(.year, from: Date())
        #expect(text.contains("title: \"Övre Älvdal – medborgarlöften \(year)–\(year + 1)\"\n"))
        #expect(text.contains("  from: \(year)-01-01\n  to: \(year + 1)-12-31\n"))
        #expect(text.contains("# Lägesbilden"), "the pack's Swedish guidance is in comments")
        #expect(!text.contains("{area}") && !text.contains("{year}"))

        let check = runPromiseCheck(["check", "--format", "json", "ovre-alvdal.yaml"], cwd: folder.path)
        #expect(check.status == 1, "a skeleton has findings, but reads")
        #expect(check.stderr == "")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])
        let file = try #require((json["files"] as? [[String: Any]])?.first)
        #expect(file["checked"] as? Bool == true)
        #expect(file["area"] as? String == "Övre Älvdal")
        #expect((file["diagnostics"] as? [Any])?.isEmpty == true)

        // The pack still passes its own examples.
        let rulesTest = runPromiseCheck(["rules", "test"], cwd: folder.path)
        #expect(rulesTest.status == 0)
    }

    @Test("--output names the file; a pack without a template is an error")
    func outputAndNoTemplate() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let run = runPromiseCheck(["init", "--promise", "Ekby", "--output", "utkast.yaml"], cwd: folder.path)
        #expect(run.status == 0)
        #expect(folder.contents("utkast.yaml")?.hasPrefix("# Medborgarlöfte för Ekby") == true)
        let mini = runPromiseCheck(
            ["init", "--promise", "Ekby", "--pack", Fixtures.path + "/packs/mini"], cwd: folder.path)
        #expect(mini.status == 2)
        #expect(
            mini.stderr
                == "error: pack 'mini' has no promise template; add 'template:' to its pack.yaml (docs/rule-packs.md)\n"
        )
        let empty = runPromiseCheck(["init", "--promise", " "], cwd: folder.path)
        #expect(empty.status == 2)
    }
}
