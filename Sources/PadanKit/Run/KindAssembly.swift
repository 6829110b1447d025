import Foundation
import PadanReaders

extension InputLoader {
    /// The files of a run, read side by side; each kind put together (its files' records in file order) and its
    /// repeated keys found by the thread that reads its last file, as soon as that file ends.
    ///
    /// Done after every file was read, putting the three national PTK files together and finding the repeated
    /// ids held one core for about 0.3 s while the other had nothing left to do; now only the last kind's share
    /// of it comes after reading.
    final class KindAssembly: @unchecked Sendable {
        /// A kind put together, with the rows its repeated keys reject (``InputLoader/duplicates(of:in:)``).
        struct Assembled {
            var loaded: LoadedInputs
            var report: InputReport
            var duplicates: [(later: Int, first: Int)]
        }

        private let lock = NSLock()
        /// Every file as read, with its records (a run's all in its first file's) until its kind is put together.
        private var files: [FileLoad]
        private let kinds: [(kind: InputKind, files: Range<Int>)]
        /// Per kind (as in `kinds`), how many of its files are still being read.
        private var remaining: [Int]
        /// Per file, its kind's position in `kinds`.
        private let kindOfFile: [Int]
        private var assembled: [Assembled?]

        init(files: [FileLoad], kinds: [(kind: InputKind, files: Range<Int>)]) {
            self.files = files
            self.kinds = kinds
            remaining = kinds.map(\.files.count)
            var kindOfFile = [Int](repeating: 0, count: files.count)
            for (k, kind) in kinds.enumerated() { for i in kind.files { kindOfFile[i] = k } }
            self.kindOfFile = kindOfFile
            // A kind without files (none today: a pattern matching nothing is an error) is an empty table.
            assembled = kinds.map { kind in
                guard kind.files.isEmpty else { return nil }
                return Assembled(loaded: LoadedInputs(), report: InputReport(kind: kind.kind), duplicates: [])
            }
        }

        /// Keeps the files of `run` as read (``InputLoader/read(run:)``); when the run is its kind's last, puts the
        /// kind together on this thread. A kind with a file that failed is not put together (the run stops with
        /// the failure).
        func finished(_ read: consuming [FileLoad], at run: Range<Int>) {
            let k = kindOfFile[run.lowerBound]
            guard
                case (var parts, let reports)? = lock.withLock({ () -> ([LoadedInputs], [FileLoad])? in
                    // Moved in, not copied: the records are held once (``InputLoader/assemble``).
                    for (j, i) in zip(read.indices, run) { swap(&files[i], &read[j]) }
                    remaining[k] -= run.count
                    guard remaining[k] == 0 else { return nil }
                    let range = kinds[k].files
                    guard range.allSatisfy({ files[$0].failure == nil }) else { return nil }
                    let parts = range.map { i in
                        var part = LoadedInputs()
                        swap(&part, &files[i].loaded)
                        return part
                    }
                    return (parts, Array(files[range]))
                })
            else { return }
            let kind = kinds[k].kind
            let (loaded, report) = InputLoader.assemble(kind, &parts, files: reports)
            let duplicates = InputLoader.duplicates(of: kind, in: loaded.batch)
            lock.withLock { assembled[k] = Assembled(loaded: loaded, report: report, duplicates: duplicates) }
        }

        /// Every file as read (their records taken out when their kind was put together).
        var read: [FileLoad] { lock.withLock { files } }

        /// The kinds put together, in `kinds`' order, once every file was read without failure.
        func take() -> [Assembled] {
            lock.withLock {
                defer { assembled = [] }
                return assembled.map { kind in
                    guard let kind else { preconditionFailure("KindAssembly: a kind was not put together") }
                    return kind
                }
            }
        }
    }
}
