#ifndef PADAN_BYTESCAN_H
#define PADAN_BYTESCAN_H

#include <stddef.h>
#include <stdint.h>

/// Bit `i` of the result is set when byte `i` of the 64 bytes at `bytes` is `delimiter`, a double quote, CR, LF
/// or NUL (the bytes that end or mark a CSV field), and bit `i` of `*delimiters` when it is `delimiter`. All 64
/// bytes must be readable.
uint64_t padan_csv_special_mask(const uint8_t *bytes, uint8_t delimiter, uint64_t *delimiters);

/// How many of the `count` bytes at `bytes` are ASCII before the first that is not (`count` when all are).
size_t padan_ascii_prefix(const uint8_t *bytes, size_t count);

/// How many of the `count` bytes at `bytes` are `byte`.
size_t padan_count_byte(const uint8_t *bytes, size_t count, uint8_t byte);

#endif
