import Foundation
import Testing

/// `check --format json`: the versioned machine-readable report.
@Suite("JSON output")
struct JSONOutputTests {
    static let ruleIDs = ["lagesbild", "kallor", "tomma-ord", "platshallare"]

    static func parse(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [String: Any] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            Issue.record("not a JSON object:\n\(text)", sourceLocation: sourceLocation)
            return [:]
        }
        return object
    }

    @Test("every file has every rule, with numbers in range and located findings; the summary adds up")
    func structure() throws {
        let run = runPromiseCheck(["check", "--pack", Fixtures.miniPack, "--format", "json", "promises/good"])
        #expect(run.status == 0)
        #expect(run.stderr == "")
        let report = Self.parse(run.stdout)
        #expect(report["version"] as? Int == 1)
        let tool = report["tool"] as? [String: Any]
        #expect(tool?["name"] as? String == "promisecheck")
        let packs = report["packs"] as? [[String: Any]] ?? []
        #expect(packs.count == 1)
        #expect(packs.first?["name"] as? String == "mini")
        #expect(packs.first?["version"] as? String == "1.0")

        let files = try #require(report["files"] as? [[String: Any]])
        #expect(
            files.map { $0["path"] as? String } == ["promises/good/almdal-2026.yaml", "promises/good/bergby-2025.yaml"])
        var counts = ["error": 0, "warning": 0, "info": 0]
        var checked = 0
        for file in files {
            let path = file["path"] as? String ?? "?"
            #expect(file["checked"] as? Bool == true, "\(path)")
            if file["checked"] as? Bool == true { checked += 1 }
            let score = file["score"] as? Double ?? -1
            #expect((0...100).contains(score), "\(path): score \(score)")
            #expect(file["grade"] as? String != nil, "\(path)")
            let rules = file["rules"] as? [[String: Any]] ?? []
            #expect(rules.map { $0["id"] as? String } == Self.ruleIDs, "\(path)")
            for rule in rules {
                let id = rule["id"] as? String ?? "?"
                #expect((rule["weight"] as? Double ?? -1) > 0, "\(path) \(id)")
                let fraction = rule["fraction"] as? Double ?? -1
                #expect((0...1).contains(fraction), "\(path) \(id): fraction \(fraction)")
                let passed = try #require(rule["passed"] as? Bool, "\(path) \(id)")
                #expect(passed == (fraction >= 0.5), "\(path) \(id): passed \(passed) with fraction \(fraction)")
                let findings = try #require(rule["findings"] as? [[String: Any]], "\(path) \(id)")
                for finding in findings {
                    #expect(finding["rule"] as? String == id)
                    #expect((finding["line"] as? Int ?? 0) >= 1, "\(path) \(id)")
                    #expect((finding["column"] as? Int ?? 0) >= 1, "\(path) \(id)")
                    #expect(finding["message"] as? String != nil)
                    let severity = finding["severity"] as? String ?? "?"
                    #expect(severity == rule["severity"] as? String)
                    counts[severity, default: 0] += 1
                }
            }
        }
        let summary = try #require(report["summary"] as? [String: Any])
        #expect(summary["files"] as? Int == files.count)
        #expect(summary["checked"] as? Int == checked)
        #expect(summary["errors"] as? Int == counts["error"])
        #expect(summary["warnings"] as? Int == counts["warning"])
        #expect(summary["infos"] as? Int == counts["info"])
        #expect(summary["input_errors"] as? Int == 0)
        #expect(summary["average_score"] as? Double == 75)
        #expect(summary["result"] as? String == "passed")
        #expect(summary["exit_code"] as? Int == 0)
        #expect(counts == ["error": 0, "warning": 4, "info": 1])
    }

    @Test("the findings of a file are where the text report puts them")
    func findingLocations() throws {
        let run = runPromiseCheck([
            "check", "--pack", Fixtures.miniPack, "--format", "json", "promises/good/bergby-2025.yaml",
        ])
        let report = Self.parse(run.stdout)
        let file = try #require((report["files"] as? [[String: Any]])?.first)
        #expect(file["score"] as? Double == 50)
        #expect(file["grade"] as? String == "D")
        #expect(file["notes"] as? [String] == ["marked as a draft: not yet signed"])
        let rules = file["rules"] as? [[String: Any]] ?? []
        let located = rules.flatMap { rule in
            (rule["findings"] as? [[String: Any]] ?? []).map { finding in
                "\(finding["line"] as? Int ?? 0):\(finding["column"] as? Int ?? 0) \(finding["rule"] as? String ?? "")"
            }
        }
        #expect(located == ["8:1 kallor", "17:9 tomma-ord", "18:9 tomma-ord", "18:59 tomma-ord", "19:13 platshallare"])
        let fractions = rules.map { $0["fraction"] as? Double }
        #expect(fractions == [1, 0.25, 0, 0])
    }

    @Test("the JSON report is byte-identical across runs")
    func deterministic() {
        let arguments = ["check", "--pack", Fixtures.miniPack, "--format", "json", "promises/good", "promises/bad"]
        let first = runPromiseCheck(arguments)
        let second = runPromiseCheck(arguments)
        #expect(first.status == 2)
        #expect(second.status == first.status)
        #expect(!first.stdout.isEmpty)
        #expect(first.stdout == second.stdout)
    }

    @Test("a file that cannot be read is in the report, unchecked, with a located diagnostic")
    func unreadableFile() throws {
        let run = runPromiseCheck([
            "check", "--pack", Fixtures.miniPack, "--format", "json", "--fail-on", "never",
            "promises/good/almdal-2026.yaml",
            "promises/bad/duplicate.yaml", "promises/finns-inte.yaml",
        ])
        #expect(run.status == 2)
        let report = Self.parse(run.stdout)
        let files = try #require(report["files"] as? [[String: Any]])
        #expect(files.count == 2)
        let bad = try #require(files.last)
        #expect(bad["path"] as? String == "promises/bad/duplicate.yaml")
        #expect(bad["checked"] as? Bool == false)
        #expect(bad["score"] == nil || bad["score"] is NSNull)
        #expect((bad["rules"] as? [Any])?.isEmpty == true)
        let diagnostic = try #require((bad["diagnostics"] as? [[String: Any]])?.first)
        #expect(diagnostic["code"] as? String == "yaml.duplicate-key")
        #expect(diagnostic["severity"] as? String == "error")
        #expect(diagnostic["line"] as? Int == 4)
        #expect(diagnostic["column"] as? Int == 1)
        #expect(diagnostic["message"] as? String == "duplicate key 'title' (first defined at 2:1)")
        let missing = try #require((report["diagnostics"] as? [[String: Any]])?.first)
        #expect(missing["path"] as? String == "promises/finns-inte.yaml")
        #expect(missing["code"] as? String == "input.not-found")
        let summary = try #require(report["summary"] as? [String: Any])
        #expect(summary["files"] as? Int == 2)
        #expect(summary["checked"] as? Int == 1)
        #expect(summary["input_errors"] as? Int == 2)
        #expect(summary["result"] as? String == "input-error")
        #expect(summary["exit_code"] as? Int == 2)
    }

    @Test("a failed policy is in the summary with its reasons")
    func failedPolicy() throws {
        let run = runPromiseCheck([
            "check", "--pack", Fixtures.miniPack, "--format", "json", "--min-score", "90", "promises/good",
        ])
        #expect(run.status == 1)
        let summary = try #require(Self.parse(run.stdout)["summary"] as? [String: Any])
        #expect(summary["result"] as? String == "failed")
        #expect(summary["exit_code"] as? Int == 1)
        #expect(summary["reasons"] as? [String] == ["1 file scored below 90 (--min-score)"])
    }

    @Test("the tool version in the report is the one --version prints")
    func toolVersion() {
        let version = runPromiseCheck(["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let run = runPromiseCheck(["check", "--pack", Fixtures.miniPack, "--format", "json", "promises/good"])
        let tool = Self.parse(run.stdout)["tool"] as? [String: Any]
        #expect(tool?["version"] as? String == version)
    }
}
