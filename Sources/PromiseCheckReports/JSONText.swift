import Foundation

/// How every JSON output is written: pretty-printed, keys sorted, slashes as they are, and a
/// final newline, so the same report is the same bytes.
enum JSONText {
    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

/// The tool that wrote a JSON document, in every JSON output.
struct JSONToolInfo: Encodable {
    var name = "promisecheck"
    var version: String
}

/// A pack a JSON document was made with, in every JSON output.
struct JSONPackInfo: Encodable {
    var name: String
    var version: String
    var title: String
}
