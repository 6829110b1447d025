#ifndef PADAN_CLIBXML2_SHIM_H
#define PADAN_CLIBXML2_SHIM_H
// libxml2's headers enable ICU, which clashes with Foundation's bundled ICU in a clean build.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#endif
