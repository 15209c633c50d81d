#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/parserInternals.h>

/// Swift 6 rejects the C global `xmlFree` (not concurrency-safe); call it through here.
static inline void clibxml2_free(void *p) { xmlFree(p); }
#endif
