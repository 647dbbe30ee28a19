#ifndef CJEMALLOC_SHIM_H
#define CJEMALLOC_SHIM_H
// Linking jemalloc makes it the process's malloc. Only its control call is declared here:
// jemalloc.h would declare malloc and free a second time beside the C library's.
#include <stddef.h>
int mallctl(const char *name, void *oldp, size_t *oldlenp, void *newp, size_t newlen);
#endif
