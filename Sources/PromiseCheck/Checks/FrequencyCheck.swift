// Placeholder while the real implementation is written; replaced before the first commit.
public struct FrequencyCheck: Check {
    public static let kind = CheckKind(name: "frequency", summary: "", parameters: [])
    public init(parameters: CheckParameters) throws(CheckConfigurationError) {}
    public func evaluate(_ item: ScopeItem, in document: Document) -> CheckOutcome {
        CheckOutcome(fraction: 0, reason: "")
    }
}
