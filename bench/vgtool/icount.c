/*
 * capheap bench: "icount", a minimal Valgrind tool that counts guest
 * instructions exactly and lets the program read the running count with a
 * client request (bench/icount.h). The benchmark reads it right before and
 * right after each allocator call, which gives an exact per-call
 * distribution at a few times native speed (single-stepping costs ~19 us per
 * instruction on this VM).
 *
 * Instrumentation: every guest instruction starts with an IMark statement.
 * IMarks are tallied while walking a superblock and the tally is added to a
 * 64-bit counter in memory before every side exit and at the end of the
 * block, so an instruction is counted once it starts executing, whichever
 * way control leaves the block. A rep-prefixed instruction counts once per
 * iteration (as with the trap flag and with callgrind).
 */
#include "pub_tool_basics.h"
#include "pub_tool_tooliface.h"
#include "pub_tool_machine.h"
#include "valgrind.h"

#define ICOUNT_REQ_READ VG_USERREQ_TOOL_BASE('C', 'H')

static ULong guest_instructions;

static void add_count(IRSB *sb, ULong n)
{
    IRTemp old = newIRTemp(sb->tyenv, Ity_I64);
    IRTemp sum = newIRTemp(sb->tyenv, Ity_I64);
    IRExpr *addr = mkIRExpr_HWord((HWord)&guest_instructions);

    addStmtToIRSB(sb, IRStmt_WrTmp(old, IRExpr_Load(Iend_LE, Ity_I64, addr)));
    addStmtToIRSB(sb, IRStmt_WrTmp(sum, IRExpr_Binop(Iop_Add64, IRExpr_RdTmp(old),
                                                     IRExpr_Const(IRConst_U64(n)))));
    addStmtToIRSB(sb, IRStmt_Store(Iend_LE, mkIRExpr_HWord((HWord)&guest_instructions),
                                   IRExpr_RdTmp(sum)));
}

static IRSB *ic_instrument(VgCallbackClosure *closure, IRSB *in,
                           const VexGuestLayout *layout, const VexGuestExtents *vge,
                           const VexArchInfo *archinfo_host, IRType gw, IRType hw)
{
    (void)closure; (void)layout; (void)vge; (void)archinfo_host; (void)gw; (void)hw;
    IRSB *out = deepCopyIRSBExceptStmts(in);
    ULong pending = 0;

    for (Int i = 0; i < in->stmts_used; i++) {
        IRStmt *st = in->stmts[i];
        if (st == NULL)
            continue;
        if (st->tag == Ist_IMark)
            pending++;
        else if (st->tag == Ist_Exit && pending) {
            add_count(out, pending);
            pending = 0;
        }
        addStmtToIRSB(out, st);
    }
    if (pending)
        add_count(out, pending);
    return out;
}

static Bool ic_client_request(ThreadId tid, UWord *args, UWord *ret)
{
    (void)tid;
    if (args[0] != ICOUNT_REQ_READ)
        return False;
    *ret = (UWord)guest_instructions;
    return True;
}

static void ic_post_clo_init(void) {}
static void ic_fini(Int exitcode) { (void)exitcode; }

static void ic_pre_clo_init(void)
{
    VG_(details_name)("icount");
    VG_(details_version)("1");
    VG_(details_description)("exact guest instruction counter for capheap bench");
    VG_(details_copyright_author)("capheap authors");
    VG_(details_bug_reports_to)("capheap issue tracker");
    VG_(details_avg_translation_sizeB)(200);
    VG_(basic_tool_funcs)(ic_post_clo_init, ic_instrument, ic_fini);
    VG_(needs_client_requests)(ic_client_request);
}

VG_DETERMINE_INTERFACE_VERSION(ic_pre_clo_init)
