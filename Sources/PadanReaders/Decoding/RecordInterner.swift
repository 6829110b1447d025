import PadanCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The repeated words of one file's records, shared between rows and read once each: a status, a job title,
/// a golongan or a government is one heap copy however many rows hold it, and what it means (employment,
/// teacher or not, standing) is worked out once per distinct value rather than once per row.
///
/// One per file being read, so never shared between threads.
final class RecordInterner {
    /// The file name every `SourceLocation` of the file shares.
    let file: SharedText
    private var boxes = ByteTable<SharedText>()
    /// The unit names' boxes apart from the other words': 185,000 names nationally, where a file's gelar,
    /// statuses and agencies are a few hundred (looked up twice a row, they then missed the cache in a table of
    /// half a million slots).
    private var unitNames = ByteTable<SharedText>()
    private var lastUnitName = LastRead<SharedText>()
    private var lastUnitID = LastRead<SiasnID?>()
    private var employments = ByteTable<(SharedText, Employment)>()
    private var dapodikJobs = ByteTable<(SharedText, Bool)>()
    private var golongans = ByteTable<WrittenGolongan>()
    private var standings = ByteTable<(SharedText, SiasnEmployee.Standing)>()
    private var siasnJobs = ByteTable<(SharedText, Bool)>()
    private var behaviours = ByteTable<[String]>()
    private var predikats = ByteTable<String?>()
    private var periodes = ByteTable<Periode?>()
    private var roles = ByteTable<SkpRole?>()
    private var induk = ByteTable<Bool?>()
    private var genders = ByteTable<Gender?>()
    private var stages = ByteTable<SkpStage?>()
    /// The profiles by the bytes of the fields they are made of (``FieldsKey``): one lookup a row where a lookup
    /// per word and one of the boxes' identities took five, each retaining and releasing its box. Equal bytes
    /// make equal boxes, so the bytes alone tell profiles apart.
    var teacherProfiles = ByteTable<TeacherProfile>()
    var employeeProfiles = ByteTable<EmployeeProfile>()
    /// The key being gathered for the row being read (kept to reuse its storage).
    private var fieldsKey = FieldsKey()
    /// What each agency box reads as, shared by the agency's profiles.
    private var governments: [ObjectIdentifier: Government?] = [:]
    /// What each kabupaten/kota or province name of the school list reads as.
    private var regionGovernments = ByteTable<Government?>()
    /// The school list's shared words (bentuk, kode wilayah, kabupaten/kota, province, kecamatan), as read and
    /// upper-cased.
    private var words = ByteTable<String>()
    private var upperWords = ByteTable<String>()

    init(file: String) {
        self.file = SharedText(file)
    }

    /// The shared box of the text of `bytes`.
    func box(_ bytes: UnsafeBufferPointer<UInt8>) -> SharedText {
        cached(bytes, in: &boxes, limit: .max) { SharedText($0) }
    }

    /// `unor_nama`'s shared box. A SIASN export lists a unit's people one after another, so the last row's name
    /// is tried first: the table holds every unit's name (185,000 nationally), and each lookup in it was a few
    /// cache misses (a sixth of decoding a `siasn_pns` row).
    func unitName(_ bytes: UnsafeBufferPointer<UInt8>) -> SharedText {
        lastUnitName.value(of: bytes) { cached($0, in: &unitNames, limit: .max) { SharedText($0) } }
    }

    /// `unor_id` read as an id (nil: not one), the last row's tried first as ``unitName(_:)`` is.
    func unitID(_ bytes: UnsafeBufferPointer<UInt8>) -> SiasnID? {
        lastUnitID.value(of: bytes, read: SiasnID.init(bytes:))
    }

    /// `status_kepegawaian` and its employment class.
    func employment(_ text: UnsafeBufferPointer<UInt8>) -> (SharedText, Employment) {
        cached(text, in: &employments, limit: .max) { (SharedText($0), Employment($0)) }
    }

    /// `jenis_ptk` and whether it says teacher or principal.
    func dapodikJob(_ text: UnsafeBufferPointer<UInt8>) -> (SharedText, Bool) {
        cached(text, in: &dapodikJobs, limit: .max) { (SharedText($0), DapodikTeacher.isTeacher($0)) }
    }

