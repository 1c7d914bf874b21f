import Foundation
import Testing

/// The root command: version, help and usage errors.
@Suite("root command")
struct RootCommandTests {
    @Test("--version prints the version")
    func version() {
        let run = runPromiseCheck(["--version"])
        #expect(run.status == 0)
        #expect(run.stderr == "")
        #expect(run.stdout.wholeMatch(of: /[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?\n/) != nil, "\(run.stdout)")
    }

    /// Help text with its line wrapping undone, for phrases that may wrap.
    static func unwrapped(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test(
        "--help describes the exit status",
        arguments: [["--help"], ["check", "--help"], ["help", "check"], ["rules", "test", "--help"]])
    func help(arguments: [String]) {
        let run = runPromiseCheck(arguments)
        #expect(run.status == 0)
        let help = Self.unwrapped(run.stdout)
        #expect(help.contains("Exit status"), "\(run.stdout)")
        #expect(help.contains("USAGE: promisecheck"), "\(run.stdout)")
    }

    @Test("--help names all three exit statuses")
    func helpExitStatuses() {
        let root = Self.unwrapped(runPromiseCheck(["--help"]).stdout)
        #expect(
            root.contains(
                "Exit status: 0 passed; 1 findings at the fail level or a score below the minimum; 2 usage, configuration or input error."
            ))
        let check = Self.unwrapped(runPromiseCheck(["check", "--help"]).stdout)
        #expect(
            check.contains(
                "Exit status: 0 passed; 1 a finding at or above --fail-on, a file below --min-score, or an average "
                    + "below --min-average; 2 a usage or configuration error"
            ))
        #expect(check.contains("--fail-on"))
        #expect(check.contains("--min-score"))
        #expect(check.contains("--min-average"))
        #expect(check.contains("--output"))
    }

    @Test(
        "an unknown option is a usage error",
        arguments: [["--frobnicate"], ["check", "--frobnicate", "promises/good"], ["rules", "list", "--frobnicate"]])
    func unknownOption(arguments: [String]) {
        let run = runPromiseCheck(arguments)
        #expect(run.status == 2)
        #expect(run.stdout == "")
        expectLine(containing: "Unknown option '--frobnicate'", in: lines(run.stderr))
    }

    @Test("an unknown subcommand is a usage error")
    func unknownSubcommand() {
        let run = runPromiseCheck(["kolla", "promises/good"])
        #expect(run.status == 2)
        #expect(run.stdout == "")
        #expect(!run.stderr.isEmpty)
    }

    @Test("an unknown --format is a usage error naming the formats")
    func unknownFormat() {
        let run = runPromiseCheck(["check", "--pack", Fixtures.miniPack, "--format", "xml", "promises/good"])
        #expect(run.status == 2)
        #expect(run.stdout == "")
        #expect(run.stderr.contains("'text'") && run.stderr.contains("'json'"), "\(run.stderr)")
    }
}
