import Foundation
import Testing

/// Suppression comments end to end: each format of promise, each scope, every report format.
@Suite("suppression comments")
struct SuppressionCommandTests {
    /// Bergby's promise (four warnings and an info under the mini pack) with comments.
    static let yaml = """
        # promisecheck: ignore-file platshallare — målet fylls i när budgeten är klar
        promise: 1
        title: Bergby – medborgarlöfte 2025
        area: Bergby
        status: draft
        period: gäller under 2025
        # promisecheck: ignore kallor — brottsstatistiken är den enda källan som finns
        situation:
          text: >
            Skadegörelsen i Bergby centrum har ökat, och polisen får fler larm om
            bråk vid busstationen på fredagskvällar.
          sources: [brottsstatistik 2024]
        commitments:
          - title: Busstationen
            by: polisen
            actions:
              - Verka för ökad närvaro vid busstationen  # promisecheck: ignore tomma-ord -- citat ur avtalet
              - Kontinuerligt se över belysningen och byta ut den vid behov
            target: TODO
          # promisecheck: ignore lagesbild, tomma-ordd — fel
          - title: Torget
            actions: [Patrullera torget]  # promisecheck: ignore tomma-ord

        """

    static func run(_ name: String, _ text: String, _ extra: [String] = []) throws -> RunResult {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write(name, text)
        return runPromiseCheck(["check", "--pack", Fixtures.path + "/packs/mini"] + extra + [name], cwd: folder.path)
    }

