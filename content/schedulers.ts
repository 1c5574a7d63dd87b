// The browser's clocks for the content script (timers, animation frames, idle callbacks), made
// injectable so unit tests and the bench drive them by hand.
import type { FrameScheduler, IdleScheduler } from './observer';

export interface Timers {
  set(callback: () => void, ms: number): number;
  clear(handle: number): void;
}

/** An idle callback waits at most this long for the page to go quiet. */
const IDLE_TIMEOUT_MS = 100;

export const browserTimers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms) as unknown as number,
  clear: (handle) => clearTimeout(handle),
};

export const browserFrames: FrameScheduler = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
};

/** requestIdleCallback where the browser has it; undefined makes jobs share the frames. */
export function browserIdle(): IdleScheduler | undefined {
  if (typeof requestIdleCallback !== 'function') return undefined;
  return {
    // The timeout keeps a busy page from starving the scan: then it runs as a task of its own anyway.
    request: (callback) =>
      requestIdleCallback((deadline) => callback(deadline.timeRemaining()), {
        timeout: IDLE_TIMEOUT_MS,
      }),
    cancel: (handle) => cancelIdleCallback(handle),
  };
}
