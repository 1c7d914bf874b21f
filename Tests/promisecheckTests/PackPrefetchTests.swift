import Foundation
import PromiseCheck
import Testing

@testable import promisecheck

/// The first path's packs load on their own thread while `check` and `compare` find the files;
/// what the run prints and reports stays what a load in turn gives.
@Suite("packs loaded while the files are found")
struct PackPrefetchTests {
    static func options(_ packs: [String]) throws -> PackOptions {
        try PackOptions.parse(packs.flatMap { ["--pack", Fixtures.path + "/" + $0] })
    }

    /// What a load gives, comparably: each pack's name, file and rule ids, and the diagnostics.
    static func summary(_ load: (packs: [RulePack], diagnostics: [Diagnostic])) -> [String] {
        load.packs.map { "\($0.name) \($0.file) \($0.rules.map(\.id))" } + load.diagnostics.map(\.description)
    }

    @Test(
        "the prefetched load equals a load in turn, is given for its own references only, and can be taken again",
        arguments: [["packs/mini"], ["packs/unknown-kind"], ["packs/mini", "packs/finns-inte"]])
    func sameLoad(packs: [String]) throws {
        let options = try Self.options(packs)
        let prefetch = PackPrefetch(options)
        #expect(prefetch.references == options.references)
        #expect(prefetch.result(for: ["medborgarlofte"]) == nil)
        let first = try #require(prefetch.result(for: options.references))
        let second = try #require(prefetch.result(for: options.references))
        let inTurn = Self.summary(options.load())
        #expect(!inTurn.isEmpty)
        #expect(Self.summary(first) == inTurn)
        #expect(Self.summary(second) == inTurn)
    }

    @Test("a pack that does not load is reported once, before any file is checked")
    func errorOnce() {
        let run = runPromiseCheck(["check", "--pack", "packs/unknown-kind", "promises/good/almdal-2026.yaml"])
        #expect(run.status == 2)
        let errors = lines(run.stderr).filter { $0.contains("error: unknown check kind 'lexicn'") }
        #expect(errors.count == 1, "\(run.stderr)")
        #expect(run.stdout == "")
    }

    @Test("files under another configuration's packs are checked with those, not the prefetched ones")
    func otherConfiguration() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for name in ["packs", "a", "b"] {
            try FileManager.default.createDirectory(
                at: folder.url.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        try folder.copyFixture("packs/mini", as: "packs/mini")
        try folder.copyFixture("packs/unknown-kind", as: "packs/unknown-kind")
        try folder.copyFixture("promises/good/bergby-2025.yaml", as: "a/bergby.yaml")
        try folder.copyFixture("promises/good/bergby-2025.yaml", as: "b/bergby.yaml")
        try folder.write(".promisecheck.yaml", "version: 1\npacks: [packs/mini]\n")
        try folder.write("b/.promisecheck.yaml", "version: 1\npacks: [../packs/unknown-kind]\n")
        // The first path's packs (mini) were prefetched; b/'s pack is loaded in turn and fails.
        let run = runPromiseCheck(["check", "a", "b"], cwd: folder.path)
        #expect(run.status == 2)
        #expect(lines(run.stderr).filter { $0.contains("error: unknown check kind 'lexicn'") }.count == 1)
        // With b/ first, the prefetched pack is the one that fails.
        let reversed = runPromiseCheck(["check", "b", "a"], cwd: folder.path)
        #expect(reversed.status == 2)
        #expect(reversed.stderr == run.stderr)
        // Without b/, the prefetched mini pack checks a/.
        let alone = runPromiseCheck(["check", "a"], cwd: folder.path)
        #expect(lines(alone.stdout).first == "a/bergby.yaml: score 50 (grade D) · Bergby · gäller under 2025")
        #expect(alone.stderr == "")
    }
}
