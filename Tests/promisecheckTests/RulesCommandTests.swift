import Foundation
import Testing

/// `promisecheck rules list | explain | test`.
@Suite("rules commands")
struct RulesCommandTests {
    @Test("rules list: a header and one row per rule, then a count")
    func list() {
        let run = runPromiseCheck(["rules", "list", "--pack", Fixtures.miniPack])
        #expect(run.status == 0)
        #expect(
            lines(run.stdout) == [
                "ID            CATEGORY  SEVERITY  WEIGHT  TITLE",
                "lagesbild     innehall  error     3       Lägesbilden är beskriven",
                "kallor        innehall  warning   2       Lägesbilden bygger på flera slags källor",
                "tomma-ord     sprak     warning   1       Inga tomma ord",
                "platshallare  sprak     info      1       Inga platshållare kvar",
                "4 rules in mini 1.0",
            ])
        #expect(run.stderr == "")
    }

    @Test("rules list and explain: the rules as the current folder's .promisecheck.yaml changes them")
    func configured() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.copyFixture("packs/mini", as: "mini")
        try folder.write(
            ".promisecheck.yaml", "version: 1\npacks: [./mini]\nrules:\n  kallor: off\n  tomma-ord: {weight: 5}\n")
        let listed = runPromiseCheck(["rules", "list"], cwd: folder.path)
        #expect(listed.status == 0)
        #expect(listed.stderr == "")
        #expect(
            lines(listed.stdout) == [
                "ID            CATEGORY  SEVERITY  WEIGHT  TITLE",
                "lagesbild     innehall  error     3       Lägesbilden är beskriven",
                "tomma-ord     sprak     warning   5       Inga tomma ord",
                "platshallare  sprak     info      1       Inga platshållare kvar",
                "3 rules in mini 1.0, as .promisecheck.yaml changes them",
            ])
        let explained = runPromiseCheck(["rules", "explain", "kallor"], cwd: folder.path)
        #expect(explained.status == 0)
        #expect(lines(explained.stdout).contains("severity:  off (disabled)"))

        let plain = runPromiseCheck(["rules", "list", "--no-config", "--pack", "./mini"], cwd: folder.path)
        #expect(lines(plain.stdout).last == "4 rules in mini 1.0")

        try folder.write(".promisecheck.yaml", "version: 1\nrules:\n  kalor: off\npacks: [./mini]\nmin_score: hundra\n")
        let broken = runPromiseCheck(["rules", "list"], cwd: folder.path)
        #expect(broken.status == 2)
        #expect(broken.stdout == "")
        #expect(
            broken.stderr.contains(".promisecheck.yaml:5:12: error: 'min_score' must be a number"), "\(broken.stderr)")
    }

    @Test("rules explain: title, settings, hint and examples")
    func explain() {
        let run = runPromiseCheck(["rules", "explain", "--pack", Fixtures.miniPack, "tomma-ord"])
        #expect(run.status == 0)
        var output = lines(run.stdout)
        let definedIndex = output.firstIndex { $0.hasPrefix("defined:   ") }
        #expect(definedIndex != nil, "no 'defined:' line:\n\(run.stdout)")
        if let definedIndex {
            // The pack's path is as the loader resolved it; its place in the file is what matters.
            #expect(output[definedIndex].hasSuffix("packs/mini/pack.yaml:44:5"), "\(output[definedIndex])")
            output[definedIndex] = "defined:   packs/mini/pack.yaml:44:5"
        }
        #expect(
            output == [
                "tomma-ord: Inga tomma ord",
                "",
                "category:  Språk (sprak)",
                "severity:  warning",
                "weight:    1",
                "scope:     document",
                "check:     lexicon",
                "message:   tomt ord: \"{match}\"",
                "hint:      Skriv vad som ska göras, av vem och hur ofta.",
                "defined:   packs/mini/pack.yaml:44:5",
                "",
                "Passes:",
                "  - Polisen patrullerar torget varje fredag kväll.",
                "",
                "Fails:",
                "  - Polisen ska verka för ökad trygghet.",
            ])
    }

    @Test(
        "rules explain of an unknown id: exit 2 with 'did you mean', or a pointer to the list",
        arguments: [
            ("nosuch", nil), ("tomma-or", "tomma-ord"), ("lagesbil", "lagesbild"),
        ] as [(String, String?)])
    func explainUnknown(id: String, suggestion: String?) {
        let run = runPromiseCheck(["rules", "explain", "--pack", Fixtures.miniPack, id])
        #expect(run.status == 2)
        #expect(run.stdout == "")
        let line = expectLine(containing: "error: no rule '\(id)' in pack mini", in: lines(run.stderr)) ?? ""
        if let suggestion {
            #expect(line.hasSuffix("did you mean '\(suggestion)'?"), "\(line)")
        } else {
            #expect(line.hasSuffix("'promisecheck rules list' shows the rule ids"), "\(line)")
        }
    }

    @Test("rules test on a good pack: every example passes")
    func testGoodPack() {
        let run = runPromiseCheck(["rules", "test", Fixtures.miniPack])
        #expect(run.status == 0)
        #expect(lines(run.stdout) == ["mini: 8 examples passed, 0 failed", "8 passed, 0 failed"])
        #expect(run.stderr == "")
    }

    @Test("rules test takes the --pack packs when no pack is named")
    func testPackOption() {
        let run = runPromiseCheck(["rules", "test", "--pack", Fixtures.miniPack])
        #expect(run.status == 0)
        expectLine("8 passed, 0 failed", in: lines(run.stdout))
    }

    @Test("rules test finds a pack by name through PROMISECHECK_RULES")
    func testPackByName() {
        let run = runPromiseCheck(
            ["rules", "test", "mini"], environment: ["PROMISECHECK_RULES": Fixtures.path + "/packs"])
        #expect(run.status == 0)
        expectLine("8 passed, 0 failed", in: lines(run.stdout))
    }

    @Test("rules test on a wrong example: exit 1, reported at the example's own place")
    func testWrongExample() {
        let run = runPromiseCheck(["rules", "test", "packs/wrong-example"])
        #expect(run.status == 1)
        let output = lines(run.stdout)
        #expect(output.count == 3, "\(run.stdout)")
        let failure = output.first ?? ""
        #expect(
            failure.hasSuffix(
                "packs/wrong-example/pack.yaml:19:11: error: 'pass' example gives findings (found 1, more than 0: \"kontinuerligt\"): tomt ord: \"kontinuerligt\" [tomma-ord]"
            ), "\(failure)")
        #expect(output.suffix(2) == ["wrong-example: 2 examples passed, 1 failed", "2 passed, 1 failed"])
    }

    @Test("rules test on a pack that does not load: exit 2")
    func testBadPack() {
        let run = runPromiseCheck(["rules", "test", "packs/bad-regex"])
        #expect(run.status == 2)
        #expect(run.stdout == "")
        expectLine(containing: "bad-regex/pack.yaml:13:28: error: regular expression", in: lines(run.stderr))
    }
}
