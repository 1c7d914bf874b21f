import ArgumentParser
import Foundation
import PromiseCheck
import PromiseCheckReports

struct RulesDocsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docs",
        abstract: "Write a Markdown reference page for each pack, generated from the pack.",
        discussion: """
            Writes <pack>.md into the --output folder for each pack (default: the --pack packs): the \
            pack's title, description, version, grades and categories, then every rule with its \
            settings, message, hint, link and examples. The pages are deterministic, so they can be \
            committed and checked for drift.

            A page whose content is already the same is left alone. Replacing a page that differs \
            needs --force. Exit status 2 when a pack does not load or a page cannot be written.
            """
    )

    @OptionGroup var packOptions: PackOptions

    @Option(help: ArgumentHelp("The folder to write the pages into (created if missing).", valueName: "folder"))
    var output: String

    @Flag(help: "Replace pages that exist and differ.")
    var force = false

    @Argument(help: ArgumentHelp("Packs to document, by name or path (default: the --pack packs).", valueName: "pack"))
    var packReferences: [String] = []

    func run() throws {
        let packs = try packOptions.loadEach(packReferences)
        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        } catch {
            StandardError.write("error: \(output): cannot create the folder: \(error.localizedDescription)")
            throw ExitCode.usageError
        }
        var failed = false
        for pack in packs {
            var sources: [String: String] = [:]
            for file in RuleReference.sourceFiles(of: pack) {
                if let data = FileManager.default.contents(atPath: file) {
                    sources[file] = String(decoding: data, as: UTF8.self)
                }
            }
            let reference = RuleReference(pack: pack, sources: sources)
            let path = (output as NSString).appendingPathComponent(reference.fileName)
            let page = reference.render()
            let existing = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
            if existing == page {
                print("\(path): unchanged")
                continue
            }
            if existing != nil && !force {
                StandardError.write("error: \(path): exists and differs; use --force to replace it")
                failed = true
                continue
            }
            do {
                try OutputFile.write(page, to: path, force: true)
                print("\(path): \(existing == nil ? "written" : "updated")")
            } catch {
                StandardError.write("error: \(error.description)")
                failed = true
            }
        }
        if failed { throw ExitCode.usageError }
    }
}
