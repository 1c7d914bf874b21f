import Testing

@testable import PromiseCheck

/// `include` and `exclude` patterns: `*`, `?`, `**`, and folders matching their contents.
@Suite struct GlobTests {
    @Test(
        "matches",
        arguments: [
            ("*.yaml", "ekby.yaml"),
            ("*.yaml", ".yaml"),
            ("ekby-????.yaml", "ekby-2025.yaml"),
            ("**/*.txt", "a.txt"),
            ("**/*.txt", "publicerat/2025/a.txt"),
            ("drafts/**", "drafts/a.yaml"),
            ("drafts/**", "drafts/x/y/a.yaml"),
            ("drafts", "drafts/a.yaml"),
            ("./drafts/*", "drafts/a.yaml"),
            ("**/utkast/*.md", "omraden/norr/utkast/ekby.md"),
            ("a/**/b.yaml", "a/b.yaml"),
            ("a/**/b.yaml", "a/x/y/b.yaml"),
            ("*-utkast.*", "ekby-utkast.md"),
            ("Övre*/*.yaml", "Övre Älvdal/löfte.yaml"),
        ])
    func matches(pattern: String, path: String) {
        #expect(Glob(pattern).matches(path), "\(pattern) should match \(path)")
    }

    @Test(
        "does not match",
        arguments: [
            ("*.yaml", "x/ekby.yaml"),
            ("*.yaml", "ekby.yml"),
            ("ekby-????.yaml", "ekby-25.yaml"),
            ("drafts/**", "drafts.yaml"),
            ("drafts/**", "old/drafts/a.yaml"),
            ("drafts", "draftsx/a.yaml"),
            ("**/*.txt", "a.txt.yaml"),
            ("a/**/b.yaml", "a/x/c.yaml"),
            ("*-utkast.*", "ekby-utkast"),
            ("", "a.yaml"),
        ])
    func doesNotMatch(pattern: String, path: String) {
        #expect(!Glob(pattern).matches(path), "\(pattern) should not match \(path)")
    }

    @Test("a star backtracks within a name without blowing up")
    func starBacktracking() {
        #expect(Glob.matchName(Array("*a*a*a*b")[...], Array(String(repeating: "a", count: 60))[...]) == false)
        #expect(Glob.matchName(Array("*a*b")[...], Array("xxaxxb")[...]))
        #expect(Glob.matchName(Array("a*")[...], Array("a")[...]))
    }
}
