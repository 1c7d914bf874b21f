import ArgumentParser
import Foundation
import PromiseCheck
import PromiseCheckReports
import Testing

@testable import promisecheck

/// The declarations written for a cheap start-up give the help, messages and completions that
/// ArgumentParser's generic defaults and Foundation give.
@Suite("argument declarations")
struct ArgumentDeclarationTests {
    /// The same cases, with ArgumentParser's defaults and with ``CaseArgument``.
    enum Plain: String, CaseIterable, ExpressibleByArgument {
        case first, second
        case twoWords = "two-words"
    }

    enum Quick: String, CaseIterable, CaseArgument {
        case first, second
        case twoWords = "two-words"
    }

    @Test("CaseArgument gives ArgumentParser's values, descriptions and completions")
    func caseArgumentMatchesDefaults() {
        #expect(Quick.allValueStrings == Plain.allValueStrings)
        #expect(Quick.allValueDescriptions == Plain.allValueDescriptions)
        #expect(String(describing: Quick.defaultCompletionKind) == String(describing: Plain.defaultCompletionKind))
        #expect(Quick.allCases.map(\.defaultValueDescription) == Plain.allCases.map(\.defaultValueDescription))
        #expect(Quick.allCases.map(\.rawValue).map(Quick.init(argument:)) == Quick.allCases)
        #expect(Quick(argument: "nope") == nil)
    }

    @Test("the enum options list their values in errors, as ArgumentParser lists raw values")
    func enumValuesInErrors() {
        func listed(_ values: [String]) -> String {
            let quoted = values.map { "'\($0)'" }
            let last = values.count > 2 ? "or" : "and"
            return quoted.dropLast().joined(separator: ", ") + " \(last) " + quoted[quoted.count - 1] + "."
        }
        let cases: [([String], [String])] = [
            (["check", "--color", "purple", "x.yaml"], ColorChoice.allCases.map(\.rawValue)),
            (["check", "--fail-on", "purple", "x.yaml"], FailLevel.allCases.map(\.rawValue)),
            (["compare", "--by", "purple", "x"], ComparisonOptions.View.allCases.map(\.rawValue)),
            (["compare", "--format", "purple", "x"], ComparisonFormat.allCases.map(\.rawValue)),
        ]
        for (arguments, values) in cases {
            let run = runPromiseCheck(arguments)
            #expect(run.status == 2)
            #expect(run.stderr.contains("'purple' is invalid"), "\(run.stderr)")
            #expect(run.stderr.contains("Please provide one of " + listed(values)), "\(run.stderr)")
        }
    }

    @Test("the completion scripts offer each enum option's values")
    func enumValuesInCompletions() {
        let bash = runPromiseCheck(["--generate-completion-script", "bash"])
        #expect(bash.status == 0)
        for values in [ColorChoice.allCases.map(\.rawValue), FailLevel.allCases.map(\.rawValue)] {
            let list = "-W " + values.map { "'\($0)'" }.joined(separator: "$'\\n'")
            #expect(bash.stdout.contains(list), "\(list)")
        }
    }

    @Test("check --help lists the formats in ten columns, as Foundation's padding did")
    func formatList() {
        let padded = ReportFormat.allCases.map {
            "  " + $0.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0) + $0.summary
        }
        #expect(CheckCommand.formatList == padded.joined(separator: "\n"))
        let help = runPromiseCheck(["check", "--help"])
        #expect(help.stdout.contains(padded.joined(separator: "\n")), "\(help.stdout)")
    }

    /// The four help lines of `--config` and `--no-config` after a section's title, or nil.
    static func configLines(_ help: String, after title: String) -> [String]? {
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(of: title), start + 4 < lines.count else { return nil }
        return Array(lines[(start + 1)...(start + 4)])
    }

    @Test("check and config declare --config and --no-config as compare's group does, first in their section")
    func configFileOptions() throws {
        let compare = runPromiseCheck(["compare", "--help"]).stdout
        let expected = try #require(Self.configLines(compare, after: "CONFIGURATION:"))
        #expect(expected[0].hasPrefix("  --config <file>") && expected[2].hasPrefix("  --no-config"))
        for command in ["check", "config"] {
            let help = runPromiseCheck([command, "--help"]).stdout
            #expect(Self.configLines(help, after: "CONFIGURATION AND FAIL POLICY:") == expected, "\(help)")
        }
        // The two together are refused, before the other options are checked.
        let runs = [
            ["check", "--config", "a", "--no-config", "--min-score", "200", "x.yaml"],
            ["config", "--no-config", "--min-average", "200", "--config", "a"],
            ["compare", "--config", "a", "--no-config", "x"],
        ]
        for arguments in runs {
            let run = runPromiseCheck(arguments)
            #expect(run.status == 2)
            #expect(run.stderr.hasPrefix("Error: --config and --no-config cannot be used together\n"), "\(run.stderr)")
        }
    }

    /// The help of `--pack` and `--allow-exec`: the lines from `--pack` to the next option after them.
    static func packLines(_ help: String) -> ArraySlice<String> {
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("  --pack ") }),
            let exec = lines[start...].firstIndex(where: { $0.hasPrefix("  --allow-exec ") })
        else { return [] }
        let end = lines[(exec + 1)...].firstIndex(where: { $0.hasPrefix("  -") || $0.isEmpty }) ?? lines.count
        return lines[start..<end]
    }

    @Test("check declares --pack and --allow-exec as the PackOptions group does")
    func packOptions() throws {
        let config = Self.packLines(runPromiseCheck(["config", "--help"]).stdout)
        #expect(config.count > 2)
        #expect(Self.packLines(runPromiseCheck(["check", "--help"]).stdout) == config)
        let command = try CheckCommand.parse(["--pack", "a", "--pack", "b", "--allow-exec", "x.yaml"])
        #expect(command.packOptions.packs == ["a", "b"])
        #expect(command.packOptions.allowExec)
        let plain = try CheckCommand.parse(["x.yaml"])
        #expect(plain.packOptions.references == [PackOptions.defaultPack])
        #expect(!plain.packOptions.allowExec)
    }
}
