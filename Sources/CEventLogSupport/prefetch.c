#include "event_log_support.h"

void event_log_prefetch_downward(const void *start, size_t length) {
    if (length == 0) {
        return;
    }
    const uintptr_t first = (uintptr_t)start & ~(uintptr_t)63;
    for (uintptr_t line = ((uintptr_t)start + length - 1) & ~(uintptr_t)63;; line -= 64) {
        __builtin_prefetch((const void *)line, 0, 3);
        if (line == first) {
            break;
        }
    }
}
