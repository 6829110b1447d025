import PadanFuzzChecks

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzDriver.testOneInput(data, size, FuzzChecks.csv)
}

@main
struct FuzzCSVMain {
    static func main() {
        FuzzDriver.main(entry: fuzzCSV, check: FuzzChecks.csv)
    }
}
