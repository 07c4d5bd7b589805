/*
 * Replays inputs of the parsers fuzz harness (fuzz/fuzz_parsers.c) in the
 * normal test suite: its findings (tests/sim/fuzz/, one file each, named by
 * what went wrong) and its seed corpus (fuzz/corpus/parsers/). Each file
 * goes through the harness's own checks, which abort on a violation; under
 * the ASan cell the sanitizer also watches every read of the exact-size
 * input.
 *   test_sim_fuzz_replay FILE...
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: test_sim_fuzz_replay FILE...\n");
        return 2;
    }
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f) {
            perror(argv[i]);
            return 1;
        }
        size_t cap = 4096, n = 0;
        uint8_t *b = malloc(cap);
        for (;;) {
            if (!b) {
                fprintf(stderr, "out of memory\n");
                return 1;
            }
            n += fread(b + n, 1, cap - n, f);
            if (n < cap)
                break;
            cap *= 2;
            uint8_t *nb = realloc(b, cap);
            if (!nb)
                free(b);
            b = nb;
        }
        fclose(f);
        (void)LLVMFuzzerTestOneInput(b, n);
        free(b);
    }
    printf("%d inputs replayed, every check held\n", argc - 1);
    return 0;
}