    /// A SIASN profile of these shared words, its agency read as a government once per agency.
    func employeeProfile(
        kedudukan: SharedText, standing: SiasnEmployee.Standing, cpnsPns: SharedText?, golongan: WrittenGolongan?,
        jabatan: SharedText, isTeacher: Bool, instansi: SharedText
    ) -> EmployeeProfile {
        let government = Self.interned(ObjectIdentifier(instansi), in: &governments) {
            Government(reading: instansi.text)
        }
        return EmployeeProfile(
            kedudukan: kedudukan, standing: standing, cpnsPns: cpnsPns, golongan: golongan, jabatan: jabatan,
            isTeacher: isTeacher, instansi: instansi, government: .some(government))
    }

    /// The file's fields key, emptied, its storage reused from row to row: hand it back with ``keep(_:)``. (Not a
    /// closure taking it: the field reader it captured was copied in and out at every row.)
    func takeFieldsKey() -> FieldsKey {
        var key = FieldsKey()
        swap(&key, &fieldsKey)
        key.reset()
        return key
    }

    /// Takes back the key ``takeFieldsKey()`` handed out.
    func keep(_ key: consuming FieldsKey) { fieldsKey = key }

    /// The value `table` holds for `key`, made and kept the first time.
    private static func interned<Key: Hashable, Value>(_ key: Key, in table: inout [Key: Value], _ make: () -> Value)
        -> Value
    {
        if let known = table[key] { return known }
        let value = make()
        table[key] = value
        return value
    }

    /// The government a kabupaten/kota or province name reads as, read once per distinct name.
    func government(_ name: String) -> Government? {
        var name = name
        return name.withUTF8 { cached($0, in: &regionGovernments, limit: .max) { Government(reading: $0) } }
    }

    /// The text of `bytes` (upper-cased when asked), one `String` per distinct value of the file.
    func word(_ bytes: UnsafeBufferPointer<UInt8>, upperCased: Bool = false) -> String {
        upperCased
            ? cached(bytes, in: &upperWords, limit: .max) { $0.uppercased() }
            : cached(bytes, in: &words, limit: .max) { $0 }
    }

    /// A golongan as written and read.
    func golongan(_ text: UnsafeBufferPointer<UInt8>) -> WrittenGolongan {
        cached(text, in: &golongans, limit: .max) { WrittenGolongan($0) }
    }

    /// `kedudukan_hukum_nama` and its standing.
    func standing(_ text: UnsafeBufferPointer<UInt8>) -> (SharedText, SiasnEmployee.Standing) {
        cached(text, in: &standings, limit: .max) { (SharedText($0), SiasnEmployee.Standing($0)) }
    }

    /// `jabatan_nama` and whether it starts with `Guru`.
    func siasnJob(_ text: UnsafeBufferPointer<UInt8>) -> (SharedText, Bool) {
        cached(text, in: &siasnJobs, limit: .max) { (SharedText($0), SiasnEmployee.isTeacher($0)) }
    }

    /// A `periode` as read (nil: not a periode). A file holds a handful of distinct values.
    func periode(_ text: UnsafeBufferPointer<UInt8>) -> Periode? {
        cached(text, in: &periodes) { Periode(reading: $0) }
    }

    /// A `peran` as read (nil: not a role).
    func role(_ text: UnsafeBufferPointer<UInt8>) -> SkpRole? { cached(text, in: &roles) { SkpRole(reading: $0) } }

    /// A `jenis_kelamin` as read (nil: not a sex).
    func gender(_ text: UnsafeBufferPointer<UInt8>) -> Gender? { cached(text, in: &genders) { Gender(reading: $0) } }

    /// A `tahap` as read, in any letter case (nil: not a stage).
    func stage(_ text: UnsafeBufferPointer<UInt8>) -> SkpStage? {
        cached(text, in: &stages) { SkpStage(rawValue: $0.uppercased()) }
    }

    /// `status_tugas`: true for `Induk`, false for `Non Induk`, nil for anything else.
    func isInduk(_ text: UnsafeBufferPointer<UInt8>) -> Bool? {
        cached(text, in: &induk) {
            switch ColumnSpec.key($0) {
            case "induk", "1", "ya", "y", "true": true
            case "noninduk", "0", "tidak", "n", "false": false
            default: nil
            }
        }
    }

    /// A `predikat` in its canonical spelling (nil: not a predikat).
    func predikat(_ text: UnsafeBufferPointer<UInt8>) -> String? {
        cached(text, in: &predikats) { Predikat.canonical($0) }
    }

