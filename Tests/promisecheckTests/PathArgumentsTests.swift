import ArgumentParser
import Testing

@testable import promisecheck

/// Runs of paths go around the argument parser and come back in their places.
@Suite("paths passed around the argument parser")
struct PathArgumentsTests {
    /// The command the parser makes from `arguments`, or its error, as text: without and with
    /// condensing.
    static func parsedBothWays(_ arguments: [String]) -> (plain: String, condensed: String) {
        func text(_ parse: () throws -> any ParsableCommand) -> String {
            do {
                return String(reflecting: try parse())
            } catch {
                return "error: " + PromiseCheckCommand.fullMessage(for: error)
            }
        }
        let (condensedArguments, runs) = PathArguments.condense(arguments)
        return (
            text { try PromiseCheckCommand.parseAsRoot(arguments) },
            text { PathArguments.expand(try PromiseCheckCommand.parseAsRoot(condensedArguments), in: runs) }
        )
    }

    @Test("a run keeps its first token and stands for the others by one placeholder")
    func condense() {
        let (arguments, runs) = PathArguments.condense([
            "check", "--format", "json", "a", "b", "--force", "c", "d", "e",
        ])
        #expect(arguments.count == 7)
        #expect(Array(arguments[0...2]) == ["check", "--format", "json"])
        #expect(arguments[4] == "--force" && arguments[5] == "c")
        #expect(runs == [["a", "b"], ["d", "e"]])
        #expect(
            PathArguments.expand(["x", arguments[3], "c", arguments[6]], runs: runs) == [
                "x", "a", "b", "c", "d", "e",
            ])
    }

    @Test("other commands, short runs and everything after '--' are left as they are")
    func leftAlone() {
        for arguments in [
            ["import", "a.txt", "b", "c"], ["rules", "test", "a", "b", "c"], ["check", "a", "b"],
            ["check", "--", "a", "b", "c", "d"], [],
        ] {
            let (condensed, runs) = PathArguments.condense(arguments)
            #expect(condensed == arguments)
            #expect(runs.isEmpty)
        }
    }

    @Test(
        "the parsed command is the same either way",
        arguments: [
            ["check", "a.yaml", "b.yaml", "c.yaml"],
            ["check", "--pack", "p", "a", "b", "c", "--format", "json", "d", "e", "f", "--output", "o.json"],
            ["check", "--force", "a", "b", "c", "--explain", "--format", "text", "d"],
            ["check", "--fail-on", "warning", "--min-score", "50", "a", "b", "c", "--no-config", "d", "e", "f"],
            ["check", "--config", "c.yaml", "--baseline", "b.json", "a", "b", "c", "--", "-x", "y", "z"],
            ["check", "--color", "never", "--force-exclude", "a", "b", "c", "--write-baseline", "w.json"],
            ["compare", "--by", "period", "a", "b", "c", "--rules", "d", "e", "f", "--format", "csv"],
            ["compare", "--output", "o.md", "a", "b", "c", "--force", "--no-config", "d", "e"],
        ])
    func sameCommand(arguments: [String]) {
        let (plain, condensed) = Self.parsedBothWays(arguments)
        #expect(condensed == plain)
        #expect(!condensed.hasPrefix("error"), "\(condensed)")
    }

    @Test("random mixes of options and paths parse the same either way")
    func random() {
        var generator = SystemRandomNumberGenerator()
        let options: [[String]] = [
            ["--format", "json"], ["--format", "sarif"], ["--output", "r.sarif"], ["--force"], ["--explain"],
            ["--pack", "p"], ["--fail-on", "error"], ["--min-score", "10"], ["--no-config"], ["--force-exclude"],
            ["--color", "always"], ["--baseline", "b.json"],
        ]
        for _ in 0..<200 {
            var arguments = ["check", "first"]
            var pathNumber = 0
            for _ in 0..<Int.random(in: 1...8, using: &generator) {
                if Bool.random(using: &generator) {
                    arguments += options.randomElement(using: &generator)!
                } else {
                    for _ in 0..<Int.random(in: 1...5, using: &generator) {
                        pathNumber += 1
                        arguments.append("p\(pathNumber).yaml")
                    }
                }
            }
            let (plain, condensed) = Self.parsedBothWays(arguments)
            #expect(condensed == plain, "\(arguments)")
        }
    }

    /// Quadratic parsing made this take seconds; the test asserts the paths, not a time.
    @Test("thousands of paths come back whole and in order")
    func thousands() throws {
        let paths = (0..<20_000).map { "mapp/p\($0).yaml" }
        let (arguments, runs) = PathArguments.condense(["check", "--format", "json"] + paths)
        let command = PathArguments.expand(try PromiseCheckCommand.parseAsRoot(arguments), in: runs)
        let check = try #require(command as? CheckCommand)
        #expect(check.paths == paths)
    }
}
