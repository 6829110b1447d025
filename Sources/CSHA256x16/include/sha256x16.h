#ifndef PADAN_SHA256X16_H
#define PADAN_SHA256X16_H

#include <stddef.h>
#include <stdint.h>

/// Whether this processor runs `padan_sha256_x16` (x86-64 with AVX-512 F and BW); 0 elsewhere.
int padan_sha256_x16_available(void);

/// The SHA-256 digests of 16 messages at once, one in each 32-bit lane of AVX-512 registers: message `i` is
/// `lengths[i]` bytes from `messages[i]`, and its 32-byte digest is written at `digests + 32 * i`. Only where
/// `padan_sha256_x16_available()`.
void padan_sha256_x16(const uint8_t *const messages[16], const size_t lengths[16], uint8_t *digests);

#endif
