#ifndef PADAN_CZLIB_SHIM_H
#define PADAN_CZLIB_SHIM_H
#include <zlib.h>
#endif
