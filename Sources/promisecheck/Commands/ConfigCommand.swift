import ArgumentParser
import PromiseCheck

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show the configuration a promise file or folder gets, and where each value comes from.",
        discussion: """
            Finds the .promisecheck.yaml that applies to PATH (in its folder or the nearest folder \
            above; the nearest wins, and files do not merge), lays the command-line options over it, \
            and prints every setting as YAML with a comment saying where it came from: the file and \
            line, 'command line', or 'default'. The configuration file is validated as 'check' \
            would: unknown keys and rule ids are warnings, wrong values are errors (exit 2).

            docs/configuration.md describes every key.
            """
    )

    @OptionGroup var packOptions: PackOptions

    @OptionGroup(title: "Configuration and fail policy")
    var configOptions: ConfigOptions

    @Argument(help: ArgumentHelp("A promise file or folder (default: the current folder).", valueName: "path"))
    var path: String = "."

    func run() throws {
        var configurations = RunConfiguration(options: configOptions, packs: packOptions.packs)
        let configuration = configurations.configuration(for: path)
        try configurations.stopOnErrors()
        _ = try configuration.destinations()
        let pack = try packOptions.loadCombined(references: configuration.packReferences)
        for diagnostic in configuration.unknownRules(in: pack) { StandardError.write(diagnostic.description) }
        var text = configuration.rendered(for: path)
        if !configuration.includes(path) {
            text += "# \(path) is left out when found in a folder: it does not pass 'include'/'exclude'\n"
        }
        print(text, terminator: "")
    }
}
