import ArgumentParser
import Foundation
import PromiseCheck

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a starter .promisecheck.yaml, or with --promise a new promise file to fill in.",
        discussion: """
            Without --promise, writes .promisecheck.yaml (or --output) with every key at its default \
            and a comment on what it does.

            With --promise AREA, writes a promise skeleton, <area>.yaml (the area in lower case, \
            without accents, words joined by '-'; or --output), from the pack's 'template:': every \
            section the pack's rules look for, with guidance in the pack's language, the area filled \
            in and a period from 1 January this year to 31 December next year. The pack is --pack, \
            or the packs of the configuration that applies to the current folder.

            An existing file is replaced only with --force; files are written whole or not at all.
            """
    )

    @OptionGroup var packOptions: PackOptions

    @Option(
        name: .customLong("promise"),
        help: ArgumentHelp("Write a new promise file for this area instead of a configuration file.", valueName: "area")
    )
    var area: String?

    @Option(
        name: [.short, .long],
        help: ArgumentHelp(
            "The file to write (default: .promisecheck.yaml, or <area>.yaml with --promise).", valueName: "path"))
    var output: String?

    @Flag(help: "Replace the file if it exists.")
    var force = false

    func validate() throws {
        if let area, area.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--promise needs the name of an area, e.g. --promise Ekby")
        }
    }

    func run() throws {
        guard let area else {
            try write(Configuration.starter, to: output ?? Configuration.fileName)
            return
        }
        var configurations = RunConfiguration(RunConfiguration.Overrides(packs: packOptions.packs))
        let configuration = configurations.configuration(for: ".")
        try configurations.stopOnErrors()
        let pack = try packOptions.loadCombined(references: configuration.packReferences)
        guard let template = pack.template else {
            StandardError.write(
                "error: pack '\(pack.name)' has no promise template; add 'template:' to its pack.yaml "
                    + "(docs/rule-packs.md)")
            throw ExitCode.usageError
        }
        let year = Calendar(identifier: .gregorian).component(.year, from: Date())
        let name = area.trimmingCharacters(in: .whitespaces)
        try write(
            PromiseTemplate.fill(template, area: name, year: year),
            to: output ?? PromiseTemplate.slug(name) + ".yaml")
    }

    private func write(_ text: String, to path: String) throws {
        do {
            try OutputFile.write(text, to: path, force: force)
        } catch {
            StandardError.write("error: \(error.description)")
            throw ExitCode.usageError
        }
        StandardError.write("wrote \(path)")
    }
}
