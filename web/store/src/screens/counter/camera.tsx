import { useEffect, useRef, useState } from 'react';
import { useWords } from '../../i18n/index.tsx';
import { words } from './words.ts';

type Scanner = { start(): Promise<void>; stop(): void; destroy(): void };

/**
 * Reads a QR code with the device's camera. The library (qr-scanner, ~50 KB) is loaded only when the associate presses
 * the button, never with the screen. No camera, or access refused, is said in words.
 */
export function CameraScan({ onScan }: { onScan: (code: string) => void }) {
  const t = useWords(words);
  const [on, setOn] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <div className="stack counter-camera">
      <button type="button" onClick={() => (setProblem(null), setOn(!on))} aria-pressed={on}>
        {on ? t.cameraStop : t.camera}
      </button>
      {on && (
        <CameraView
          onScan={(code) => {
            setOn(false);
            onScan(code);
          }}
          onProblem={(message) => {
            setOn(false);
            setProblem(message);
          }}
        />
      )}
      {problem && (
        <p role="alert" className="notice-bad">
          {problem}
        </p>
      )}
    </div>
  );
}

function CameraView({ onScan, onProblem }: { onScan: (code: string) => void; onProblem: (message: string) => void }) {
  const t = useWords(words);
  const video = useRef<HTMLVideoElement>(null);
  const handlers = useRef({ onScan, onProblem });
  handlers.current = { onScan, onProblem };
  useEffect(() => {
    let scanner: Scanner | null = null;
    let stopped = false;
    (async () => {
      try {
        const { default: QrScanner } = await import('qr-scanner');
        if (stopped) return;
        if (!navigator.mediaDevices?.getUserMedia || !(await QrScanner.hasCamera())) return handlers.current.onProblem(t.noCamera);
        if (stopped || !video.current) return;
        const reader = new QrScanner(video.current, (result) => handlers.current.onScan(result.data), {
          returnDetailedScanResult: true,
          preferredCamera: 'environment',
          maxScansPerSecond: 10,
        });
        scanner = reader;
        await reader.start();
      } catch (error) {
        if (stopped) return;
        const name = error instanceof Error ? error.name : String(error);
        if (/NotAllowed|Permission|denied/i.test(name) || /denied|not allowed/i.test(String(error))) handlers.current.onProblem(t.cameraDenied);
        else if (/NotFound|Overconstrained|not found|no camera/i.test(`${name} ${String(error)}`)) handlers.current.onProblem(t.noCamera);
        else handlers.current.onProblem(`${t.cameraFailed} ${error instanceof Error ? error.message : String(error)}`);
      }
    })();
    return () => {
      stopped = true;
      scanner?.stop();
      scanner?.destroy();
    };
  }, [t]);
  return <video ref={video} className="counter-video" aria-label={t.cameraView} muted playsInline />;
}
