import ArgumentParser
import Foundation
import PromiseCheck

/// The `--pack` option shared by every command that uses rule packs.
struct PackOptions: ParsableArguments {
    static let defaultPack = Configuration.defaultPacks[0]

    static let packHelp = ArgumentHelp(
        "A rule pack by name or path (repeatable; later packs override earlier ones by rule id).",
        discussion: """
            A name is looked up as NAME/pack.yaml in: the folders in $PROMISECHECK_RULES \
            (colon-separated), Rules/ beside the promisecheck binary, ../share/promisecheck/Rules, \
            then the first Rules/ folder above the binary (a source checkout). A value with a '/' \
            or a .yaml ending is a path to a pack folder or pack.yaml. Default: medborgarlofte.
            """,
        valueName: "name-or-path")
    static let allowExecHelp = ArgumentHelp(
        "Let rules with 'check: exec' run external programs.",
        discussion: """
            Off by default: a pack cannot allow it, nor can a repository's .promisecheck.yaml. \
            Without it such rules are skipped and say so. 'allow_exec: true' in your own \
            ~/.config/promisecheck/config.yaml allows it too.
            """)

    @Option(name: .customLong("pack"), help: packHelp)
    var packs: [String] = []

    @Flag(name: .customLong("allow-exec"), help: allowExecHelp)
    var allowExec = false

    init() {}

    /// The options with these values: for `check`, which declares `--pack` and `--allow-exec` itself.
    init(packs: [String], allowExec: Bool) {
        self.packs = packs
        self.allowExec = allowExec
    }

    /// Whether external programs may run: the flag, or the user's own configuration.
    var execAllowed: Bool { allowExec || UserConfiguration.allowsExec() }

    var references: [String] { packs.isEmpty ? [Self.defaultPack] : packs }

    var locator: PackLocator {
        PackLocator(
            searchPaths: PackLocator.defaultSearchPaths(
                executablePath: Self.executablePath, environment: ProcessEnvironment.current))
    }

    static var executablePath: String? {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? Bundle.main.executablePath ?? CommandLine.arguments.first
    }

    /// Loads each pack; nil with the diagnostics when any fails.
    func load(references: [String]? = nil) -> (packs: [RulePack], diagnostics: [Diagnostic]) {
        var loader = PackLoader(locator: locator)
        loader.allowsExec = execAllowed
        var packs: [RulePack] = []
        var diagnostics: [Diagnostic] = []
        for reference in references ?? self.references {
            let result = loader.load(reference)
            diagnostics += result.diagnostics
            if let pack = result.pack { packs.append(pack) }
        }
        return (packs, diagnostics)
    }

    /// Each pack of the command's arguments (or the --pack packs), or exits with status 2
    /// after printing why one could not be loaded.
    func loadEach(_ arguments: [String]) throws -> [RulePack] {
        let (packs, diagnostics) = load(references: arguments.isEmpty ? references : arguments)
        for diagnostic in diagnostics { StandardError.write(diagnostic.description) }
        if diagnostics.containsErrors { throw ExitCode.usageError }
        return packs
    }

    /// The combined pack, or exits with status 2 after printing why it could not be loaded.
    func loadCombined(references: [String]? = nil) throws -> RulePack {
        let (packs, diagnostics) = load(references: references)
        for diagnostic in diagnostics { StandardError.write(diagnostic.description) }
        guard !diagnostics.containsErrors, let pack = RulePack.combining(packs) else {
            throw ExitCode.usageError
        }
        return pack
    }
}
