import Foundation
import PromiseCheck
import PromiseCheckReports
import Testing

/// The SARIF report against the SARIF 2.1.0 schema, and the JSON report against ours.
@Suite(
    "schema validation",
    .enabled(
        if: SchemaValidator.shouldRun,
        "python3 with jsonschema is not installed (\(SchemaValidator.installHint)); with CI set this fails instead"))
struct SchemaValidationTests {
    static let policies = [FailPolicy(), FailPolicy(failOn: .info, minScore: 90), FailPolicy(failOn: nil)]

    static var samples: [(name: String, report: Report)] {
        [
            ("full", SampleReports.full), ("readable", SampleReports.readable), ("hostile", SampleReports.hostile),
            ("empty", SampleReports.empty), ("real", RealReports.report), ("suppressed", SampleReports.suppressed),
        ]
    }

    static func documents(_ reporter: any Reporter, ext: String) -> [(name: String, text: String)] {
        samples.flatMap { sample in
            policies.enumerated().map { index, policy in
                ("\(sample.name)-\(index).\(ext)", reporter.render(sample.report, policy: policy))
            }
        }
    }

    @Test("SARIF output is valid SARIF 2.1.0")
    func sarif() throws {
        let schema = try #require(
            Bundle.module.url(
                forResource: "sarif-schema-2.1.0", withExtension: "json", subdirectory: "Resources/schemas"))
        SchemaValidator.validate(Self.documents(SARIFReporter(), ext: "sarif"), schema: schema, draft: .draft7)
    }

    @Test("JSON output matches docs/report.schema.json")
    func json() {
        let schema = SchemaValidator.repositoryRoot.appendingPathComponent("docs/report.schema.json")
        SchemaValidator.validate(Self.documents(JSONReporter(), ext: "json"), schema: schema, draft: .draft202012)
    }

    @Test("the JSON schema rejects what the report never writes")
    func jsonSchemaIsStrict() throws {
        let schema = SchemaValidator.repositoryRoot.appendingPathComponent("docs/report.schema.json")
        let valid = JSONReporter().render(SampleReports.full, policy: FailPolicy())
        let broken = [
            ("extra-field", valid.replacingOccurrences(of: "\"version\" : 1", with: "\"version\" : 1, \"extra\" : 0")),
            (
                "bad-severity",
                valid.replacingOccurrences(of: "\"severity\" : \"warning\"", with: "\"severity\" : \"fatal\"")
            ),
            (
                "bad-result",
                valid.replacingOccurrences(of: "\"result\" : \"input-error\"", with: "\"result\" : \"passed\"")
            ),
            ("no-summary", valid.replacingOccurrences(of: "\"summary\" :", with: "\"summari\" :")),
        ]
        #expect(try SchemaValidator.violations([("valid.json", valid)], schema: schema, draft: .draft202012) == nil)
        for (name, text) in broken {
            #expect(text != valid, "\(name): the replacement did not apply")
            let violations = try SchemaValidator.violations(
                [(name + ".json", text)], schema: schema, draft: .draft202012)
            #expect(violations != nil, "\(name) should be rejected")
        }
    }
}