    /// A `perilaku_fokus` list already read without a problem, shared; nil when not seen yet.
    func behaviours(_ text: UnsafeBufferPointer<UInt8>) -> [String]? { behaviours[text] }

    /// Remembers a `perilaku_fokus` list read without a problem (the first 4,096 distinct ones).
    func remember(behaviours list: [String], for text: UnsafeBufferPointer<UInt8>) {
        if behaviours.count < 4096, behaviours[text] == nil { behaviours.insert(list, for: text) }
    }

    /// `read(text)`, remembered for the first `limit` distinct texts (by default 4,096: a damaged column of
    /// all-different values then costs no more memory than that). Words that are kept in the records
    /// (statuses, jobs, governments) are remembered without limit: each is held once either way.
    private func cached<T>(
        _ bytes: UnsafeBufferPointer<UInt8>, in table: inout ByteTable<T>, limit: Int = 4096, _ read: (String) -> T
    ) -> T {
        if let known = table[bytes] { return known }
        let value = read(String(decoding: bytes, as: UTF8.self))
        if table.count < limit { table.insert(value, for: bytes) }
        return value
    }
}

/// The value last read from a column's bytes, given again while the next rows hold the same bytes.
struct LastRead<Value> {
    private var bytes: [UInt8] = []
    private var value: Value?

    /// `read(bytes)`, or the last value when `bytes` are the last ones read.
    mutating func value(of bytes: UnsafeBufferPointer<UInt8>, read: (UnsafeBufferPointer<UInt8>) -> Value) -> Value {
        if let value, self.bytes.count == bytes.count, holds(bytes) { return value }
        let read = read(bytes)
        self.bytes.removeAll(keepingCapacity: true)
        self.bytes.append(contentsOf: bytes)
        value = read
        return read
    }

    /// Whether the last bytes read are `bytes` (of the same count).
    private func holds(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return true }
        return self.bytes.withUnsafeBufferPointer { last in
            last.baseAddress.map { memcmp($0, base, bytes.count) == 0 } ?? false
        }
    }
}

/// The values of several fields of one row as one byte string, to look up what they make together at once:
/// per field a 0 when it has no value; else, for a value shorter than 254 bytes, its length plus one in one byte,
/// for a longer one 255 and its length in four bytes; then the value's bytes.
///
/// A field's length was always four bytes after a 1, each byte appended alone (every append checks the array's
/// capacity and that it is not shared): six appends a field, five fields a row, 1.6% of a national run's CPU
/// time. Now two.
struct FieldsKey {
    private(set) var bytes: [UInt8] = []

    mutating func reset() { bytes.removeAll(keepingCapacity: true) }

    mutating func append(_ value: UnsafeBufferPointer<UInt8>?) {
        guard let value else {
            bytes.append(0)
            return
        }
        if value.count < 254 {
            bytes.append(UInt8(truncatingIfNeeded: value.count + 1))
        } else {
            let count = UInt32(value.count)
            bytes.append(255)
            for shift in stride(from: 0, to: 32, by: 8) {
                bytes.append(UInt8(truncatingIfNeeded: count >> UInt32(shift)))
            }
        }
        bytes.append(contentsOf: value)
    }

    subscript<Value>(in table: ByteTable<Value>) -> Value? {
        bytes.withUnsafeBufferPointer { table[$0] }
    }

    /// Keeps `value` in `table` for these fields.
    func insert<Value>(_ value: Value, into table: inout ByteTable<Value>) {
        bytes.withUnsafeBufferPointer { table.insert(value, for: $0) }
    }
}

/// A hash table from byte strings to values, looked up without building a `String` (and without hashing
/// one with SipHash): the few hundred distinct statuses, jobs and governments of a file are looked up
/// once per row, millions of times.
///
/// Open addressing over one array of slots (a key's hash, and where its bytes lie in one arena) with the values
/// apart: a probe reads one 16-byte slot, and a lookup compares the bytes in place and retains only the value it
/// returns. Slots holding an entry struct (its key an array of its own) were copied out per probe, two retains and
/// releases each: 0.5 CPU-seconds of reading the national files. Kept as four parallel arrays (hashes, starts,
/// lengths, values), a lookup in a large table (the national SIASN export's 72,000 profiles) missed the cache once
/// per array.
struct ByteTable<Value> {
    /// A key's hash with its top bit set (0: an empty slot), and where its bytes start in `keyBytes` (the low 40
    /// bits) and how many they are (the high 24).
    private struct Slot {
        var hash: UInt64 = 0
        var place: UInt64 = 0