    @Test("YAML: file, entry and end-of-line scopes; suppressed findings listed apart; the score is unchanged")
    func yamlFile() throws {
        let run = try Self.run("bergby.yaml", Self.yaml)
        #expect(
            lines(run.stdout) == [
                "bergby.yaml: score 50 (grade D) · Bergby · gäller under 2025",
                "  Innehåll 70 · Språk 0",
                "  note: marked as a draft: not yet signed",
                "  bergby.yaml:18:9: warning: tomt ord: \"Kontinuerligt\" [tomma-ord]",
                "    hint: Skriv vad som ska göras, av vem och hur ofta.",
                "  bergby.yaml:18:59: warning: tomt ord: \"vid behov\" [tomma-ord]",
                "    hint: Skriv vad som ska göras, av vem och hur ofta.",
                "  bergby.yaml:20:26: warning: the suppression of 'lagesbild' suppresses nothing: no finding in the item it covers [unused-suppression]",
                "    hint: Remove the comment: the finding it was for is gone.",
                "  bergby.yaml:20:37: warning: no rule 'tomma-ordd' in the pack; did you mean 'tomma-ord'? [unknown-rule]",
                "    hint: Use an id from 'promisecheck rules list'.",
                "  bergby.yaml:22:35: warning: the suppression of 'tomma-ord' gives no reason, so it suppresses nothing [suppression-without-reason]",
                "    hint: Write the reason after a dash: 'promisecheck: ignore RULE-ID — why the finding does not apply'.",
                "  suppressed (suppressed findings still count in the score):",
                "    bergby.yaml:8:1: warning: lägesbilden bygger på 1 slags källor, minst 2 behövs [kallor]",
                "      reason: brottsstatistiken är den enda källan som finns (comment at 7:1)",
                "    bergby.yaml:17:9: warning: tomt ord: \"Verka för\" [tomma-ord]",
                "      reason: citat ur avtalet (comment at 17:50)",
                "    bergby.yaml:19:13: info: platshållare kvar i texten: \"TODO\" [platshallare]",
                "      reason: målet fylls i när budgeten är klar (whole-file comment at 1:1)",
                "",
                "1 file checked; 0 errors, 5 warnings, 0 info; 3 suppressed; average score 50",
                "result: passed",
            ])
        #expect(run.status == 0)
        // The same score as the promise without comments (CheckCommandTests: 50).
        let strict = try Self.run("bergby.yaml", Self.yaml, ["--fail-on", "warning"])
        #expect(strict.status == 1, "the engine's own findings are warnings like any other")
    }

    @Test("Markdown: HTML comments on their own line and at the end of a line")
    func markdownFile() throws {
        let run = try Self.run(
            "bergby.md",
            """
            # Bergby – medborgarlöfte 2025

            <!-- promisecheck: ignore-file platshallare — fylls i senare -->

            Skadegörelsen ökar enligt brottsstatistiken TODO.

            <!-- promisecheck: ignore tomma-ord — citat -->
            - Polisen ska verka för trygghet
              kontinuerligt vid stationen.
            - Kommunen byter lampor vid behov. <!-- promisecheck: ignore tomma-ord - står i avtalet -->
            - Kommunen ska verka för belysning.

            """)
        let output = lines(run.stdout)
        #expect(
            output.filter { $0.hasPrefix("  bergby.md:") && $0.contains("[tomma-ord]") } == [
                "  bergby.md:11:16: warning: tomt ord: \"verka för\" [tomma-ord]"
            ])
        #expect(
            output.filter { $0.hasPrefix("    bergby.md:") } == [
                "    bergby.md:5:45: info: platshållare kvar i texten: \"TODO\" [platshallare]",
                "    bergby.md:8:15: warning: tomt ord: \"verka för\" [tomma-ord]",
                "    bergby.md:9:3: warning: tomt ord: \"kontinuerligt\" [tomma-ord]",
                "    bergby.md:10:25: warning: tomt ord: \"vid behov\" [tomma-ord]",
            ])
        expectLine("1 file checked; 1 error, 2 warnings, 0 info; 4 suppressed; average score 0", in: output)
    }

    @Test("plain text: '#' and HTML comments on their own line, and the comment text is not read as the promise's")
    func textFile() throws {
        let run = try Self.run(
            "bergby.txt",
            """
            Bergby – medborgarlöfte 2025

            # promisecheck: ignore tomma-ord — citat ur kommunens plan
            Vi ska verka för ökad trygghet och arbeta kontinuerligt.

            <!-- promisecheck: ignore-file platshallare — TODO fylls i -->
            Målet är TODO.
            Vi byter lampor vid behov. <!-- promisecheck: ignore tomma-ord -- ur avtalet -->

            """)
        let output = lines(run.stdout)
        #expect(
            output.filter { $0.hasPrefix("    bergby.txt:") } == [
                "    bergby.txt:4:8: warning: tomt ord: \"verka för\" [tomma-ord]",
                "    bergby.txt:4:43: warning: tomt ord: \"kontinuerligt\" [tomma-ord]",
                "    bergby.txt:7:10: info: platshållare kvar i texten: \"TODO\" [platshallare]",
                "    bergby.txt:8:17: warning: tomt ord: \"vid behov\" [tomma-ord]",
            ])
        #expect(!output.contains { $0.contains("[tomma-ord]") && !$0.hasPrefix("    ") })
        #expect(run.stderr == "")
    }

    @Test("a malformed comment is an input warning, located, with 'did you mean'")
    func malformed() throws {
        let run = try Self.run(
            "bergby.yaml",
            Self.yaml.replacingOccurrences(of: "# promisecheck: ignore kallor", with: "# promisecheck: ignroe kallor"))
        expectLine(
            "  bergby.yaml:7:17: warning: unknown suppression comment: expected 'ignore' or 'ignore-file' after 'promisecheck:', found 'ignroe'; did you mean 'ignore'? [promise.suppression]",
            in: lines(run.stdout))
        expectLine(
            "  bergby.yaml:8:1: warning: lägesbilden bygger på 1 slags källor, minst 2 behövs [kallor]",
            in: lines(run.stdout))
    }

    @Test("every format shows suppressed findings apart from the findings")
    func everyFormat() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("bergby.yaml", Self.yaml)
        var arguments = ["check", "--pack", Fixtures.path + "/packs/mini"]
        for format in ["text", "json", "sarif", "junit", "github", "markdown", "csv", "html"] {
            arguments += ["--format", format, "--output", "rapport-\(format).out"]
        }
        let run = runPromiseCheck(arguments + ["bergby.yaml"], cwd: folder.path)
        #expect(run.status == 0, "\(run.stderr)")
        func report(_ format: String) -> String { folder.contents("rapport-\(format).out") ?? "" }

        #expect(report("text").contains("  suppressed (suppressed findings still count in the score):"))

        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(report("json").utf8)) as? [String: Any])
        let file = try #require((json["files"] as? [[String: Any]])?.first)
        let suppressed = try #require(file["suppressed"] as? [[String: Any]])
        #expect(suppressed.map { $0["rule"] as? String } == ["kallor", "tomma-ord", "platshallare"])
        #expect(suppressed.first?["reason"] as? String == "brottsstatistiken är den enda källan som finns")
        let comment = try #require(suppressed.first?["suppression"] as? [String: Any])
        #expect(comment["line"] as? Int == 7)
        #expect(comment["column"] as? Int == 1)
        #expect(comment["scope"] as? String == "item")
        #expect((suppressed.last?["suppression"] as? [String: Any])?["scope"] as? String == "file")
        #expect((file["engine_findings"] as? [[String: Any]])?.count == 3)
        let rules = try #require(file["rules"] as? [[String: Any]])
        #expect(rules.flatMap { ($0["findings"] as? [[String: Any]]) ?? [] }.count == 2)
        #expect((json["summary"] as? [String: Any])?["suppressed"] as? Int == 3)

        let sarif = report("sarif")
        #expect(sarif.components(separatedBy: "\"kind\" : \"inSource\"").count - 1 == 3)
        #expect(sarif.contains("\"justification\" : \"citat ur avtalet\""))
        #expect(sarif.contains("\"id\" : \"unused-suppression\""))

        let junit = report("junit")
        #expect(junit.contains("<skipped message=\"suppressed: målet fylls i när budgeten är klar\"/>"))
        #expect(junit.contains("suppressed: tomt ord: &quot;Verka för&quot; (reason: citat ur avtalet)"))

        let github = report("github")
        #expect(!github.contains("Verka för"), "suppressed findings are not annotations")
        #expect(github.contains("3 suppressed"))

        #expect(
            report("markdown").contains("| 17:9 | warning | tomt ord: \"Verka för\" | `tomma-ord` | citat ur avtalet |")
        )
        #expect(report("csv").contains("\"17:9: tomt ord: \"\"Verka för\"\" (reason: citat ur avtalet)\""))
        #expect(report("html").contains("<h3 id=\"file-1-suppressed\">Suppressed</h3>"))
    }
}
