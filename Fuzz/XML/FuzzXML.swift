import PadanFuzzChecks

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzDriver.testOneInput(data, size, FuzzChecks.xml)
}

@main
struct FuzzXMLMain {
    static func main() {
        FuzzDriver.main(entry: fuzzXML, check: FuzzChecks.xml)
    }
}
