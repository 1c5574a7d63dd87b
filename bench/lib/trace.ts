// Long-task attribution from a Chromium trace. The page's own APIs cannot tell whose code made a
// task long: Long Animation Frames leave extension scripts out, and a content script's
// MutationObserver callback runs inside the page's task. The trace can: every main-thread task
// (RunTask) carries its nested script calls with the URL of the script they belong to.
import type { CDPSession } from 'playwright-core';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of the event: wall time minus the time the thread was not running. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; functionName?: string } };
}

export interface TaskAttribution {
  /** Task duration, wall clock, ms. */
  wallMs: number;
  /** Task duration, thread CPU time, ms. */
  duration: number;
  /**
   * CPU time in calls into scripts of `origin` within the task (outermost calls only), ms. CPU
   * time, not wall: on a shared 2-core machine a thread is often descheduled in the middle of a
   * call, and that wait is nobody's code.
   */
  extensionMs: number;
  /** The extension's entry points in the task (event name and function), longest first. */
  extensionCalls: { call: string; ms: number }[];
}

const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
].join(',');

export async function startTrace(cdp: CDPSession): Promise<void> {
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: {
      includedCategories: CATEGORIES.split(','),
      recordMode: 'recordAsMuchAsPossible',
    },
  });
}

export async function stopTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const done = new Promise<string>((ok) =>
    cdp.once('Tracing.tracingComplete', (event: { stream?: string }) => ok(event.stream ?? '')),
  );
  await cdp.send('Tracing.end');
  const stream = await done;
  let text = '';
  for (;;) {
    const chunk = (await cdp.send('IO.read', { handle: stream })) as {
      data: string;
      eof: boolean;
      base64Encoded?: boolean;
    };
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const parsed = JSON.parse(text) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
}

const SCRIPT_EVENTS = new Set(['FunctionCall', 'EvaluateScript', 'V8.Execute', 'v8.callFunction']);

const cpu = (event: TraceEvent) => event.tdur ?? event.dur ?? 0;

/**
 * Main-thread tasks of the renderers of the trace that took at least `minMs` of CPU time, each
 * with the CPU time spent in scripts whose URL starts with `origin`.
 */
export function attributeLongTasks(
  events: TraceEvent[],
  origin: string,
  minMs = 50,
): TaskAttribution[] {
  const mainThreads = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const byThread = new Map<string, TraceEvent[]>();
  for (const event of events) {
    if (event.ph !== 'X' || event.dur === undefined) continue;
    const thread = `${event.pid}:${event.tid}`;
    if (!mainThreads.has(thread)) continue;
    let list = byThread.get(thread);
    if (!list) byThread.set(thread, (list = []));
    list.push(event);
  }
  const tasks: TaskAttribution[] = [];
  for (const list of byThread.values()) {
    list.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    const longTasks = list.filter((e) => e.name === 'RunTask' && cpu(e) >= minMs * 1000);
    for (const task of longTasks) {
      const end = task.ts + task.dur!;
      let extensionUs = 0;
      const calls = new Map<string, number>();
      let coveredUntil = 0; // outermost calls only: nested calls are inside their parent's time
      for (const event of list) {
        if (event.ts < task.ts) continue;
        if (event.ts >= end) break;
        if (!SCRIPT_EVENTS.has(event.name) || event.ts < coveredUntil) continue;
        const url = event.args?.data?.url ?? '';
        if (!url) continue;
        coveredUntil = event.ts + event.dur!;
        if (url.startsWith(origin)) {
          extensionUs += cpu(event);
          const call = `${event.name} ${event.args?.data?.functionName || '(anonymous)'}`;
          calls.set(call, (calls.get(call) ?? 0) + cpu(event) / 1000);
        }
      }
      tasks.push({
        wallMs: task.dur! / 1000,
        duration: cpu(task) / 1000,
        extensionMs: extensionUs / 1000,
        extensionCalls: [...calls]
          .map(([call, ms]) => ({ call, ms }))
          .sort((a, b) => b.ms - a.ms)
          .slice(0, 3),
      });
    }
  }
  return tasks;
}

/**
 * Total CPU time in calls into scripts of `origin` across the whole trace (every main thread),
 * outermost calls only, ms.
 */
export function extensionScriptTime(events: TraceEvent[], origin: string): number {
  const byThread = new Map<string, TraceEvent[]>();
  for (const event of events) {
    if (event.ph !== 'X' || event.dur === undefined || !SCRIPT_EVENTS.has(event.name)) continue;
    if (!(event.args?.data?.url ?? '').startsWith(origin)) continue;
    const thread = `${event.pid}:${event.tid}`;
    let list = byThread.get(thread);
    if (!list) byThread.set(thread, (list = []));
    list.push(event);
  }
  let total = 0;
  for (const list of byThread.values()) {
    list.sort((a, b) => a.ts - b.ts);
    let coveredUntil = 0;
    for (const event of list) {
      if (event.ts < coveredUntil) continue;
      coveredUntil = event.ts + event.dur!;
      total += cpu(event);
    }
  }
  return total / 1000;
}

export interface RenderWork {
  /** Every main-thread task (RunTask), CPU time, ms. */
  taskMs: number;
  /** Style recalculation (UpdateLayoutTree), ms. */
  styleMs: number;
  layoutMs: number;
  prePaintMs: number;
  paintMs: number;
}

const RENDER_EVENTS: Record<string, keyof RenderWork> = {
  RunTask: 'taskMs',
  UpdateLayoutTree: 'styleMs',
  RecalculateStyles: 'styleMs',
  Layout: 'layoutMs',
  PrePaint: 'prePaintMs',
  Paint: 'paintMs',
};

/**
 * CPU time of the renderers' main threads by kind of work, over the whole trace (outermost
 * events of each kind only, so nested ones are not counted twice).
 */
export function renderWork(events: TraceEvent[]): RenderWork {
  const mainThreads = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const work: RenderWork = { taskMs: 0, styleMs: 0, layoutMs: 0, prePaintMs: 0, paintMs: 0 };
  const coveredUntil = new Map<string, number>();
  const sorted = events
    .filter((e) => e.ph === 'X' && e.dur !== undefined && e.name in RENDER_EVENTS)
    .filter((e) => mainThreads.has(`${e.pid}:${e.tid}`))
    .sort((a, b) => a.ts - b.ts);
  for (const event of sorted) {
    const kind = RENDER_EVENTS[event.name]!;
    const key = `${event.pid}:${event.tid}:${kind}`;
    if (event.ts < (coveredUntil.get(key) ?? 0)) continue;
    coveredUntil.set(key, event.ts + event.dur!);
    work[kind] += cpu(event) / 1000;
  }
  return work;
}
