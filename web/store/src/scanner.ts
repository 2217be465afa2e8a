import { useEffect, useRef } from 'react';

/**
 * Keys typed outside a text field have nothing else to do: whatever is typed there, then Enter, is a code (a
 * keyboard-wedge scanner types a whole code in a few milliseconds; a person typing a SKU works too). A pause longer
 * than this starts a new code, so stray keys do not stick to the next scan.
 */
const MAX_GAP_MS = 1_000;
const MIN_LENGTH = 3;

/**
 * Calls `onScan` with each code a keyboard-wedge scanner types anywhere on the screen (keystrokes ending in Enter). While a text field has the focus the field gets the keys (and its own Enter), so that typing a code by
 * hand and scanning into the field do the same thing.
 */
export function useScanner(onScan: (code: string) => void, enabled = true): void {
  const handler = useRef(onScan);
  handler.current = onScan;
  useEffect(() => {
    if (!enabled) return;
    let buffer = '';
    let last = 0;
    const onKey = (event: KeyboardEvent) => {
      if (isTextField(event.target)) return;
      const now = performance.now();
      if (now - last > MAX_GAP_MS) buffer = '';
      last = now;
      if (event.key === 'Enter') {
        if (buffer.length >= MIN_LENGTH) {
          event.preventDefault();
          handler.current(buffer);
        }
        buffer = '';
      } else if (event.key.length === 1 && event.key !== ' ' && !event.ctrlKey && !event.metaKey && !event.altKey) buffer += event.key;
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [enabled]);
}

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLTextAreaElement || target.isContentEditable) return true;
  return target instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'submit'].includes(target.type);
}

/** A short tone for a refused scan (Web Audio: no file to load). */
export function buzz(): void {
  try {
    const audio = new AudioContext();
    const tone = audio.createOscillator();
    tone.type = 'square';
    tone.frequency.value = 220;
    tone.connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.25);
    tone.onended = () => audio.close();
  } catch {
    // No sound on this device: the message on screen says it.
  }
}
