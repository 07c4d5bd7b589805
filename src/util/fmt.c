/*
 * A small formatter so that no layer needs printf (which drags tens of
 * kilobytes into firmware). Only what capheap prints is supported.
 */
#include "capheap/common.h"

#include <stdarg.h>

typedef struct {
    char *buf;
    size_t cap;
    size_t len;
} out_t;

static void out_char(out_t *o, char c)
{
    if (o->len + 1 < o->cap)
        o->buf[o->len] = c;
    o->len++;
}

static void out_pad(out_t *o, char c, int n)
{
    while (n-- > 0)
        out_char(o, c);
}

static void out_number(out_t *o, unsigned long long v, unsigned base, bool upper,
                       bool negative, int width, bool zero, bool left)
{
    char tmp[24];
    int n = 0;
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    do {
        tmp[n++] = digits[v % base];
        v /= base;
    } while (v);
    int len = n + (negative ? 1 : 0);
    if (!left && !zero)
        out_pad(o, ' ', width - len);
    if (negative)
        out_char(o, '-');
    if (!left && zero)
        out_pad(o, '0', width - len);
    while (n)
        out_char(o, tmp[--n]);
    if (left)
        out_pad(o, ' ', width - len);
}

static int format(char *buf, size_t n, const char *fmt, va_list ap)
{
    out_t o = { buf, n, 0 };
    for (const char *p = fmt; *p; p++) {
        if (*p != '%') {
            out_char(&o, *p);
            continue;
        }
        p++;
        bool zero = false, left = false;
        for (;; p++) {
            if (*p == '0')
                zero = true;
            else if (*p == '-')
                left = true;
            else
                break;
        }
        int width = 0;
        while (*p >= '0' && *p <= '9')
            width = width * 10 + (*p++ - '0');
        int prec = -1;
        if (*p == '.') {
            p++;
            prec = 0;
            while (*p >= '0' && *p <= '9')
                prec = prec * 10 + (*p++ - '0');
        }
        int lng = 0; /* 1 = l, 2 = ll, 3 = z */
        if (*p == 'z') {
            lng = 3;
            p++;
        } else if (*p == 'l') {
            lng = 1;
            p++;
            if (*p == 'l') {
                lng = 2;
                p++;
            }
        }
        switch (*p) {
        case 's': {
            const char *s = va_arg(ap, const char *);
            if (!s)
                s = "(null)";
            int len = 0;
            while (s[len] && (prec < 0 || len < prec))
                len++;
            if (!left)
                out_pad(&o, ' ', width - len);
            for (int i = 0; i < len; i++)
                out_char(&o, s[i]);
            if (left)
                out_pad(&o, ' ', width - len);
            break;
        }
        case 'c':
            out_char(&o, (char)va_arg(ap, int));
            break;
        case 'd':
        case 'i': {
            long long v = lng == 2 ? va_arg(ap, long long)
                        : lng == 1 ? va_arg(ap, long)
                        : lng == 3 ? (long long)va_arg(ap, ptrdiff_t)
                                   : va_arg(ap, int);
            unsigned long long mag = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
            out_number(&o, mag, 10, false, v < 0, width, zero, left);
            break;
        }
        case 'u':
        case 'x':
        case 'X': {
            unsigned long long v = lng == 2 ? va_arg(ap, unsigned long long)
                                 : lng == 1 ? va_arg(ap, unsigned long)
                                 : lng == 3 ? va_arg(ap, size_t)
                                            : va_arg(ap, unsigned);
            out_number(&o, v, *p == 'u' ? 10u : 16u, *p == 'X', false, width, zero, left);
            break;
        }
        case 'p': {
            uintptr_t v = (uintptr_t)va_arg(ap, void *);
            out_char(&o, '0');
            out_char(&o, 'x');
            out_number(&o, v, 16, false, false, width > 2 ? width - 2 : 0, true, false);
            break;
        }
        case '%':
            out_char(&o, '%');
            break;
        case '\0':
            p--;
            break;
        default:
            out_char(&o, '%');
            out_char(&o, *p);
            break;
        }
    }
    if (n)
        buf[o.len < n ? o.len : n - 1] = '\0';
    return (int)o.len;
}

int capheap_snprintf(char *buf, size_t n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = format(buf, n, fmt, ap);
    va_end(ap);
    return r;
}

void capheap_printf(capheap_print_fn print, void *ctx, const char *fmt, ...)
{
    if (!print)
        return;
    char line[256];
    va_list ap;
    va_start(ap, fmt);
    format(line, sizeof line, fmt, ap);
    va_end(ap);
    print(ctx, line);
}

const char *capheap_error_reason_str(capheap_error_reason_t reason)
{
    switch (reason) {
    case CAPHEAP_E_DOUBLE_FREE: return "double free";
    case CAPHEAP_E_OUTSIDE: return "pointer outside the heap";
    case CAPHEAP_E_MISALIGNED: return "misaligned pointer";
    case CAPHEAP_E_BAD_HEADER: return "bad block header (interior, foreign or smashed)";
    case CAPHEAP_E_BAD_NEIGHBOUR: return "neighbour block does not point back";
    case CAPHEAP_E_HEAD_CANARY: return "head canary damaged";
    case CAPHEAP_E_TAIL_CANARY: return "tail canary damaged";
    case CAPHEAP_E_USE_AFTER_FREE: return "write after free";
    case CAPHEAP_E_NOT_OWNED: return "pointer not owned by any heap";
    }
    return "unknown error";
}
