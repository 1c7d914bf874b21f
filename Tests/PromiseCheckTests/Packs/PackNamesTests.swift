import Foundation
import Testing

@testable import PromiseCheck

/// The name and id loops accept exactly what the regular expressions they replace accepted.
@Suite struct PackNamesTests {
    private static let samples = [
        "", "a", "A", "0", "medborgarlofte", "Medborgarlofte", "measurable_target", "rule-1.2", "_rule", "-rule",
        ".rule", "rule id", "regel-å", "rule\n", "rule\r\n", "rule\r", "rule\n\n", "rule\u{2028}", "rule\u{85}",
        "\n", "rule\nx", "r/ule", "ÅR", "x_", "9.9-9",
    ]

    private static func regex(_ pattern: String, _ text: String) -> Bool {
        text.range(of: pattern, options: .regularExpression) != nil
    }

    @Test(arguments: samples)
    func packNamesAsTheRegularExpression(sample: String) {
        #expect(PackNames.isPackName(sample) == Self.regex(#"^[a-z0-9][a-z0-9_.-]*$"#, sample))
    }

    @Test(arguments: samples)
    func ruleIDsAsTheRegularExpression(sample: String) {
        #expect(PackNames.isRuleID(sample) == Self.regex(#"^[A-Za-z0-9][A-Za-z0-9_.-]*$"#, sample))
    }
}
