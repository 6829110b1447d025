#ifndef PADAN_CFILEFLAGS_SHIM_H
#define PADAN_CFILEFLAGS_SHIM_H
#include <fcntl.h>

/// `O_DIRECT` (Swift's Glibc module leaves it out: it is a GNU extension), or 0 where it is unknown.
static inline int padan_o_direct(void) {
#if defined(O_DIRECT)
    return O_DIRECT;
#elif defined(__linux__) && (defined(__x86_64__) || defined(__i386__))
    return 040000;
#elif defined(__linux__) && (defined(__aarch64__) || defined(__arm__))
    return 0200000;
#else
    return 0;
#endif
}

#endif
