import Foundation
import Testing

@testable import PromiseCheck

/// Lexicon and template paths joined as text against Foundation's standardized URL path.
@Suite struct PackFilePathTests {
    /// Plain names, dot segments, doubled and trailing slashes, and characters a URL encodes.
    private static let pieces = ["a", "lexikon.yaml", "B-2_c", ".", "..", "...", "", "x y", "å", "%41", "~", ".dold"]

    private func randomPath(_ generator: inout SeededGenerator) -> String {
        (0..<Int.random(in: 1...4, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }
            .joined(separator: "/")
    }

    @Test func joinedPathsAreThoseOfStandardizedURLs() {
        var generator = SeededGenerator(state: 23)
        var joinedAsText = 0
        for _ in 0..<3_000 {
            // A pack file given as an absolute or a relative path, like the loader's `directory`.
            let file = (Bool.random(using: &generator) ? "/" : "") + randomPath(&generator) + "/pack.yaml"
            let directory = URL(fileURLWithPath: file).deletingLastPathComponent()
            let relative = randomPath(&generator)
            let joined = PackLoader.filePath(relative, in: directory, directoryPath: directory.path)
            #expect(joined == PackLoader.filePathByURL(relative, in: directory), "\(file) \(relative)")
            if joined == directory.path + "/" + relative { joinedAsText += 1 }
        }
        #expect(joinedAsText > 300)
    }

    @Test func theShippedPackNamesItsLexiconsAsText() {
        let directory = URL(fileURLWithPath: "/usr/share/promisecheck/Rules/medborgarlofte/pack.yaml")
            .deletingLastPathComponent()
        #expect(
            PackLoader.filePath("lexicons/months.yaml", in: directory, directoryPath: directory.path)
                == "/usr/share/promisecheck/Rules/medborgarlofte/lexicons/months.yaml")
        #expect(
            PackLoader.filePath("../delad/months.yaml", in: directory, directoryPath: directory.path)
                == "/usr/share/promisecheck/Rules/delad/months.yaml")
    }
}
