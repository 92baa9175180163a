/*
 * Lets Coloc's Linux NativeAOT binaries, linked on Debian 12 (glibc 2.36), load on glibc 2.28 (RHEL/Rocky 8).
 *
 * Linking against glibc >= 2.34 binds dlopen, pthread_create and friends to their new GLIBC_2.34 versions (they moved
 * from libdl/libpthread into libc), exp/log/pow to GLIBC_2.29, pthread_sigmask/pthread_getattr_np to GLIBC_2.32 and
 * stat64/fstat64/lstat64 (real functions only since 2.33) to GLIBC_2.33. The link passes -Wl,--wrap=NAME for each
 * (src/build/GlibcCompat.targets), so every reference to NAME goes to __wrap_NAME below: for the moved functions a tail
 * jump to the old version of the same function (bound with .symver to the version glibc 2.28 exports: 2.2.5/2.3.3/2.12
 * on x86-64, 2.17 on aarch64; those versions are still exported by glibc 2.34+ for old binaries); for the stat family
 * a call of the old __xstat64 entry with the stat structure version (_STAT_VER: 1 on x86-64, 0 on aarch64).
 * The link also names libdl.so.2 and libpthread.so.0 as needed libraries: on glibc < 2.34 that is where the old
 * versions live (on 2.34+ they are empty stubs).
 */
#if defined(__x86_64__)
#define COLOC_V(x64, a64) x64
#define COLOC_JUMP "jmp"
#define COLOC_PLT "@PLT"
#define COLOC_STAT_VER 1
#elif defined(__aarch64__)
#define COLOC_V(x64, a64) a64
#define COLOC_JUMP "b"
#define COLOC_PLT ""
#define COLOC_STAT_VER 0
#else
#error "glibc_compat.c: only x86-64 and aarch64"
#endif

/* __wrap_NAME: hidden, jumps to NAME@VERSION with every argument register untouched. */
#define COLOC_COMPAT(name, version)                                                                  \
    __asm__(".symver __coloc_old_" #name ", " #name "@" version);                                   \
    __asm__(".text\n.globl __wrap_" #name "\n.hidden __wrap_" #name "\n.type __wrap_" #name          \
            ",%function\n__wrap_" #name ":\n\t" COLOC_JUMP " __coloc_old_" #name COLOC_PLT          \
            "\n.size __wrap_" #name ", .-__wrap_" #name "\n");

#define COLOC_OLD(v) COLOC_V("GLIBC_2.2.5", "GLIBC_2.17")

COLOC_COMPAT(exp, COLOC_OLD())
COLOC_COMPAT(log, COLOC_OLD())
COLOC_COMPAT(pow, COLOC_OLD())
COLOC_COMPAT(shm_open, COLOC_OLD())
COLOC_COMPAT(shm_unlink, COLOC_OLD())
COLOC_COMPAT(pthread_getattr_np, COLOC_OLD())
COLOC_COMPAT(pthread_sigmask, COLOC_OLD())
COLOC_COMPAT(dladdr, COLOC_OLD())
COLOC_COMPAT(dlclose, COLOC_OLD())
COLOC_COMPAT(dlerror, COLOC_OLD())
COLOC_COMPAT(dlopen, COLOC_OLD())
COLOC_COMPAT(dlsym, COLOC_OLD())
COLOC_COMPAT(pthread_attr_getstack, COLOC_OLD())
COLOC_COMPAT(pthread_attr_setstacksize, COLOC_OLD())
COLOC_COMPAT(pthread_condattr_setclock, COLOC_V("GLIBC_2.3.3", "GLIBC_2.17"))
COLOC_COMPAT(pthread_create, COLOC_OLD())
COLOC_COMPAT(pthread_join, COLOC_OLD())
COLOC_COMPAT(pthread_key_create, COLOC_OLD())
COLOC_COMPAT(pthread_kill, COLOC_OLD())
COLOC_COMPAT(pthread_mutex_trylock, COLOC_OLD())
COLOC_COMPAT(pthread_mutexattr_destroy, COLOC_OLD())
COLOC_COMPAT(pthread_mutexattr_init, COLOC_OLD())
COLOC_COMPAT(pthread_mutexattr_settype, COLOC_OLD())
COLOC_COMPAT(pthread_rwlock_rdlock, COLOC_OLD())
COLOC_COMPAT(pthread_rwlock_unlock, COLOC_OLD())
COLOC_COMPAT(pthread_rwlock_wrlock, COLOC_OLD())
COLOC_COMPAT(pthread_setname_np, COLOC_V("GLIBC_2.12", "GLIBC_2.17"))
COLOC_COMPAT(pthread_setspecific, COLOC_OLD())
COLOC_COMPAT(pthread_once, COLOC_OLD())

/* stat64(path, buf) == __xstat64(_STAT_VER, path, buf), and so on; buf is struct stat64 either way. */
__asm__(".symver __coloc_xstat64, __xstat64@" COLOC_OLD());
__asm__(".symver __coloc_fxstat64, __fxstat64@" COLOC_OLD());
__asm__(".symver __coloc_lxstat64, __lxstat64@" COLOC_OLD());
extern int __coloc_xstat64(int ver, const char *path, void *buf);
extern int __coloc_fxstat64(int ver, int fd, void *buf);
extern int __coloc_lxstat64(int ver, const char *path, void *buf);

__attribute__((visibility("hidden"))) int __wrap_stat64(const char *path, void *buf)
{
    return __coloc_xstat64(COLOC_STAT_VER, path, buf);
}

__attribute__((visibility("hidden"))) int __wrap_fstat64(int fd, void *buf)
{
    return __coloc_fxstat64(COLOC_STAT_VER, fd, buf);
}

__attribute__((visibility("hidden"))) int __wrap_lstat64(const char *path, void *buf)
{
    return __coloc_lxstat64(COLOC_STAT_VER, path, buf);
}
