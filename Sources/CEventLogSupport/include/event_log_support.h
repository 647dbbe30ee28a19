#ifndef EVENT_LOG_SUPPORT_H
#define EVENT_LOG_SUPPORT_H

#include <stddef.h>
#include <stdint.h>

/// CRC-32C (Castagnoli) of `length` bytes, extending `crc` (0 to start). Uses the CPU's CRC32
/// instruction where there is one (x86-64 SSE4.2, ARMv8 CRC) and a table otherwise.
uint32_t event_log_crc32c(uint32_t crc, const void *data, size_t length);

/// Asks the CPU to load `length` bytes from `start` into its caches without waiting for them, a
/// 64-byte line at a time from the last line down, for a reader that walks memory downward. A
/// hint: it changes nothing a program can observe but its speed. Nothing for a length of 0.
void event_log_prefetch_downward(const void *start, size_t length);

/// Names the calling thread for `top -H`, `perf` and debuggers (Linux keeps the first 15 bytes).
/// Does nothing where the platform has no way to.
void event_log_name_current_thread(const char *name);

#endif
