package dev.spindle.hdl.ir;

/**
 * Where a name came from; a stronger one (later in this list) replaces a weaker one. The manifest reports it as
 * each declaration's origin ({@code local}, {@code area}, {@code field}, {@code named}, {@code derived};
 * {@code temporary} for a name the emitter made up).
 */
public enum NameSource {
    /** No name: the emitter gives a temporary one. */
    NONE,
    /**
     * Built only to go into a call whose result a local variable holds: that name with {@code _in}
     * ({@code prod_in} for the inner register of {@code prod = r(r(x))}). Reported as {@code derived}.
     */
    INPUT,
    /** A local variable inside library code ({@code dev.spindle.lib}): used when nothing better names it. */
    LIBRARY_LOCAL,
    /** Derived by library code from the value it came from ({@code io_input_rValid}). */
    DERIVED,
    /** The user's local variable that received it. */
    LOCAL,
    /** A local variable inside {@code area("name", ...)}, prefixed with the area's name. */
    AREA,
    /** The field (or array or list element, or record component) of the component that holds it. */
    FIELD,
    /** Given with {@code .named("x")}. */
    EXPLICIT;

    /** The origin word of the manifest. */
    public String origin() {
        return switch (this) {
            case NONE -> "temporary";
            case LIBRARY_LOCAL, LOCAL -> "local";
            case INPUT, DERIVED -> "derived";
            case AREA -> "area";
            case FIELD -> "field";
            case EXPLICIT -> "named";
        };
    }
}
