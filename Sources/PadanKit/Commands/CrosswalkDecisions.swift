import Foundation
import PadanCore
import PadanReaders
import PadanStore
import PadanWriters

/// `padan pemadanan PIPELINE FILE`: applies a decided `usulan_pemadanan.csv`.
///
/// `SETUJU` rows are appended to the pipeline's `unor_npsn` crosswalk (the file replaced atomically, the
/// previous one kept as a dated backup); `TOLAK` rows are remembered in the store so they are not proposed
/// again. Anything that would pair a school or a unit twice (with the crosswalk, conflicted rows included,
/// or within the file), a pair both approved and rejected, the rejection of a pair the crosswalk holds, a
/// school or unit that no longer exists, or a file that is not a proposal file is refused with its line,
/// and nothing is written.
package struct CrosswalkDecisions {
    /// What applying a file did (or would refuse).
    package struct Outcome: Sendable {
        package var approved: [(npsn: String, unorId: String)] = []
        package var rejected: [(npsn: String, unorId: String)] = []
        /// Approved pairs already in the crosswalk (a file applied twice).
        package var alreadyPresent = 0
        package var crosswalkFile = ""
        package var backupFile: String?

        /// What the operator reads, in Bahasa Indonesia.
        package func render() -> String {
            var out = "Pemadanan diterapkan.\n"
            out += "  Disetujui (ditambahkan ke \(crosswalkFile)): \(approved.count)\n"
            for pair in approved { out += "    NPSN \(pair.npsn) → UNOR \(pair.unorId)\n" }
            if alreadyPresent > 0 { out += "  Sudah ada di tabel pemadanan sebelumnya: \(alreadyPresent)\n" }
            out += "  Ditolak (tidak akan diusulkan lagi): \(rejected.count)\n"
            for pair in rejected { out += "    NPSN \(pair.npsn) ✗ UNOR \(pair.unorId)\n" }
            if let backupFile { out += "  Cadangan tabel lama: \(backupFile)\n" }
            return out
        }
    }

    package let pipeline: PipelineFile
    package let decisionFile: String
    package var now = Date()

    package init(pipeline: PipelineFile, decisionFile: String) {
        self.pipeline = pipeline
        self.decisionFile = decisionFile
    }

    package func apply() throws(PadanError) -> Outcome {
        guard let patterns = pipeline.inputs[.unorNpsn] else {
            throw PadanError(
                .data,
                "\(pipeline.path): pipeline tidak punya inputs.unor_npsn; tambahkan berkas tabel pemadanan lebih dulu")
        }
        let lock: StoreLock
        do {
            lock = try StoreLock.acquire(storePath: pipeline.store, holder: "padan pemadanan")
        } catch {
            throw NightlyRun.storeError(error)
        }
        defer { lock.release() }

        let crosswalkPath: String
        do {
            let files = try InputGlob.expand(patterns: patterns, relativeTo: pipeline.baseDirectory)
            guard files.count == 1, let only = files.first else {
                throw PadanError(.data, "\(pipeline.path): inputs.unor_npsn harus tepat satu berkas untuk diperbarui")
            }
            crosswalkPath = only
        } catch let error as PadanError {
            throw error
        } catch {
            // A crosswalk named but not there yet: start it.
            crosswalkPath = pipeline.resolve(patterns[0])
        }
        let loaded = try InputLoader(pipeline: pipeline, runDate: NightlyRun.today(now)).load()
        let decisions = try readDecisions(loaded: loaded, crosswalk: loaded.batch.crosswalk)

        var outcome = Outcome()
        outcome.crosswalkFile = crosswalkPath
        outcome.rejected = decisions.rejected
        outcome.alreadyPresent = decisions.alreadyPresent
        outcome.approved = decisions.approved
        let database: PadanDatabase
        do { database = try PadanDatabase(path: pipeline.store) } catch { throw NightlyRun.storeError(error) }
        // One step: the new crosswalk is written and synced beside the old one, the TOLAKs go into the store's
        // transaction, the file is renamed into place inside it, and then the transaction commits. A store
        // failure leaves the old crosswalk; a commit that fails after the rename puts the old file back. (A
        // crash between the rename and the commit leaves the new crosswalk without the TOLAKs: applying the
        // same file again then finds the approvals present and stores the TOLAKs.)
        var prepared: CrosswalkFileUpdate.Prepared?
        if !decisions.approved.isEmpty {
            prepared = try CrosswalkFileUpdate(path: crosswalkPath, now: now).prepare(decisions.approved)
        }
        outcome.backupFile = prepared?.backup
        var replaced = false
        var replaceError: PadanError?
        do throws(StoreError) {
            try database.rememberRejectedProposals(
                decisions.rejected.map { ProposalKey(npsn: $0.npsn, unorID: $0.unorId) },
                decidedAt: NightlyRun.iso(now), sourceFile: (decisionFile as NSString).lastPathComponent
            ) {
                guard let prepared else { return }
                do throws(PadanError) { try prepared.replace() } catch {
                    replaceError = error
                    throw error
                }
                replaced = true
            }
        } catch {
            if replaced { prepared?.restore() } else { prepared?.discard() }
            throw replaceError ?? NightlyRun.storeError(error)
        }
        return outcome
    }

    /// A school and a unit, as a decision or a crosswalk row pairs them.
    struct Pair: Hashable {
        var npsn: String
        var unit: SiasnID
    }

    struct Decisions {
        var approved: [(npsn: String, unorId: String)] = []
        var rejected: [(npsn: String, unorId: String)] = []
        var alreadyPresent = 0
    }

    /// Reads and validates every decided row; the first problem refuses the whole file.
    func readDecisions(loaded: LoadedInputs, crosswalk: [CrosswalkEntry]) throws(PadanError) -> Decisions {
        let name = decisionFile
        let reader: any TableReader
        do { reader = try InputFile.open(path: decisionFile, displayName: name) } catch { throw PadanError(error) }
        let header = reader.header.map(ColumnSpec.key)
        let expected = RunTables.proposalsHeader.map(ColumnSpec.key)
        guard header.count >= expected.count, Array(header.prefix(expected.count)) == expected else {
            throw PadanError(
                .data,
                "\(name):1: bukan berkas usulan pemadanan (kolom harus: \(RunTables.proposalsHeader.joined(separator: ", ")))"
            )
        }
        let schools = Set(loaded.batch.schools.filter(\.isNegeri).map(\.npsn.text))
        let units = Set(loaded.batch.unors.map(\.id))
        // Every crosswalk row, conflicted ones included: an approval must not add a partner to a school or
        // unit the crosswalk already pairs (that would make, or worsen, a `PEMADANAN_GANDA`).
        var rowOfSchool = [String: CrosswalkEntry](), rowOfUnit = [SiasnID: CrosswalkEntry]()
        var rowOfPair = [Pair: CrosswalkEntry]()
        for entry in crosswalk {
            if rowOfSchool[entry.npsn.text] == nil { rowOfSchool[entry.npsn.text] = entry }
            if rowOfUnit[entry.unorId] == nil { rowOfUnit[entry.unorId] = entry }
            let pair = Pair(npsn: entry.npsn.text, unit: entry.unorId)
            if rowOfPair[pair] == nil { rowOfPair[pair] = entry }
        }
        var decisions = Decisions()
        var approvedLine = [String: Int]()
        var seenUnitLine = [SiasnID: Int]()
        var decidedPair = [Pair: (keputusan: String, line: Int)]()
        do {
            while let event = try reader.next() {
                let record: TableRecord
                switch event {
                case .reject(let reject): throw PadanError(.data, "\(name):\(reject.line): \(reject.reason)")
                case .record(let r): record = r
                }
                let at = "\(name):\(record.line)"
                let keputusan = (ColumnMap.clean(record.fields[7]) ?? "").uppercased()
                if keputusan.isEmpty { continue }
                guard keputusan == "SETUJU" || keputusan == "TOLAK" else {
                    throw PadanError(
                        .data, "\(at): keputusan harus SETUJU, TOLAK atau kosong, bukan '\(record.fields[7])'")
                }
                let npsnText = ColumnMap.clean(record.fields[0]) ?? ""
                let unitText = ColumnMap.clean(record.fields[3]) ?? ""
                guard let npsn = NPSN(npsnText), schools.contains(npsn.text) else {
                    throw PadanError(.data, "\(at): NPSN \(npsnText) tidak ada (lagi) di data sekolah negeri Dapodik")
                }
                guard let unit = SiasnID(unitText), units.contains(unit) else {
                    throw PadanError(.data, "\(at): UNOR \(unitText) tidak ada (lagi) di data UNOR SIASN")
                }
                let pair = Pair(npsn: npsn.text, unit: unit)
                if let earlier = decidedPair[pair], earlier.keputusan != keputusan {
                    throw PadanError(
                        .data,
                        "\(at): pasangan NPSN \(npsn.text) – UNOR \(unit.text) sudah diputuskan \(earlier.keputusan) "
                            + "di baris \(earlier.line); satu pasangan tidak boleh SETUJU dan TOLAK sekaligus")
                }
                decidedPair[pair] = decidedPair[pair] ?? (keputusan, record.line)
                if keputusan == "TOLAK" {
                    if let row = rowOfPair[pair] {
                        throw PadanError(
                            .data,
                            "\(at): pasangan NPSN \(npsn.text) – UNOR \(unit.text) sudah ada di tabel pemadanan "
                                + "(\(row.source)); hapus baris itu dari tabel pemadanan bila pasangannya salah")
                    }
                    decisions.rejected.append((npsn.text, unit.text))
                    continue
                }
                if rowOfPair[pair] != nil {
                    decisions.alreadyPresent += 1
                    continue
                }
                if let row = rowOfSchool[npsn.text] {
                    throw PadanError(
                        .data,
                        "\(at): NPSN \(npsn.text) sudah dipadankan dengan UNOR \(row.unorId.text) di tabel pemadanan "
                            + "(\(row.source))")
                }
                if let row = rowOfUnit[unit] {
                    throw PadanError(
                        .data,
                        "\(at): UNOR \(unit.text) sudah dipadankan dengan NPSN \(row.npsn.text) di tabel pemadanan "
                            + "(\(row.source))")
                }
                if let line = approvedLine[npsn.text] {
                    throw PadanError(
                        .data,
                        "\(at): NPSN \(npsn.text) sudah disetujui di baris \(line); satu sekolah hanya boleh satu UNOR")
                }
                if let line = seenUnitLine[unit] {
                    throw PadanError(
                        .data,
                        "\(at): UNOR \(unit.text) sudah disetujui di baris \(line); satu UNOR hanya boleh satu sekolah")
                }
                approvedLine[npsn.text] = record.line
                seenUnitLine[unit] = record.line
                decisions.approved.append((npsn.text, unit.text))
            }
        } catch let error as PadanError {
            throw error
        } catch let error as InputError {
            throw PadanError(error)
        } catch {
            throw PadanError(.data, "\(name): \(error)")
        }
        return decisions
    }
}
