/// Parses YAML text into `Node` trees with libyaml.
public enum YAMLParser {
    /// Parses one YAML document from UTF-8 bytes into a node tree.
    ///
    /// Checks run cheapest first: size, UTF-16/32, then libyaml's events with the depth,
    /// node-count, duplicate-key and one-document rules. A NUL byte or invalid UTF-8 anywhere is
    /// the error reported, before any other (looked for only when parsing fails).
    public static func parse(_ bytes: [UInt8], limits: YAMLLimits = .default) throws(YAMLError) -> Node {
        try checkSize(bytes.count, limits: limits)
        return try bytes.withUnsafeBufferPointer { buffer in
            parse(buffer: buffer, limits: limits)
        }.get()
    }

    /// Parses one YAML document from a string into a node tree.
    public static func parse(_ text: String, limits: YAMLLimits = .default) throws(YAMLError) -> Node {
        try checkSize(text.utf8.count, limits: limits)
        var text = text
        return try text.withUTF8 { buffer in
            parse(buffer: buffer, limits: limits)
        }.get()
    }

    /// Parses a buffer that stays alive for the whole call.
    ///
    /// The UTF-8 is not validated up front: libyaml's reader decodes every byte before it ends
    /// the stream and fails on ill-formed UTF-8 and on NUL (a control character), so a document
    /// that parses holds neither. Only when parsing fails are the bytes checked, so that an
    /// encoding error anywhere in the file is reported before any other error, as if checked
    /// first (`EncodingCheckOrderTests` compare the parser with that simple order).
    private static func parse(buffer: UnsafeBufferPointer<UInt8>, limits: YAMLLimits) -> Result<Node, YAMLError> {
        let source = SourceText(buffer)
        do throws(YAMLError) {
            // libyaml would read UTF-16 and UTF-32 text with a byte order mark: refused first.
            try source.checkForeignEncoding()
            do throws(YAMLError) {
                guard !source.isBlank else {
                    throw YAMLError(kind: .empty, message: "file is empty", mark: .start)
                }
                var builder = DocumentBuilder(source: source, limits: limits)
                return .success(try builder.build())
            } catch {
                try source.checkUTF8()
                throw error
            }
        } catch {
            return .failure(error)
        }
    }

    private static func checkSize(_ byteCount: Int, limits: YAMLLimits) throws(YAMLError) {
        guard byteCount > limits.maxInputBytes else { return }
        throw YAMLError(
            kind: .tooLarge,
            message:
                "file is \(describe(byteCount: byteCount)), over the \(describe(byteCount: limits.maxInputBytes)) limit",
            mark: .start)
    }

    /// `512 bytes`, `3.2 KB` or `20.0 MB` (binary units, one decimal).
    static func describe(byteCount: Int) -> String {
        let (unit, name): (Int, String) =
            switch byteCount {
            case (1 << 20)...: (1 << 20, "MB")
            case (1 << 10)...: (1 << 10, "KB")
            default: (1, "bytes")
            }
        guard unit > 1 else { return "\(byteCount) bytes" }
        var whole = byteCount / unit
        var tenths = ((byteCount % unit) * 10 + unit / 2) / unit
        if tenths == 10 {
            whole += 1
            tenths = 0
        }
        return "\(whole).\(tenths) \(name)"
    }
}
