#ifndef PADAN_PREFETCH_H
#define PADAN_PREFETCH_H

#include <stdint.h>

/// Asks the processor to bring the cache line at `address` in, for reading. A hint: it never faults, whatever the
/// address (an address that maps nothing is ignored), so a word that may or may not be a pointer can be given.
static inline void padan_prefetch(uintptr_t address) { __builtin_prefetch((const void *)address, 0, 3); }

#endif
