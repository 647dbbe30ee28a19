#ifndef EVENT_LOG_THREAD_NAME_H
#define EVENT_LOG_THREAD_NAME_H

/// Names the calling thread for `top -H`, `perf` and debuggers (Linux keeps the first 15 bytes).
/// Does nothing where the platform has no way to.
void event_log_name_current_thread(const char *name);

#endif
