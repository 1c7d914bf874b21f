/// Fuzzes the YAML layer: `YAMLParser` over libyaml, its limits, positions and snippets.
///
/// Compiled into the `PromiseCheckYAML` module, so internals such as `SourceText` are in reach.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    for limits in [YAMLLimits.default, YAMLLimits(maxDepth: 4, maxNodes: 50, maxInputBytes: 1 << 20)] {
        do {
            let root = try YAMLParser.parse(bytes, limits: limits)
            visit(root, depth: 0)
        } catch {
            _ = error.description
        }
    }
    // Positions and snippets at marks that may lie anywhere, as libyaml's errors do.
    bytes.withUnsafeBufferPointer { buffer in
        let source = SourceText(buffer)
        let line = size > 0 ? Int(buffer[0]) - 8 : 1
        let column = size > 1 ? Int(buffer[1]) - 8 : 1
        _ = source.snippet(at: Mark(line: line, column: column))
        _ = source.mark(atOffset: size / 2)
        _ = source.isBlank
    }
    return 0
}

/// Touches every node the way readers do.
private func visit(_ node: Node, depth: Int) {
    _ = node.isNull
    _ = node.kindName
    _ = node.mark < node.endMark
    switch node.content {
    case .scalar(let text, _):
        _ = text.unicodeScalars.count
    case .sequence(let items):
        for item in items.prefix(64) { visit(item, depth: depth + 1) }
    case .mapping(let pairs):
        if let first = pairs.first?.key.scalar { _ = node[first] }
        for pair in pairs.prefix(64) {
            visit(pair.key, depth: depth + 1)
            visit(pair.value, depth: depth + 1)
        }
    }
}
