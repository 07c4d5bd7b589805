#include "prng.h"

#include <stdlib.h>

uint64_t prng_seed_from_env(const char *name, uint64_t dflt)
{
#if defined(CAPHEAP_BARE_METAL)
    (void)name;
    return dflt;
#else
    const char *v = getenv(name);
    if (!v || !*v)
        return dflt;
    return (uint64_t)strtoull(v, NULL, 0);
#endif
}
