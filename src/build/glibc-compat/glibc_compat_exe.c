/*
 * The executable half of glibc_compat.c (src/build/GlibcCompat.targets links it into `coloc`, not into libcoloc.so).
 *
 * Scrt1.o of glibc >= 2.34 calls __libc_start_main@GLIBC_2.34 with init = fini = NULL: the new libc runs the
 * program's constructors itself. glibc 2.28 only has __libc_start_main@GLIBC_2.2.5 (2.17 on aarch64), which runs
 * constructors only through the init function it is given (formerly __libc_csu_init from libc_nonshared.a). So the
 * wrapper binds the old entry and, when init is NULL, passes coloc_csu_init, which does what __libc_csu_init did:
 * _init, then every .init_array entry (the dynamic linker runs .preinit_array itself). glibc 2.34+ calls a non-NULL
 * init ("legacy program") instead of running the arrays itself, so they run exactly once on either.
 */
#if defined(__x86_64__)
#define COLOC_OLD "GLIBC_2.2.5"
#elif defined(__aarch64__)
#define COLOC_OLD "GLIBC_2.17"
#else
#error "glibc_compat_exe.c: only x86-64 and aarch64"
#endif

typedef void (*coloc_init_fn)(int, char **, char **);
typedef int (*coloc_main_fn)(int, char **, char **);

extern coloc_init_fn __init_array_start[] __attribute__((visibility("hidden")));
extern coloc_init_fn __init_array_end[] __attribute__((visibility("hidden")));
extern void _init(void);

__asm__(".symver __coloc_old_libc_start_main, __libc_start_main@" COLOC_OLD);
extern int __coloc_old_libc_start_main(coloc_main_fn main, int argc, char **argv, coloc_init_fn init,
                                       void (*fini)(void), void (*rtld_fini)(void), void *stack_end);

static void coloc_csu_init(int argc, char **argv, char **envp)
{
    _init();
    unsigned long n = (unsigned long)(__init_array_end - __init_array_start);
    for (unsigned long i = 0; i < n; i++)
        __init_array_start[i](argc, argv, envp);
}

__attribute__((visibility("hidden"))) int __wrap___libc_start_main(coloc_main_fn main, int argc, char **argv,
                                                                   coloc_init_fn init, void (*fini)(void),
                                                                   void (*rtld_fini)(void), void *stack_end)
{
    return __coloc_old_libc_start_main(main, argc, argv, init != 0 ? init : coloc_csu_init, fini, rtld_fini,
                                       stack_end);
}
