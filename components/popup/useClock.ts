// The current time for the popup's words ("in 2 days", "today"), moved on once a minute.
import { useEffect, useState } from 'preact/hooks';

const CLOCK_TICK_MS = 60_000;

export function useClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const clock = setInterval(() => setNow(Date.now()), CLOCK_TICK_MS);
    return () => clearInterval(clock);
  }, []);
  return now;
}
