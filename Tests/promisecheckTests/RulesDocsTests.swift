import Foundation
import Testing

/// `promisecheck rules docs`: the committed rule reference is current, and pages are written safely.
@Suite("rules docs")
struct RulesDocsTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let committedPage = repositoryRoot.appendingPathComponent("docs/rules/medborgarlofte.md")

    @Test("docs/rules/medborgarlofte.md is what the shipped pack generates")
    func committedPageIsCurrent() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let run = runPromiseCheck(["rules", "docs", "--output", folder.path], cwd: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(lines(run.stdout) == ["\(folder.path)/medborgarlofte.md: written"])
        let generated = try #require(folder.contents("medborgarlofte.md"))
        let committed = (try? Data(contentsOf: Self.committedPage)).map { String(decoding: $0, as: UTF8.self) }
        #expect(
            generated == committed,
            "docs/rules/medborgarlofte.md is out of date: run `swift run promisecheck rules docs --output docs/rules/ --force`"
        )
    }

    @Test("the page has the pack's facts and every rule")
    func pageContents() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let run = runPromiseCheck(["rules", "docs", "--pack", Fixtures.miniPack, "--output", folder.path])
        #expect(run.status == 0, "\(run.stderr)")
        let page = lines(try #require(folder.contents("mini.md")))
        expectLine("# Minipaket för tester", in: page)
        expectLine("Rule reference for the pack `mini`, version 1.0, language `sv`.", in: page)
        expectLine("| [`tomma-ord`](#tomma-ord) | Inga tomma ord | `sprak` | warning | 1 |", in: page)
        expectLine("### `tomma-ord`", in: page)
        expectLine("- **Weight:** 1 of 7 (14.3 % of the score)", in: page)
        expectLine("- **Defined in:** `mini/pack.yaml:44`", in: page)
        expectLine("- Polisen ska verka för ökad trygghet.", in: page)
        #expect(page.filter { $0.hasPrefix("### `") }.count == 4)
    }

    static let fragmentPack = """
        pack: fragment
        title: Fragment
        categories: {ansvar: Ansvar}
        rules:
          - id: har-undertecknare
            title: Undertecknare
            category: ansvar
            severity: error
            weight: 1
            scope: signatories
            require: 2
            check: pattern
            with: {match: '\\w+ \\w+'}
            message: saknar namn
            examples:
              pass:
                - signatories:   # två parter
                    - {name: Anna Berg, role: Lokalpolisområdeschef}

                    - name: Omar Lind
                      role: Kommundirektör
                # en kommentar mellan exemplen hör inte till något av dem

                - {signatories: [{name: Eva Ek}, {name: Per Ås}]}   # på en rad
              fail:
                - "En *text* med [tecken] som_annars <tolkas>"

        """

    @Test("promise-fragment examples are the pack file's own lines; text examples are shown as written")
    func fragmentExamples() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("fragment/pack.yaml", Self.fragmentPack)
        let run = runPromiseCheck(["rules", "docs", "--pack", "./fragment", "--output", "sidor"], cwd: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        let page = lines(try #require(folder.contents("sidor/fragment.md")))
        let start = try #require(page.firstIndex(of: "#### Passes (no finding)"))
        #expect(
            Array(page[start...]) == [
                "#### Passes (no finding)",
                "",
                "- ```yaml",
                "  signatories:   # två parter",
                "    - {name: Anna Berg, role: Lokalpolisområdeschef}",
                "",
                "    - name: Omar Lind",
                "      role: Kommundirektör",
                "  ```",
                "- ```yaml",
                "  {signatories: [{name: Eva Ek}, {name: Per Ås}]}",
                "  ```",
                "",
                "#### Fails (at least one finding)",
                "",
                "- En \\*text\\* med \\[tecken\\] som\\_annars \\<tolkas\\>",
            ])
        expectLine("- **Requirement:** `2`: at least 2 signatories must pass", in: page)
        expectLine("- **Scope:** `signatories`: each signatory", in: page)
    }

    @Test("an unchanged page is left alone; a page that differs needs --force")
    func overwriting() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let arguments = ["rules", "docs", "--pack", Fixtures.path + "/" + Fixtures.miniPack, "--output", "sidor"]
        let first = runPromiseCheck(arguments, cwd: folder.path)
        #expect(first.status == 0)
        #expect(lines(first.stdout) == ["sidor/mini.md: written"])
        let page = try #require(folder.contents("sidor/mini.md"))

        let again = runPromiseCheck(arguments, cwd: folder.path)
        #expect(again.status == 0)
        #expect(lines(again.stdout) == ["sidor/mini.md: unchanged"])

        try folder.write("sidor/mini.md", "handskrivet\n")
        let refused = runPromiseCheck(arguments, cwd: folder.path)
        #expect(refused.status == 2)
        #expect(lines(refused.stderr) == ["error: sidor/mini.md: exists and differs; use --force to replace it"])
        #expect(folder.contents("sidor/mini.md") == "handskrivet\n")

        let forced = runPromiseCheck(arguments + ["--force"], cwd: folder.path)
        #expect(forced.status == 0)
        #expect(lines(forced.stdout) == ["sidor/mini.md: updated"])
        #expect(folder.contents("sidor/mini.md") == page)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/sidor") == ["mini.md"])
    }

    @Test("a pack that does not load: exit 2, nothing written")
    func badPack() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let run = runPromiseCheck([
            "rules", "docs", "--pack", Fixtures.path + "/packs/unknown-kind", "--output", folder.path,
        ])
        #expect(run.status == 2)
        #expect(run.stdout == "")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}
