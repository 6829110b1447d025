// SHA-256 (FIPS 180-4) of 16 messages at once with AVX-512: each message in one 32-bit lane, the rounds'
// rotations as `vprord` and their three-way XORs, choice and majority as `vpternlogd`. Payload keys are
// the SHA-256 of lines of about 900 bytes, 1.3 million of them nationally: the processor's own SHA
// instructions hash one message at a time at about 1.5 GB/s here, this about 3 GB/s (`Benchmarks/README.md`).
#include "sha256x16.h"

#include <string.h>

#if defined(__x86_64__)
#include <immintrin.h>

static const uint32_t K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static const uint32_t H0[8] = {
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
};

#define SHA_TARGET __attribute__((target("avx512f,avx512bw")))

/// Rows `r[0..16]` (16 words each) transposed in place: word `j` of row `i` becomes word `i` of row `j`.
SHA_TARGET static inline void transpose16(__m512i r[16]) {
    __m512i t[16];
    for (int i = 0; i < 16; i += 2) {
        t[i] = _mm512_unpacklo_epi32(r[i], r[i + 1]);
        t[i + 1] = _mm512_unpackhi_epi32(r[i], r[i + 1]);
    }
    for (int i = 0; i < 16; i += 4) {
        r[i] = _mm512_unpacklo_epi64(t[i], t[i + 2]);
        r[i + 1] = _mm512_unpackhi_epi64(t[i], t[i + 2]);
        r[i + 2] = _mm512_unpacklo_epi64(t[i + 1], t[i + 3]);
        r[i + 3] = _mm512_unpackhi_epi64(t[i + 1], t[i + 3]);
    }
    // Each row now holds, in each 128-bit quarter, four words of one column for four rows; the quarters
    // are put in order across rows four apart, then eight apart.
    for (int i = 0; i < 16; i += 8) {
        for (int j = 0; j < 4; j++) {
            t[i + j] = _mm512_shuffle_i32x4(r[i + j], r[i + j + 4], 0x88);
            t[i + j + 4] = _mm512_shuffle_i32x4(r[i + j], r[i + j + 4], 0xdd);
        }
    }
    for (int j = 0; j < 8; j++) {
        r[j] = _mm512_shuffle_i32x4(t[j], t[j + 8], 0x88);
        r[j + 8] = _mm512_shuffle_i32x4(t[j], t[j + 8], 0xdd);
    }
}

/// One 64-byte block of each lane's message (`blocks[lane]`) into the state of the lanes in `active`.
SHA_TARGET static void compress(__m512i state[8], const uint8_t *const blocks[16], __mmask16 active) {
    const __m512i swap = _mm512_set_epi8(
        12, 13, 14, 15, 8, 9, 10, 11, 4, 5, 6, 7, 0, 1, 2, 3, 12, 13, 14, 15, 8, 9, 10, 11, 4, 5, 6, 7, 0, 1, 2, 3,
        12, 13, 14, 15, 8, 9, 10, 11, 4, 5, 6, 7, 0, 1, 2, 3, 12, 13, 14, 15, 8, 9, 10, 11, 4, 5, 6, 7, 0, 1, 2, 3);
    // Row `lane` holds the lane's 16 words; transposed, row `t` holds word `t` of every lane.
    __m512i w[16];
    for (int lane = 0; lane < 16; lane++) w[lane] = _mm512_shuffle_epi8(_mm512_loadu_si512(blocks[lane]), swap);
    transpose16(w);
    __m512i a = state[0], b = state[1], c = state[2], d = state[3];
    __m512i e = state[4], f = state[5], g = state[6], h = state[7];
    for (int t = 0; t < 64; t++) {
        __m512i wt;
        if (t < 16) {
            wt = w[t];
        } else {
            __m512i w15 = w[(t - 15) & 15], w2 = w[(t - 2) & 15];
            __m512i s0 = _mm512_ternarylogic_epi32(_mm512_ror_epi32(w15, 7), _mm512_ror_epi32(w15, 18),
                                                   _mm512_srli_epi32(w15, 3), 0x96);
            __m512i s1 = _mm512_ternarylogic_epi32(_mm512_ror_epi32(w2, 17), _mm512_ror_epi32(w2, 19),
                                                   _mm512_srli_epi32(w2, 10), 0x96);
            wt = _mm512_add_epi32(_mm512_add_epi32(w[t & 15], s0), _mm512_add_epi32(w[(t - 7) & 15], s1));
            w[t & 15] = wt;
        }
        __m512i s1 = _mm512_ternarylogic_epi32(_mm512_ror_epi32(e, 6), _mm512_ror_epi32(e, 11),
                                               _mm512_ror_epi32(e, 25), 0x96);
        __m512i ch = _mm512_ternarylogic_epi32(e, f, g, 0xca);
        __m512i t1 = _mm512_add_epi32(_mm512_add_epi32(h, s1),
                                      _mm512_add_epi32(ch, _mm512_add_epi32(_mm512_set1_epi32((int)K[t]), wt)));
        __m512i s0 = _mm512_ternarylogic_epi32(_mm512_ror_epi32(a, 2), _mm512_ror_epi32(a, 13),
                                               _mm512_ror_epi32(a, 22), 0x96);
        __m512i maj = _mm512_ternarylogic_epi32(a, b, c, 0xe8);
        h = g;
        g = f;
        f = e;
        e = _mm512_add_epi32(d, t1);
        d = c;
        c = b;
        b = a;
        a = _mm512_add_epi32(t1, _mm512_add_epi32(s0, maj));
    }
    state[0] = _mm512_mask_add_epi32(state[0], active, state[0], a);
    state[1] = _mm512_mask_add_epi32(state[1], active, state[1], b);
    state[2] = _mm512_mask_add_epi32(state[2], active, state[2], c);
    state[3] = _mm512_mask_add_epi32(state[3], active, state[3], d);
    state[4] = _mm512_mask_add_epi32(state[4], active, state[4], e);
    state[5] = _mm512_mask_add_epi32(state[5], active, state[5], f);
    state[6] = _mm512_mask_add_epi32(state[6], active, state[6], g);
    state[7] = _mm512_mask_add_epi32(state[7], active, state[7], h);
}

