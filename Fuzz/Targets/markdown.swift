/// Fuzzes the Markdown reader (front matter included) with the shipped pack, then evaluates.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let result = FuzzSupport.checker.textReader.read(
        FuzzSupport.bytes(data, size), path: "fuzz.md", format: .markdown)
    FuzzSupport.evaluate(result)
    return 0
}
