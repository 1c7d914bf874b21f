import Foundation
import Testing

@testable import PromiseCheck

/// `.promisecheck.yaml`: decoding with located diagnostics, defaults, printing, and applying it.
@Suite struct ConfigurationTests {
    static let formats = ["text", "json", "sarif", "junit", "github", "markdown", "csv", "html"]

    static func load(_ yaml: String, in scratch: ScratchFolder = ScratchFolder()) -> ConfigurationLoader.Result {
        let file = scratch.write(Configuration.fileName, yaml)
        return ConfigurationLoader(formats: formats).load(file: file)
    }

    static let full = """
        version: 1
        packs: [medborgarlofte, ../packs/lan]
        rules:
          readability: off
          gender_perspective: on
          vague_language: info
          measurable_target: {severity: error, weight: 25}
          signatories: {enabled: false}
        include: ["**/*.yaml", utkast]
        exclude: drafts/**
        fail_on: warning
        min_score: 40
        min_average: 62.5
        format: [sarif, text]
        output: reports/promisecheck.sarif
        allow_exec: true

        """

    @Test("every key is read, and each value knows its line")
    func readsEveryKey() throws {
        let scratch = ScratchFolder()
        let result = Self.load(Self.full, in: scratch)
        // A repository's configuration cannot let rules run programs: said, and ignored by the CLI.
        #expect(result.diagnostics.map(\.code) == ["config.allow-exec-ignored"], "\(result.diagnostics)")
        #expect(result.diagnostics.first?.location == SourceLocation(line: 16, column: 13))
        let configuration = try #require(result.configuration)
        #expect(configuration.version == 1)
        #expect(configuration.packs == ["medborgarlofte", "../packs/lan"])
        #expect(
            configuration.rules == [
                RuleOverride(id: "readability", isEnabled: false),
                RuleOverride(id: "gender_perspective", isEnabled: true),
                RuleOverride(id: "vague_language", severity: .info),
                RuleOverride(id: "measurable_target", severity: .error, weight: 25),
                RuleOverride(id: "signatories", isEnabled: false),
            ])
        #expect(configuration.include == ["**/*.yaml", "utkast"])
        #expect(configuration.exclude == ["drafts/**"])
        #expect(configuration.failOn == .warning)
        #expect(configuration.minScore == 40)
        #expect(configuration.minAverage == 62.5)
        #expect(configuration.formats == ["sarif", "text"])
        #expect(configuration.outputs == ["reports/promisecheck.sarif"])
        #expect(configuration.allowExec)
        let file = scratch.path(Configuration.fileName)
        #expect(configuration.origin(of: .version) == .file(file, pos(1, 1)))
        #expect(configuration.origin(of: .failOn) == .file(file, pos(11, 1)))
        #expect(configuration.origins["rules.measurable_target"] == .file(file, pos(7, 3)))
        #expect(configuration.origin(of: .allowExec).description == "\(file):16")
        // Relative paths start at the configuration's folder.
        #expect(configuration.packReferences == ["medborgarlofte", scratch.path + "/../packs/lan"])
        #expect(configuration.outputPaths == [scratch.path + "/reports/promisecheck.sarif"])
    }

    @Test("an empty file, and keys with no value, keep every default")
    func defaults() throws {
        let empty = try #require(Self.load("").configuration)
        #expect(empty.packs == ["medborgarlofte"])
        #expect(empty.rules.isEmpty && empty.include.isEmpty && empty.exclude.isEmpty)
        #expect(empty.failOn == .error)
        #expect(empty.minScore == nil && empty.minAverage == nil)
        #expect(empty.formats == ["text"] && empty.outputs.isEmpty)
        #expect(!empty.allowExec)
        #expect(empty.origin(of: .packs) == .defaultValue)
        let nulls = Self.load("version: 1\nmin_score:\nfail_on: ~\n")
        #expect(nulls.diagnostics.isEmpty)
        #expect(nulls.configuration?.minScore == nil)
        #expect(nulls.configuration?.failOn == .error)
        #expect(nulls.configuration?.origin(of: .minScore) == .defaultValue)
    }

    @Test("problems are located, unknown keys are warnings with 'did you mean', wrong values errors")
    func validation() {
        let scratch = ScratchFolder()
        let result = Self.load(
            """
            version: 1
            pakcs: [medborgarlofte]
            fail_on: warnings
            min_score: 120
            min_average: hög
            format: [jsno]
            rules:
              measurable_target: {severity: fatal, wieght: 3}
              readability: av
              signatories: {weight: -1}
            exclude: [/abs/**, ../up/*]
            allow_exec: kanske

            """, in: scratch)
        #expect(result.configuration == nil)
        let file = scratch.path(Configuration.fileName)
        let rendered = result.diagnostics.map { $0.description.replacingOccurrences(of: file, with: "C") }
        #expect(
            rendered == [
                "C:2:1: warning: unknown key 'pakcs' in the configuration; did you mean 'packs'? [config.unknown-key]",
                "C:3:10: error: 'fail_on' must be error, warning, info or never, found 'warnings'; did you mean 'warning'? [config.value]",
                "C:4:12: error: 'min_score' must be between 0 and 100, found 120 [config.range]",
                "C:5:14: error: 'min_average' must be a number, found 'hög' [config.type]",
                "C:6:10: error: unknown format 'jsno' (the formats are text, json, sarif, junit, github, markdown, csv, html); did you mean 'json'? [config.value]",
                "C:8:40: warning: unknown key 'wieght' in rule 'measurable_target' in 'rules'; did you mean 'weight'? [config.unknown-key]",
                "C:8:33: error: 'severity' of rule 'measurable_target' in 'rules' must be error, warning or info, found 'fatal' [config.value]",
                "C:9:16: error: rule 'readability' in 'rules' must be off, on, a severity (error, warning, info) or a mapping of severity, weight and enabled; found 'av' [config.value]",
                "C:10:25: error: 'weight' of rule 'signatories' in 'rules' must not be negative [config.range]",
                "C:11:11: error: 'exclude' globs are relative to the configuration's folder; '/abs/**' starts with '/' [config.glob]",
                "C:11:20: error: 'exclude' globs match files under the configuration's folder; '../up/*' leaves it with '..' [config.glob]",
                "C:12:13: error: 'allow_exec' must be true or false, found 'kanske' [config.type]",
            ])
    }

    @Test("the version: missing is a warning, another version an error")
    func version() {
        let missing = Self.load("fail_on: info\n")
        #expect(missing.configuration?.failOn == .info)
        #expect(missing.diagnostics.map(\.code) == ["config.version"])
        #expect(missing.diagnostics.first?.severity == .warning)
        let future = Self.load("version: 2\n")
        #expect(future.configuration == nil)
        #expect(
            future.diagnostics.map(\.message) == [
                "unsupported configuration version 2; this PromiseCheck reads version 1"
            ])
    }

    @Test("a file that is not a mapping, or not YAML, is an error")
    func notAMapping() {
        #expect(Self.load("- packs\n").diagnostics.map(\.code) == ["config.type"])
        #expect(Self.load("packs: [a\n").diagnostics.map(\.code) == ["yaml.syntax"])
    }

    @Test("the starter file has every key at its default and no problems")
    func starter() throws {
        let result = Self.load(Configuration.starter)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        var configuration = try #require(result.configuration)
        for key in Configuration.Key.allCases where ![.minScore, .minAverage].contains(key) {
            #expect(configuration.origins[key.rawValue] != nil, "the starter sets \(key.rawValue)")
        }
        configuration.file = nil
        configuration.origins = [:]
        #expect(configuration == Configuration())
    }

    @Test("printed: every key with where it came from, as YAML that reads back the same")
    func rendered() throws {
        let scratch = ScratchFolder()
        var configuration = try #require(
            Self.load(
                "version: 1\nrules:\n  readability: off\n  measurable_target: {weight: 25}\nexclude: [drafts/**]\n",
                in: scratch
            )
            .configuration)
        configuration.file = ".promisecheck.yaml"
        configuration.origins = configuration.origins.mapValues { origin in
            guard case .file(_, let location) = origin else { return origin }
            return .file(".promisecheck.yaml", location)
        }
        configuration.failOn = .warning
        configuration.origins["fail_on"] = .commandLine
        let text = configuration.rendered(for: "promises/ekby.yaml")
        #expect(
            text == """
                # Effective configuration for promises/ekby.yaml
                # Configuration file: .promisecheck.yaml
                version: 1                         # .promisecheck.yaml:1
                packs: [medborgarlofte]            # default
                rules:                             # .promisecheck.yaml:2
                  readability: off                 # .promisecheck.yaml:3
                  measurable_target: {weight: 25}  # .promisecheck.yaml:4
                include: []                        # default
                exclude: [drafts/**]               # .promisecheck.yaml:5
                fail_on: warning                   # command line
                min_score: null                    # default
                min_average: null                  # default
                format: [text]                     # default
                output: []                         # default
                allow_exec: false                  # default

                """)
        let reread = try #require(Self.load(text).configuration)
        #expect(reread.rules == configuration.rules)
        #expect(reread.exclude == configuration.exclude)
        #expect(reread.failOn == .warning)
        #expect(reread.packs == configuration.packs && reread.formats == configuration.formats)
    }

    @Test("values that need quotes in a flow list are quoted when printed")
    func renderedQuoting() {
        var configuration = Configuration()
        configuration.include = ["*.yaml", "a, b", "on"]
        #expect(configuration.rendered(for: ".").contains("include: [\"*.yaml\", \"a, b\", \"on\"]"))
    }

    @Test("include and exclude filter paths relative to the configuration's folder")
    func includes() throws {
        let scratch = ScratchFolder()
        var configuration = try #require(
            Self.load("version: 1\ninclude: ['**/*.yaml', '**/*.md']\nexclude: [drafts]\n", in: scratch).configuration)
        #expect(configuration.includes(scratch.path("ekby.yaml")))
        #expect(configuration.includes(scratch.path("norr/ekby.md")))
        #expect(!configuration.includes(scratch.path("ekby.txt")))
        #expect(!configuration.includes(scratch.path("drafts/ekby.yaml")))
        #expect(configuration.includes("/somewhere/else/ekby.txt"), "a path outside the folder is not filtered")
        configuration.include = []
        #expect(configuration.includes(scratch.path("ekby.txt")))
    }

    @Test("rule overrides change severity, weight and whether a rule runs; unknown ids are warnings")
    func ruleOverrides() throws {
        let (result, _) = loadScratchPack(yaml: EngineTests.pack)
        let pack = try #require(result.pack)
        var configuration = Configuration()
        configuration.file = ".promisecheck.yaml"
        configuration.rules = [
            RuleOverride(id: "har-kallor", severity: .error, weight: 7),
            RuleOverride(id: "har-omrade", isEnabled: false),
            RuleOverride(id: "har-sifra", isEnabled: false),
            RuleOverride(id: "unused-suppression", severity: .error),
        ]
        configuration.origins["rules.har-sifra"] = .file(".promisecheck.yaml", pos(5, 3))
        let applied = pack.applying(configuration.rules)
        #expect(applied.rule(withID: "har-kallor")?.severity == .error)
        #expect(applied.rule(withID: "har-kallor")?.weight == 7)
        #expect(applied.rule(withID: "har-omrade")?.isEnabled == false)
        #expect(applied.enabledRules.map(\.id) == pack.enabledRules.map(\.id).filter { $0 != "har-omrade" })
        #expect(
            configuration.unknownRules(in: pack).map(\.description) == [
                ".promisecheck.yaml:5:3: warning: 'rules' names no rule 'har-sifra' of pack 'motor'; did you mean 'har-siffra'? [config.unknown-rule]",
                ".promisecheck.yaml: warning: 'unused-suppression' in 'rules' is PromiseCheck's own check on suppression comments and cannot be configured [config.unknown-rule]",
            ])
    }

    @Test("files whose configurations evaluate alike share an evaluation key")
    func evaluationKey() {
        var first = Configuration()
        var second = Configuration()
        second.failOn = .info
        second.exclude = ["x"]
        #expect(first.evaluationKey == second.evaluationKey)
        first.rules = [RuleOverride(id: "a", isEnabled: false)]
        #expect(first.evaluationKey != second.evaluationKey)
    }

    @Test("the nearest configuration file wins, looking up from a file's folder")
    func locator() {
        let scratch = ScratchFolder()
        scratch.write(".promisecheck.yaml", "version: 1\n")
        scratch.write("norr/.promisecheck.yaml", "version: 1\n")
        scratch.write("norr/byar/ekby.yaml", "promise: 1\n")
        scratch.write("soder/ekby.yaml", "promise: 1\n")
        scratch.makeFolder("norr/.promisecheck.yaml.d")
        var locator = ConfigurationLocator()
        #expect(locator.nearest(to: scratch.path("norr/byar/ekby.yaml")) == scratch.path("norr/.promisecheck.yaml"))
        #expect(locator.nearest(to: scratch.path("norr")) == scratch.path("norr/.promisecheck.yaml"))
        #expect(locator.nearest(to: scratch.path("soder/ekby.yaml")) == scratch.path(".promisecheck.yaml"))
        #expect(locator.nearest(to: scratch.path("soder/saknas.yaml")) == scratch.path(".promisecheck.yaml"))
        // A folder named like the file is not a configuration.
        let lonely = ScratchFolder()
        lonely.makeFolder("a/.promisecheck.yaml")
        #expect(locator.nearest(to: lonely.path("a/ekby.yaml")) == nil)
    }
}
