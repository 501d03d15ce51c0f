/**
 * How long a test waits on a bot process, a parse worker or the loopback Discord before calling it
 * hung. Not a speed check: every such wait ends on an event (identify, reply, exit), and beside a
 * CPU-heavy process a bot start, whose parse workers run at a low priority, takes tens of seconds.
 */
export const HUNG_MS = 150_000;
