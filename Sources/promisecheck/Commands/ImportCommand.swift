import ArgumentParser
import PromiseCheck

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn a published promise (text) or a Markdown draft into a promise file (YAML).",
        discussion: """
            Reads FILE as 'promisecheck check' does (section headings, the area, commitments with their \
            parties and signature blocks are recognised with the pack's language data) and writes it \
            in PromiseCheck's promise format, with comments saying where values came from and what \
            was inferred. Text without a section of its own goes under 'other:', so checking the \
            written file gives the same verdicts as checking the text.

            Writes to standard output, or atomically to --output; an existing file is replaced \
            only with --force. Exit status 2 when FILE cannot be read.
            """
    )

    @OptionGroup var packOptions: PackOptions

    @Option(name: [.short, .long], help: ArgumentHelp("Write the promise file here.", valueName: "path"))
    var output: String?

    @Flag(help: "Replace the --output file if it exists.")
    var force = false

    @Argument(help: ArgumentHelp("A published promise (.txt) or a Markdown draft (.md).", valueName: "file"))
    var file: String

    func validate() throws {
        if Checker.yamlExtensions.contains(file.split(separator: ".").last.map { $0.lowercased() } ?? "") {
            throw ValidationError("'\(file)' is already a promise file; import reads published text or Markdown")
        }
    }

    func run() throws {
        let pack = try packOptions.loadCombined()
        let result = Checker(pack: pack).read(path: file)
        for diagnostic in result.diagnostics { StandardError.write(diagnostic.description) }
        guard let document = result.document else { throw ExitCode.usageError }
        let yaml = PromiseYAMLWriter(parties: TextReadingProfile(pack: pack).parties).write(document)
        guard let output else {
            print(yaml, terminator: "")
            return
        }
        do {
            try OutputFile.write(yaml, to: output, force: force)
        } catch {
            StandardError.write("error: \(error.description)")
            throw ExitCode.usageError
        }
        StandardError.write("wrote \(output)")
    }
}
