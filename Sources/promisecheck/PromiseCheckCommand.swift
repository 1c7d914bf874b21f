import ArgumentParser
import Foundation
import PromiseCheck

@main
struct PromiseCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "promisecheck",
        abstract: "Check medborgarlöften (citizen promises) against quality rule packs and score them.",
        discussion: """
            PromiseCheck reads promises (YAML promise files, published text and Markdown drafts), evaluates them against YAML rule packs (by default the \
            shipped Swedish pack 'medborgarlofte') and reports a score, a grade and located findings.

            Exit status: 0 passed; 1 findings at the fail level or a score below the minimum; \
            2 usage, configuration or input error.
            """,
        version: PromiseCheckVersion.current,
        subcommands: [
            CheckCommand.self, ConfigCommand.self, InitCommand.self, ImportCommand.self, CompareCommand.self,
            RulesCommand.self,
        ],
        defaultSubcommand: nil
    )

    /// Runs the command; usage errors exit with 2, like every other input problem.
    static func main() {
        do {
            // Long lists of paths go around the parser, which takes time in n² for them.
            let (arguments, runs) = PathArguments.condense(Array(CommandLine.arguments.dropFirst()))
            var command = PathArguments.expand(try parseAsRoot(arguments), in: runs)
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                StandardError.write(fullMessage(for: error))
                Foundation.exit(ExitCode.usageError.rawValue)
            }
            exit(withError: error)
        }
    }
}

extension ExitCode {
    /// Findings at the fail level, or a score below the minimum.
    static let policyFailure = ExitCode(1)
    /// A usage, configuration or input error.
    static let usageError = ExitCode(2)
}
