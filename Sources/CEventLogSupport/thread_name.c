#define _GNU_SOURCE
#include "event_log_support.h"

#include <pthread.h>

void event_log_name_current_thread(const char *name) {
#if defined(__APPLE__)
    pthread_setname_np(name);
#elif defined(__linux__)
    pthread_setname_np(pthread_self(), name);
#else
    (void)name;
#endif
}
