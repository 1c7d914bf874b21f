import Foundation
import PromiseCheckYAML
import Testing

@testable import PromiseCheck

/// Inputs the fuzz targets (`Fuzz/`, `scripts/fuzz`) found crashing, kept under `Fixtures/fuzz/`.
///
/// Each file goes through what its target exercises, named by the file's first word: `yaml`,
/// `promise`, `text`, `markdown`, `pack`, `period`, `frequency` or `quantity`; with the shipped
/// pack, as the targets use it. Passing means no crash; what the fix changed is tested where
/// the fix is.
@Suite struct FuzzRegressionTests {
    static let folder = promiseFixturesFolder.appendingPathComponent("fuzz")

    static let files: [String] =
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }
        .sorted()

    static let rules = ShippedPackTests.rulesDirectory
    static let pack = ShippedPackTests.load("medborgarlofte").pack

    @Test func everyTargetHasAName() {
        let targets = ["yaml", "promise", "text", "markdown", "pack", "period", "frequency", "quantity"]
        for file in Self.files {
            #expect(targets.contains(Self.target(of: file)), "\(file): no target named by its first word")
        }
    }

    @Test(arguments: files)
    func doesNotCrash(file: String) throws {
        let pack = try #require(Self.pack)
        let bytes = Array(try Data(contentsOf: Self.folder.appendingPathComponent(file)))
        let checker = Checker(pack: pack)
        let text = String(decoding: bytes, as: UTF8.self)
        let item = ScopeItem.lines(text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        let blank = Document(path: file, format: .text)
        func check(_ yaml: String) throws -> any Check {
            try CheckRegistry.builtIn.makeCheck(yaml, lexicons: pack.lexicons)
        }
        switch Self.target(of: file) {
        case "yaml":
            _ = try? YAMLParser.parse(bytes)
        case "promise":
            _ = checker.reader.read(bytes, path: file).document.map(checker.engine.evaluate)
        case "text", "markdown":
            let format: Document.Format = Self.target(of: file) == "text" ? .text : .markdown
            _ = checker.textReader.read(bytes, path: file, format: format).document.map(checker.engine.evaluate)
        case "pack":
            let loaded = PackLoader(locator: PackLocator(searchPaths: [Self.rules]))
                .load(bytes: bytes, file: Self.rules + "/medborgarlofte/fuzz-pack.yaml")
            _ = loaded.pack.map { Checker(pack: $0).check(blank) }
        case "period":
            _ = try check("{check: period, with: {months: months, cues: period_cues, range_words: range_words}}")
                .evaluate(item, in: blank)
        case "frequency":
            _ = try check(
                "{check: frequency, with: {frequencies: frequencies, number_words: number_words, months: months}}"
            )
            .evaluate(item, in: blank)
        default:
            _ = try check(
                "{check: quantity, with: {number_words: number_words, units: units, markers: quantity_markers}}"
            )
            .evaluate(item, in: blank)
        }
    }

    /// A run of digits longer than any integer, where a signature line may carry a date.
    @Test func longDigitRunsAreNoYearAndDoNotOverflow() {
        #expect(!TextPromiseReader.Assembler.containsYear(String(repeating: "4", count: 60)))
        #expect(!TextPromiseReader.Assembler.containsYear("12026"))
        #expect(TextPromiseReader.Assembler.containsYear("Ekby den 3 mars 2026"))
        #expect(TextPromiseReader.Assembler.containsYear(String(repeating: "2", count: 30) + " 2026"))
    }

    static func target(of file: String) -> String {
        String(file.prefix { $0 != "-" && $0 != "." })
    }
}
