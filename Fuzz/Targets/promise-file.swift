/// Fuzzes the promise-file reader, then evaluates what it read against the shipped pack.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPromiseFile(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let result = FuzzSupport.checker.reader.read(FuzzSupport.bytes(data, size), path: "fuzz.yaml")
    FuzzSupport.evaluate(result)
    return 0
}
