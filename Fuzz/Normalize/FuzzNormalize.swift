import PadanFuzzChecks

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNormalize(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzDriver.testOneInput(data, size, FuzzChecks.normalize)
}

@main
struct FuzzNormalizeMain {
    static func main() {
        FuzzDriver.main(entry: fuzzNormalize, check: FuzzChecks.normalize)
    }
}
