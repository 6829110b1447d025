// Byte scans with SSE2 (every x86-64 processor has it; plain loops elsewhere). The bytes that end or mark a CSV
// field, 64 at a time: the scanner then steps from field to field by the masks' set bits, where it tested eight
// bytes at a time, then looked each field's last byte up in a table and branched on it (`CSVScanner`). The ASCII
// run at the start of a record (`UTF8Validation`) and the line breaks of an XML window (`XMLInputFeed`).
#include "bytescan.h"

#if defined(__x86_64__)
#include <emmintrin.h>

/// The special bytes of 16 at `bytes` (low 16 bits), the delimiters among them in `*delimiters`.
static inline uint64_t mask16(const uint8_t *bytes, __m128i delimiter, uint64_t *delimiters) {
    __m128i v = _mm_loadu_si128((const __m128i *)bytes);
    __m128i isDelimiter = _mm_cmpeq_epi8(v, delimiter);
    __m128i quoteOrNul = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')), _mm_cmpeq_epi8(v, _mm_setzero_si128()));
    __m128i lineBreak = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\r')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\n')));
    __m128i other = _mm_or_si128(quoteOrNul, lineBreak);
    *delimiters = (uint64_t)(uint16_t)_mm_movemask_epi8(isDelimiter);
    return (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_or_si128(isDelimiter, other));
}

uint64_t padan_csv_special_mask(const uint8_t *bytes, uint8_t delimiter, uint64_t *delimiters) {
    const __m128i d = _mm_set1_epi8((char)delimiter);
    uint64_t special = 0, found = 0;
    for (int i = 0; i < 4; i++) {
        uint64_t some;
        special |= mask16(bytes + 16 * i, d, &some) << (16 * i);
        found |= some << (16 * i);
    }
    *delimiters = found;
    return special;
}

size_t padan_ascii_prefix(const uint8_t *bytes, size_t count) {
    size_t i = 0;
    // 64 bytes at a time while no byte has its high bit set; the rest, and the block holding the first that does,
    // byte by byte.
    for (; i + 64 <= count; i += 64) {
        const __m128i *block = (const __m128i *)(bytes + i);
        __m128i low = _mm_or_si128(_mm_loadu_si128(block), _mm_loadu_si128(block + 1));
        __m128i high = _mm_or_si128(_mm_loadu_si128(block + 2), _mm_loadu_si128(block + 3));
        if (_mm_movemask_epi8(_mm_or_si128(low, high)) != 0) break;
    }
    while (i < count && bytes[i] < 0x80) i++;
    return i;
}

size_t padan_count_byte(const uint8_t *bytes, size_t count, uint8_t byte) {
    const __m128i wanted = _mm_set1_epi8((char)byte);
    size_t found = 0, i = 0;
    for (; i + 16 <= count; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(bytes + i));
        found += (size_t)__builtin_popcount((unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, wanted)));
    }
    for (; i < count; i++) found += bytes[i] == byte;
    return found;
}

#else

size_t padan_ascii_prefix(const uint8_t *bytes, size_t count) {
    size_t i = 0;
    while (i < count && bytes[i] < 0x80) i++;
    return i;
}

size_t padan_count_byte(const uint8_t *bytes, size_t count, uint8_t byte) {
    size_t found = 0;
    for (size_t i = 0; i < count; i++) found += bytes[i] == byte;
    return found;
}

uint64_t padan_csv_special_mask(const uint8_t *bytes, uint8_t delimiter, uint64_t *delimiters) {
    uint64_t special = 0, found = 0;
    for (int i = 0; i < 64; i++) {
        uint8_t b = bytes[i];
        if (b == delimiter) found |= (uint64_t)1 << i;
        if (b == delimiter || b == '"' || b == '\r' || b == '\n' || b == 0) special |= (uint64_t)1 << i;
    }
    *delimiters = found;
    return special;
}

#endif
