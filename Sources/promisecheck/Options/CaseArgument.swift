import ArgumentParser

/// A command-line value that is one of an enum's cases, written as the case's raw value
/// (`--fail-on`, `--color`, `compare --by` and `--format`).
///
/// ArgumentParser's defaults for such enums reach the same strings through generic key paths and
/// dynamic casts, which the Swift runtime resolves on every run by scanning all conformance
/// records of the binary (a quarter of a million instructions per type and protocol). These give
/// the same values for enums whose values describe themselves by their raw value.
protocol CaseArgument: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

extension CaseArgument {
    public var defaultValueDescription: String { rawValue }

    public static var allValueStrings: [String] { allCases.map { $0.rawValue } }

    /// ArgumentParser lists only values whose description differs from their name; none does.
    public static var allValueDescriptions: [String: String] { [:] }

    public static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
}
