#ifndef PADAN_BYTESCAN_H
#define PADAN_BYTESCAN_H

#include <stdint.h>

/// Bit `i` of the result is set when byte `i` of the 64 bytes at `bytes` is `delimiter`, a double quote, CR, LF
/// or NUL (the bytes that end or mark a CSV field), and bit `i` of `*delimiters` when it is `delimiter`. All 64
/// bytes must be readable.
uint64_t padan_csv_special_mask(const uint8_t *bytes, uint8_t delimiter, uint64_t *delimiters);

#endif
