import Foundation
import Testing

/// The commands in `examples/ci/` and `.pre-commit-hooks.yaml` run as written.
@Suite("CI examples")
struct CIExampleTests {
    static let repository = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The words of the folded `promisecheck check` command in a CI file, `$PROMISES` replaced.
    static func command(in file: String, promises: String) throws -> [String] {
        let text = try String(contentsOf: repository.appendingPathComponent(file), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try #require(lines.firstIndex { $0.trimmingCharacters(in: .whitespaces) == "promisecheck check" })
        var words: [String] = []
        for line in lines[start...] {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasSuffix(":") else { break }
            words += trimmed.split(separator: " ").map { $0 == "$PROMISES" ? promises : String($0) }
            if trimmed.contains("$PROMISES") { break }
        }
        return Array(words.dropFirst())
    }

    @Test(
        "the GitHub Actions check writes SARIF, JUnit and Markdown from one run",
        arguments: ["examples/ci/github-actions.yml"])
    func github(file: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(
            at: folder.url.appendingPathComponent("promises"), withIntermediateDirectories: true)
        try folder.copyFixture("promises/good/bergby-2025.yaml", as: "promises/bergby.yaml")
        try folder.write(".promisecheck.yaml", "version: 1\npacks: [\(Fixtures.path)/packs/mini]\n")
        let arguments = try Self.command(in: file, promises: "promises/")
        #expect(arguments.first == "check")
        let run = runPromiseCheck(arguments, cwd: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(folder.contents("promisecheck.sarif")?.contains("\"version\" : \"2.1.0\"") == true)
        #expect(folder.contents("junit.xml")?.hasPrefix("<?xml") == true)
        #expect(folder.contents("summary.md")?.hasPrefix("## PromiseCheck report") == true)
    }

    @Test("the GitLab CI check writes JUnit and Markdown and shows the text report")
    func gitlab() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.copyFixture("promises/good/bergby-2025.yaml", as: "bergby.yaml")
        let arguments = try Self.command(in: "examples/ci/gitlab-ci.yml", promises: "bergby.yaml")
        let run = runPromiseCheck(arguments + ["--pack", Fixtures.path + "/packs/mini"], cwd: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(lines(run.stdout).last == "result: passed")
        #expect(folder.contents("junit.xml") != nil && folder.contents("summary.md") != nil)
    }

    @Test("the pre-commit hooks check only the promise files among the changed files")
    func preCommit() throws {
        let text = try String(
            contentsOf: Self.repository.appendingPathComponent(".pre-commit-hooks.yaml"), encoding: .utf8)
        let entries = text.split(separator: "\n").filter { $0.hasPrefix("  entry: ") }
        #expect(entries.count == 2)
        #expect(text.contains("- id: promisecheck\n"))
        #expect(text.contains("  files: \\.(ya?ml|md|txt)$\n"))
        let words = try #require(entries.first).dropFirst("  entry: ".count).split(separator: " ").map(String.init)
        #expect(words.first == "promisecheck")
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.copyFixture("promises/good/bergby-2025.yaml", as: "bergby.yaml")
        try folder.write("ci.yml", "on: push\n")
        try folder.write("README.md", "# Löften\n")
        let run = runPromiseCheck(
            Array(words.dropFirst()) + ["--pack", Fixtures.path + "/packs/mini", "bergby.yaml", "ci.yml", "README.md"],
            cwd: folder.path)
        #expect(run.status == 0)
        #expect(
            lines(run.stdout).suffix(2) == [
                "1 file checked; 0 errors, 4 warnings, 1 info; average score 50", "result: passed",
            ])
    }
}