        var start: Int { Int(truncatingIfNeeded: place & Slot.startMask) }
        var length: Int { Int(truncatingIfNeeded: place >> 40) }

        static var startMask: UInt64 { (1 << 40) - 1 }
        /// Whether a key of `length` bytes at `start` fits a slot (a longer or later one is not kept: looked up,
        /// it is then read again each time, which costs time, never correctness).
        static func fits(start: Int, length: Int) -> Bool { start < 1 << 40 && length < 1 << 24 }
    }
    private var slots = [Slot](repeating: Slot(), count: 64)
    private var values = [Value?](repeating: nil, count: 64)
    private var keyBytes: [UInt8] = []
    private(set) var count = 0

    subscript(bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        let hash = Self.hash(bytes)
        let found: Int? = slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var i = Int(truncatingIfNeeded: hash) & mask
            while true {
                let slot = slots[i]
                if slot.hash == 0 { return nil }
                if slot.hash == hash, slot.length == bytes.count, holds(bytes, at: slot.start) { return i }
                i = (i + 1) & mask
            }
        }
        return found.flatMap { values[$0] }
    }

    /// Whether the arena holds `bytes` from `start` on.
    private func holds(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return true }
        return keyBytes.withUnsafeBufferPointer { arena in
            guard let held = arena.baseAddress else { return false }
            return memcmp(held + start, base, bytes.count) == 0
        }
    }

    /// Adds `value` for `bytes`, which the table does not hold yet (a key too long to keep is left out).
    mutating func insert(_ value: Value, for bytes: UnsafeBufferPointer<UInt8>) {
        let start = keyBytes.count
        guard Slot.fits(start: start, length: bytes.count) else { return }
        if (count + 1) * 2 > slots.count { grow() }
        keyBytes.append(contentsOf: bytes)
        place(
            Slot(hash: Self.hash(bytes), place: UInt64(start) | UInt64(bytes.count) << 40), value: value,
            in: &slots, &values)
        count += 1
    }

    private func place(_ slot: Slot, value: Value?, in slots: inout [Slot], _ values: inout [Value?]) {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: slot.hash) & mask
        while slots[i].hash != 0 { i = (i + 1) & mask }
        slots[i] = slot
        values[i] = value
    }

    private mutating func grow() {
        let size = slots.count * 2
        var grownSlots = [Slot](repeating: Slot(), count: size)
        var grownValues = [Value?](repeating: nil, count: size)
        for i in slots.indices where slots[i].hash != 0 {
            place(slots[i], value: values[i], in: &grownSlots, &grownValues)
        }
        slots = grownSlots
        values = grownValues
    }

    /// A hash of 8 bytes at a time (multiply and shift, then a final mix so the low bits, which pick the
    /// slot, depend on every byte), with the top bit set: a filled slot's hash is never 0. Byte-at-a-time
    /// FNV-1a was half the lookups' time on the national files, where unit names, agencies and SKP
    /// indicators run to 30–60 bytes. Two words a step in two independent lanes (each step of one lane waits for
    /// the last: the SKP export's five looked-up fields, about 120 bytes a row, were 6% of reading it), and the
    /// last 1–7 bytes of a key of 8 or more read as one word, not byte by byte.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return hash | 1 << 63 }
        let raw = UnsafeRawPointer(base)
        let count = bytes.count
        var other: UInt64 = 0x243F_6A88_85A3_08D3
        var i = 0
        while i + 16 <= count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            other = (other ^ raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            hash ^= hash >> 29
            other ^= other >> 29
            i += 16
        }
        if i + 8 <= count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            hash ^= hash >> 29
            i += 8
        }
        hash ^= other &* 0x94D0_49BB_1331_11EB
        var tail: UInt64 = 0
        if i < count, count >= 8 {
            // The last word of the key, its bytes already hashed shifted out.
            tail = raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self) >> UInt64(8 * (8 - (count - i)))
            i = count
        }
        var shift: UInt64 = 0
        while i < count {
            tail |= UInt64(base[i]) << shift
            shift += 8
            i += 1
        }
        hash = (hash ^ tail) &* 0x94D0_49BB_1331_11EB
        hash ^= hash >> 32
        hash = hash &* 0xBF58_476D_1CE4_E5B9
        hash ^= hash >> 29
        return hash | 1 << 63
    }
}
