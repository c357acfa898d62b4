// Spindle shim for the Verilated model V@TOP@: the C entry points the Java FFM binding calls.
// Generated from dev/spindle/sim/verilator/shim.cpp; its text is part of the model's cache key.
#include "V@TOP@.h"
#include "verilated.h"
#if VM_TRACE
#include "verilated_fst_c.h"
#endif
#include <cstdint>
#include <cstdio>

namespace {
struct Model {
    VerilatedContext* ctx;
    V@TOP@* top;
#if VM_TRACE
    VerilatedFstC* fst;
#endif
    uint64_t time;  // waveform time; one clock period is two half periods of SPINDLE_HALF ticks
};
constexpr uint64_t SPINDLE_HALF = 5;
}  // namespace

// The runtime is compiled with VL_USER_FINISH/VL_USER_STOP: the defaults call exit() or abort(),
// which would take the JVM down. Here they only flag the context; Java polls spindle_finished().
// They print to stderr: a test runner may use the JVM's stdout as its channel.
void vl_finish(const char* file, int line, const char*) {
    std::fprintf(stderr, "- %s:%d: Verilog $finish\n", file, line);
    Verilated::threadContextp()->gotFinish(true);
}
void vl_stop(const char* file, int line, const char*) {
    std::fprintf(stderr, "%%Error: %s:%d: Verilog $stop\n", file, line);
    Verilated::threadContextp()->gotError(true);
    Verilated::threadContextp()->gotFinish(true);
}

extern "C" {

int spindle_port_count() { return @PORT_COUNT@; }

void* spindle_create() {
    Model* m = new Model();
    m->ctx = new VerilatedContext();
#if VM_TRACE
    m->ctx->traceEverOn(true);  // must precede the model's construction to allow waves later
#endif
    m->top = new V@TOP@(m->ctx, "TOP");
    // Settle with every input 0: initial blocks run now, and the first rise of a clock is an edge.
    m->top->eval();
    return m;
}

// Storage address of every port, in the order of the Java PortSpec list.
void spindle_ports(Model* m, void** out) {
    V@TOP@* top = m->top;
@PORT_ADDRESSES@
}

void spindle_eval(Model* m) { m->top->eval(); }

// n clock periods on the 8-bit storage of a 1-bit input: rise, eval, fall, eval.
void spindle_cycle(Model* m, uint8_t* clk, uint64_t n) {
    V@TOP@* top = m->top;
#if VM_TRACE
    if (m->fst) {
        for (uint64_t i = 0; i < n; i++) {
            *clk = 1; top->eval(); m->fst->dump(m->time); m->time += SPINDLE_HALF;
            *clk = 0; top->eval(); m->fst->dump(m->time); m->time += SPINDLE_HALF;
        }
        return;
    }
#endif
    for (uint64_t i = 0; i < n; i++) {
        *clk = 1; top->eval();
        *clk = 0; top->eval();
    }
    m->time += 2 * SPINDLE_HALF * n;
}

// Records the state at the current time (when tracing), then moves time on: for clocks driven from Java.
void spindle_advance(Model* m, uint64_t ticks) {
#if VM_TRACE
    if (m->fst) m->fst->dump(m->time);
#endif
    m->time += ticks;
}

uint64_t spindle_time(Model* m) { return m->time; }

int spindle_finished(Model* m) { return m->ctx->gotFinish() ? 1 : 0; }

// 0: open; -1: built without tracing; -2: already open.
int spindle_trace_open(Model* m, const char* path) {
#if VM_TRACE
    if (m->fst) return -2;
    m->fst = new VerilatedFstC();
    m->top->trace(m->fst, 99);
    m->fst->open(path);
    return 0;
#else
    (void)m; (void)path;
    return -1;
#endif
}

void spindle_trace_close(Model* m) {
#if VM_TRACE
    if (m->fst) {
        m->fst->close();
        delete m->fst;
        m->fst = nullptr;
    }
#else
    (void)m;
#endif
}

void spindle_destroy(Model* m) {
    m->top->final();
    spindle_trace_close(m);
    delete m->top;
    delete m->ctx;
    delete m;
}

}  // extern "C"
