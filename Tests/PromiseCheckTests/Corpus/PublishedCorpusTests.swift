import Foundation
import PromiseCheck
import PromiseCheckYAML
import Testing

/// The shipped pack's verdicts on five real published promises match a careful reviewer's.
///
/// `../shared/corpus/published/expected.yaml` gives, per file and criterion, `true` (present),
/// `false` (absent) or `null` (reviewers disagree: not scored). A rule *passes* when its
/// fraction is at least 0.5, the pack's pass threshold. The texts are not in this repository;
/// the tests are skipped, saying so, where the shared folder is absent.
@Suite(.enabled(if: PublishedCorpus.isPresent, "../shared/corpus/published is absent: published corpus not checked"))
struct PublishedCorpusTests {
    @Test(arguments: PublishedCorpus.files)
    func verdictsMatchTheReviewer(file: String) throws {
        let expected = try #require(PublishedCorpus.expectations[file], "no expectations for \(file)")
        let report = PublishedCorpus.checker.check(path: PublishedCorpus.folder.appendingPathComponent(file).path)
        #expect(report.diagnostics.filter { $0.severity == .error }.isEmpty, "\(report.diagnostics)")
        let evaluation = try #require(report.evaluation)
        #expect(evaluation.area == expected.area)
        var compared = 0
        for (criterion, verdict) in expected.verdicts.sorted(by: { $0.key < $1.key }) {
            guard let verdict else { continue }
            let rule = try #require(
                evaluation.rules.first { $0.id == criterion }, "the pack has no rule '\(criterion)'")
            #expect(
                rule.passed == verdict,
                "\(file): \(criterion) should \(verdict ? "pass" : "fail"): fraction \(rule.fraction), \(rule.reason)")
            compared += 1
        }
        #expect(compared >= 8)
    }

    @Test func everyPublishedFileHasExpectations() {
        #expect(Set(PublishedCorpus.files) == Set(PublishedCorpus.expectations.keys))
    }
}

enum PublishedCorpus {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let folder = repository.deletingLastPathComponent().appendingPathComponent("shared/corpus/published")

    static var isPresent: Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent("expected.yaml").path)
    }

    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".txt") }.sorted()
    }

    struct Expectation {
        var area: String?
        var verdicts: [String: Bool?]
    }

    /// `expected.yaml`, read with PromiseCheck's own YAML layer.
    static let expectations: [String: Expectation] = {
        let path = folder.appendingPathComponent("expected.yaml").path
        guard let data = FileManager.default.contents(atPath: path),
            let root = try? YAMLParser.parse([UInt8](data)), let files = root.mapping
        else { return [:] }
        var result: [String: Expectation] = [:]
        for file in files {
            guard let name = file.key.scalar, let entries = file.value.mapping else { continue }
            var expectation = Expectation(area: nil, verdicts: [:])
            for entry in entries {
                guard let key = entry.key.scalar, let value = entry.value.scalar else { continue }
                if key == "area" {
                    expectation.area = value
                } else {
                    expectation.verdicts[key] = entry.value.isNull ? .some(nil) : .some(value == "true")
                }
            }
            result[name] = expectation
        }
        return result
    }()

    static let checker: Checker = {
        let rules = repository.appendingPathComponent("Rules").path
        let result = PackLoader(locator: PackLocator(searchPaths: [rules])).load("medborgarlofte")
        guard let pack = result.pack else { fatalError("the shipped pack does not load: \(result.diagnostics)") }
        return Checker(pack: pack)
    }()
}
