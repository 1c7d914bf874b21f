/// Rule messages with `{placeholder}` fields.
enum MessageTemplate {
    /// The placeholder names in `template`, in order.
    static func placeholders(in template: String) -> [String] {
        var names: [String] = []
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else { break }
            let name = String(after[..<close])
            if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0 == "_" }) { names.append(name) }
            rest = after[after.index(after: close)...]
        }
        return names
    }

    /// Fills placeholders from `values`; one with no value is left out, with its extra space.
    static func render(_ template: String, _ values: [String: String]) -> String {
        var result = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else {
                result += rest[open...]
                return result
            }
            let name = String(after[..<close])
            if name.allSatisfy({ $0.isLetter || $0 == "_" }), !name.isEmpty {
                result += values[name] ?? ""
            } else {
                result += rest[open...close]
            }
            rest = after[after.index(after: close)...]
        }
        result += rest
        return result.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }
}
