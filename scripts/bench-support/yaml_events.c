/*
 * The raw libyaml baseline for scripts/bench: reads every file named on standard input (one
 * path a line), parses each with libyaml's event API and only loops over the events, on one
 * core. Prints "files bytes seconds events" for the whole run, reading included.
 *
 * cc -O2 -o yaml_events yaml_events.c -lyaml
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <yaml.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(void) {
    char path[4096];
    long files = 0, events = 0;
    long long bytes = 0;
    unsigned char *buffer = NULL;
    size_t capacity = 0;
    double start = now();
    while (fgets(path, sizeof path, stdin)) {
        path[strcspn(path, "\n")] = 0;
        if (!*path) continue;
        FILE *file = fopen(path, "rb");
        if (!file) { perror(path); return 2; }
        size_t length = 0, got;
        for (;;) {
            if (length == capacity) {
                capacity = capacity ? capacity * 2 : 1 << 16;
                buffer = realloc(buffer, capacity);
                if (!buffer) return 2;
            }
            got = fread(buffer + length, 1, capacity - length, file);
            if (got == 0) break;
            length += got;
        }
        fclose(file);
        yaml_parser_t parser;
        yaml_event_t event;
        if (!yaml_parser_initialize(&parser)) return 2;
        yaml_parser_set_input_string(&parser, buffer, length);
        int done = 0;
        while (!done) {
            if (!yaml_parser_parse(&parser, &event)) {
                fprintf(stderr, "%s: %s\n", path, parser.problem ? parser.problem : "error");
                break;
            }
            done = event.type == YAML_STREAM_END_EVENT;
            events++;
            yaml_event_delete(&event);
        }
        yaml_parser_delete(&parser);
        files++;
        bytes += length;
    }
    printf("%ld %lld %.6f %ld\n", files, bytes, now() - start, events);
    free(buffer);
    return 0;
}
