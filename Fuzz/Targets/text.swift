/// Fuzzes the published-text reader with the shipped pack's reading profile, then evaluates.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzText(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let result = FuzzSupport.checker.textReader.read(FuzzSupport.bytes(data, size), path: "fuzz.txt", format: .text)
    FuzzSupport.evaluate(result)
    return 0
}
