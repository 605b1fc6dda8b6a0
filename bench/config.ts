/** Every figure is the median of this many runs. */
export const RUNS = 5
/** Operator messages timed one by one from the page's POST to their paint in the widget. */
export const EVENTS = 60
/** The long conversation opened and scrolled. */
export const LONG_CONVERSATION = 5_000
/** Messages pushed into an open widget before its JS heap is read. */
export const HEAP_MESSAGES = 1_000
/** Concurrent event streams on one conversation, for the server fan-out. */
export const STREAMS = 500
/** Messages posted one at a time (each waits for all streams) for the unloaded delivery latency. */
export const FANOUT_PACED = 40
/** Messages posted at once (with FANOUT_CONCURRENCY in flight) for throughput. */
export const FANOUT_BURST = 200
export const FANOUT_CONCURRENCY = 16
/** How long the host page is watched after the launcher paints, for long tasks and layout shifts. */
export const SETTLE_MS = 1_000
/** A frame longer than this is counted as slow while scrolling (one 60 Hz frame). */
export const FRAME_BUDGET_MS = 16.7
export const WIDGET_KEY = 'wk_demo'
export const OPERATOR_TOKEN = 'op_demo'
