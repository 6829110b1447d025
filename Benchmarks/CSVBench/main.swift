// padan-csv-bench: times Padan's CSVTableReader against SwiftCSV and CSV.swift on a Dapodik-like file.
//
//   swift build -c release --product padan-csv-bench
//   .build/release/padan-csv-bench [--rows 1000000] [--runs 5] [--file PATH] [--readers padan,padan-gz,padan-input,padan-scan,csv.swift,swiftcsv]
//
// Each run is a child process (`--child READER PATH`), so the peak RSS that getrusage reports is
// that reader's alone. The figures are the median over the runs.
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

func option(_ name: String) -> String? {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

func peakResidentKiB() -> Int {
    var usage = rusage()
    #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss  // KiB
    #else
        getrusage(RUSAGE_SELF, &usage)
        return usage.ru_maxrss / 1024  // bytes on Darwin
    #endif
}

func runChild(reader: BenchReader, path: String) -> Int32 {
    do {
        let clock = ContinuousClock()
        var count = BenchReader.Count()
        let elapsed = try clock.measure { count = try reader.read(path: path) }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print("\(count.rows) \(count.fields) \(seconds) \(peakResidentKiB())")
        return 0
    } catch {
        FileHandle.standardError.write(Data("\(reader.rawValue): \(error)\n".utf8))
        return 1
    }
}

struct Measurement { var rows: Int; var fields: Int; var seconds: Double; var peakKiB: Int }

func measure(_ reader: BenchReader, path: String) -> Measurement? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    process.arguments = ["--child", reader.rawValue, path]
    let output = Pipe()
    process.standardOutput = output
    do { try process.run() } catch { return nil }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let parts = String(decoding: data, as: UTF8.self).split(separator: " ")
    guard process.terminationStatus == 0, parts.count == 4, let rows = Int(parts[0]), let fields = Int(parts[1]),
        let seconds = Double(parts[2]), let peak = Int(parts[3].trimmingCharacters(in: .whitespacesAndNewlines))
    else { return nil }
    return Measurement(rows: rows, fields: fields, seconds: seconds, peakKiB: peak)
}

func main() -> Int32 {
    if let name = option("--child"), let reader = BenchReader(rawValue: name), let path = CommandLine.arguments.last {
        return runChild(reader: reader, path: path)
    }
    let rows = Int(option("--rows") ?? "") ?? 1_000_000
    let runs = max(1, Int(option("--runs") ?? "") ?? 5)
    let readers = (option("--readers") ?? BenchReader.allCases.map(\.rawValue).joined(separator: ","))
        .split(separator: ",").compactMap { BenchReader(rawValue: String($0)) }
    let path = option("--file") ?? NSTemporaryDirectory() + "padan-csv-bench-\(rows).csv"

    if !FileManager.default.fileExists(atPath: path) {
        print("generating \(rows) rows into \(path) …")
        var generator = DapodikGenerator()
        guard generator.write(rows: rows, to: path) != nil else {
            print("cannot write \(path)")
            return 1
        }
    }
    if readers.contains(.padanGzip) && !FileManager.default.fileExists(atPath: path + ".gz") {
        print("gzipping into \(path).gz …")
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
        gzip.arguments = ["-k", "-n", path]
        try? gzip.run()
        gzip.waitUntilExit()
    }
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    print("file: \(path), \(String(format: "%.1f", Double(size) / 1e6)) MB; \(runs) runs each, median\n")
    func cell(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
    print("reader    |   MB/s |    rows/s | median s | peak RSS MiB |    rows")
    print("----------|--------|-----------|----------|--------------|--------")
    var expectedRows: Int?
    for reader in readers {
        var results: [Measurement] = []
        for _ in 0..<runs {
            guard let result = measure(reader, path: path) else {
                print("\(reader.rawValue): failed")
                break
            }
            results.append(result)
        }
        guard let first = results.first else { continue }
        let seconds = results.map(\.seconds).sorted()[results.count / 2]
        let peak = results.map(\.peakKiB).sorted()[results.count / 2]
        let name = reader.rawValue + String(repeating: " ", count: max(0, 9 - reader.rawValue.count))
        print(
            [
                name, cell(String(format: "%.1f", Double(size) / 1e6 / seconds), 6),
                cell(String(format: "%.0f", Double(first.rows) / seconds), 9), cell(String(format: "%.3f", seconds), 8),
                cell(String(format: "%.1f", Double(peak) / 1024), 12), cell("\(first.rows)", 7),
            ].joined(separator: " | "))
        if let expectedRows, expectedRows != first.rows {
            print("  ! \(reader.rawValue) saw \(first.rows) rows, the first reader \(expectedRows)")
        }
        expectedRows = expectedRows ?? first.rows
    }
    print("")
    for reader in readers { print("\(reader.rawValue): \(reader.note)") }
    return 0
}

exit(main())
