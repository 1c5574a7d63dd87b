// The options page's one polite live region: how each action went, for everyone and screen readers.
import { useCallback, useEffect, useState } from 'preact/hooks';

const MESSAGE_VISIBLE_MS = 10_000;

export function useAnnouncer(): [message: string, announce: (text: string) => void] {
  const [message, setMessage] = useState('');
  const announce = useCallback((text: string) => setMessage(text), []);
  // The toast steps aside after a while; the next outcome replaces it anyway.
  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(() => setMessage(''), MESSAGE_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [message]);
  return [message, announce];
}
