#ifndef PADAN_CLIBXML2_SHIM_H
#define PADAN_CLIBXML2_SHIM_H
// libxml2's headers enable ICU, which clashes with Foundation's bundled ICU in a clean build.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#include <libxml/globals.h>

// libxml2 reports some failures (input encoding conversion, I/O) through its "generic" handler, which
// prints them to stderr without the file's name, past Padan's own diagnostics. The reader learns what
// matters through its structured handler; this no-op replaces the generic one. It is C because Swift
// cannot define a variadic function. The setting is per thread, so the reader applies it on its own.
static inline void padan_xml_ignore_generic_error(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

static inline void padan_xml_silence_generic_errors(void) {
    xmlThrDefSetGenericErrorFunc(NULL, padan_xml_ignore_generic_error);
    xmlSetGenericErrorFunc(NULL, padan_xml_ignore_generic_error);
}
#endif
