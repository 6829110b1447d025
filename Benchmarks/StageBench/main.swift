// `padan-stage-bench PIPELINE.toml [--reps N] [--only NAME]`: one run's analysis (read to decide), then
// each part of the write stage timed on its own, on one thread, N times; prints the median and the range.
// For finding what a change to one part is worth without the noise of a whole run (`Benchmarks/README.md`).
import Foundation
import PadanCore
import PadanKit

@main
struct StageBench {
    static func main() throws {
        var args = Array(CommandLine.arguments.dropFirst())
        var reps = 5
        var only: String?
        if let i = args.firstIndex(of: "--reps"), i + 1 < args.count {
            reps = Int(args[i + 1]) ?? reps
            args.removeSubrange(i...(i + 1))
        }
        if let i = args.firstIndex(of: "--only"), i + 1 < args.count {
            only = args[i + 1]
            args.removeSubrange(i...(i + 1))
        }
        guard let path = args.first else {
            FileHandle.standardError.write(
                Data("usage: padan-stage-bench PIPELINE.toml [--reps N] [--only NAME]\n".utf8))
            exit(64)
        }
        let pipeline = try PipelineFile.load(path)
        let started = Date()
        let parts = try StageParts(pipeline: pipeline)
        defer { parts.removeScratch() }
        print(String(format: "analysis: %.2f s", Date().timeIntervalSince(started)))
        for (name, body) in parts.all where only.map({ name.hasPrefix($0) }) ?? true {
            var seconds = [Double](), cpu = [Double]()
            var detail = ""
            for _ in 0..<reps {
                let t = DispatchTime.now().uptimeNanoseconds, c = cpuSeconds()
                detail = try body()
                seconds.append(Double(DispatchTime.now().uptimeNanoseconds - t) / 1e9)
                cpu.append(cpuSeconds() - c)
            }
            seconds.sort()
            cpu.sort()
            print(
                String(
                    format: "%-22@ median %.3f s (%.3f–%.3f, %d runs), CPU %.3f s %@", name as NSString,
                    seconds[seconds.count / 2], seconds[0], seconds[seconds.count - 1], reps, cpu[cpu.count / 2],
                    detail as NSString))
        }
    }
}

/// User and system CPU seconds of the whole process so far (with `PADAN_THREADS=1`, the part's own: a part that
/// waits on the disk, as the store's commit does, takes less CPU than its wall time shows).
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(
        usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}
