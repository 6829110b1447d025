// The target's one function is `static inline` in `include/prefetch.h`; this file gives SwiftPM a source to build.
#include "prefetch.h"
