import Foundation
import Testing

/// Packs that do not load: exit 2 before any file is checked, with the place in the pack.
@Suite("pack errors")
struct PackErrorTests {
    static func check(pack: String, environment: [String: String] = [:]) -> RunResult {
        runPromiseCheck(["check", "--pack", pack, "promises/good/almdal-2026.yaml"], environment: environment)
    }

    @Test("an unknown check kind names pack.yaml:line:column and suggests the kind meant")
    func unknownCheckKind() {
        let run = Self.check(pack: "packs/unknown-kind")
        #expect(run.status == 2)
        #expect(run.stdout == "")
        let line = expectLine(
            containing: "unknown-kind/pack.yaml:12:12: error: unknown check kind 'lexicn'", in: lines(run.stderr))
        #expect(line?.contains("did you mean 'lexicon'?") == true, "\(line ?? "")")
        #expect(line?.hasSuffix("[pack.unknown-check]") == true, "\(line ?? "")")
    }

    @Test("a regular expression that does not compile")
    func badRegex() {
        let run = Self.check(pack: "packs/bad-regex")
        #expect(run.status == 2)
        #expect(run.stdout == "")
        expectLine(
            containing:
                "bad-regex/pack.yaml:13:28: error: regular expression 'TODO(|XXX' in 'must_not_match' does not compile [pack.check-parameters]",
            in: lines(run.stderr))
    }

    @Test("a lexicon file that is missing")
    func missingLexicon() {
        let run = Self.check(pack: "packs/missing-lexicon")
        #expect(run.status == 2)
        #expect(run.stdout == "")
        expectLine(
            containing: "missing-lexicon/pack.yaml:7:11: error: lexicon 'kallor': file not found (",
            in: lines(run.stderr))
        #expect(run.stderr.contains("lexicons/finns-inte.yaml"))
    }

    @Test("an unknown pack name says where it looked")
    func unknownPackName() {
        let run = Self.check(pack: "finnsinte")
        #expect(run.status == 2)
        #expect(run.stdout == "")
        let line = expectLine(containing: "error: no rule pack 'finnsinte' (looked at: ", in: lines(run.stderr))
        #expect(line?.hasSuffix("[pack.not-found]") == true)
    }

    @Test("an unknown pack name is looked up in PROMISECHECK_RULES first")
    func unknownPackNameWithEnvironment() {
        let run = Self.check(pack: "mnii", environment: ["PROMISECHECK_RULES": Fixtures.path + "/packs"])
        #expect(run.status == 2)
        let line = expectLine(containing: "error: no rule pack 'mnii' (looked at: ", in: lines(run.stderr)) ?? ""
        #expect(line.contains("(looked at: \(Fixtures.path)/packs/mnii/pack.yaml"), "\(line)")
    }

    @Test("a pack path that does not exist")
    func missingPackPath() {
        let run = Self.check(pack: "packs/finns-inte")
        #expect(run.status == 2)
        expectLine(containing: "error: no rule pack 'packs/finns-inte'", in: lines(run.stderr))
    }

    @Test(
        "rules commands fail the same way on a pack that does not load",
        arguments: [["rules", "list"], ["rules", "explain", "tomma-ord"]])
    func rulesCommandsOnBadPack(command: [String]) {
        let run = runPromiseCheck(command + ["--pack", "packs/unknown-kind"])
        #expect(run.status == 2)
        #expect(run.stdout == "")
        expectLine(
            containing: "unknown-kind/pack.yaml:12:12: error: unknown check kind 'lexicn'", in: lines(run.stderr))
    }
}
