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
    ///
    /// Runs of spaces collapse to one and the message is trimmed of spaces at both ends. Works on
    /// UTF-8 bytes: `{`, `}` and the space are ASCII, so they never stand inside a longer character.
    static func render(_ template: String, _ values: [String: String]) -> String {
        var filled: [UInt8] = []
        filled.reserveCapacity(template.utf8.count + 64)
        let bytes = Array(template.utf8)
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "{") else {
                filled.append(bytes[index])
                index += 1
                continue
            }
            guard let close = bytes[(index + 1)...].firstIndex(of: UInt8(ascii: "}")) else {
                // An unclosed brace: the rest stays as written, spaces and all.
                filled.append(contentsOf: bytes[index...])
                return String(decoding: filled, as: UTF8.self)
            }
            let name = String(decoding: bytes[(index + 1)..<close], as: UTF8.self)
            if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0 == "_" }) {
                filled.append(contentsOf: (values[name] ?? "").utf8)
            } else {
                filled.append(contentsOf: bytes[index...close])
            }
            index = close + 1
        }
        // Collapse runs of spaces and trim them at both ends.
        var message: [UInt8] = []
        message.reserveCapacity(filled.count)
        var pendingSpace = false
        for byte in filled {
            if byte == UInt8(ascii: " ") {
                pendingSpace = !message.isEmpty
                continue
            }
            if pendingSpace { message.append(UInt8(ascii: " ")) }
            pendingSpace = false
            message.append(byte)
        }
        return String(decoding: message, as: UTF8.self)
    }
}