int padan_sha256_x16_available(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw");
}

SHA_TARGET void padan_sha256_x16(const uint8_t *const messages[16], const size_t lengths[16], uint8_t *digests) {
    // Each lane's last one or two blocks (its message's tail, 0x80, zeros, the length in bits) built here.
    uint8_t tails[16][128];
    size_t full[16], total[16], most = 0;
    for (int lane = 0; lane < 16; lane++) {
        size_t length = lengths[lane];
        full[lane] = length / 64;
        size_t rest = length % 64;
        size_t tailBlocks = rest + 9 <= 64 ? 1 : 2;
        memset(tails[lane], 0, tailBlocks * 64);
        if (rest > 0) memcpy(tails[lane], messages[lane] + full[lane] * 64, rest);
        tails[lane][rest] = 0x80;
        uint64_t bits = (uint64_t)length * 8;
        for (int k = 0; k < 8; k++) tails[lane][tailBlocks * 64 - 1 - k] = (uint8_t)(bits >> (8 * k));
        total[lane] = full[lane] + tailBlocks;
        if (total[lane] > most) most = total[lane];
    }
    __m512i state[8];
    for (int i = 0; i < 8; i++) state[i] = _mm512_set1_epi32((int)H0[i]);
    for (size_t n = 0; n < most; n++) {
        const uint8_t *blocks[16];
        __mmask16 active = 0;
        for (int lane = 0; lane < 16; lane++) {
            if (n < full[lane]) {
                blocks[lane] = messages[lane] + n * 64;
            } else if (n < total[lane]) {
                blocks[lane] = tails[lane] + (n - full[lane]) * 64;
            } else {
                blocks[lane] = tails[lane];  // any readable block: the lane's state is left as it is
                continue;
            }
            active |= (__mmask16)(1u << lane);
        }
        compress(state, blocks, active);
    }
    uint32_t words[8][16];
    for (int i = 0; i < 8; i++) _mm512_storeu_si512(words[i], state[i]);
    for (int lane = 0; lane < 16; lane++) {
        for (int i = 0; i < 8; i++) {
            uint32_t v = words[i][lane];
            uint8_t *out = digests + 32 * lane + 4 * i;
            out[0] = (uint8_t)(v >> 24);
            out[1] = (uint8_t)(v >> 16);
            out[2] = (uint8_t)(v >> 8);
            out[3] = (uint8_t)v;
        }
    }
}

#else

int padan_sha256_x16_available(void) { return 0; }

void padan_sha256_x16(const uint8_t *const messages[16], const size_t lengths[16], uint8_t *digests) {
    (void)messages;
    (void)lengths;
    (void)digests;
}

#endif
