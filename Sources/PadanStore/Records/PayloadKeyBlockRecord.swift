/// The `payload_key_block` table (migration `v3`): blocks of emitted SKP payload keys.
///
/// A run's new keys are stored a block at a time, each key as its 32 bytes, in key order within the block: the
/// emitted set is the union of the blocks, and no key is in two. Blocks are written and read as bytes
/// (``PadanDatabase/insert(block:firstRun:in:)``, ``PadanDatabase/storedPayloadKeys(in:)``), never as records.
enum PayloadKeyBlockRecord {
    static let databaseTableName = "payload_key_block"
    /// Keys a block holds at most (2 MiB): a national first run's 1.6 million keys are about 25 rows.
    static let capacity = 1 << 16
}
