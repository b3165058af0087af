/**
 * Short tones so the pharmacist hears the outcome of a scan without looking: a high blip for
 * success, a falling two-tone for a warning, a low buzz for an error or an unreadable scan, and
 * a low double beep for a pack code the dispensing refused. Never throws: a counter
 * without a sound card (or a browser without WebAudio) simply stays silent.
 */
export type Tone = 'success' | 'warning' | 'error' | 'refused';

const TONES: Record<Tone, Array<{ hz: number; ms: number; type: OscillatorType }>> = {
  success: [{ hz: 1320, ms: 90, type: 'sine' }],
  warning: [
    { hz: 880, ms: 110, type: 'triangle' },
    { hz: 660, ms: 140, type: 'triangle' },
  ],
  error: [
    { hz: 220, ms: 160, type: 'square' },
    { hz: 180, ms: 260, type: 'square' },
  ],
  refused: [
    { hz: 330, ms: 120, type: 'sine' },
    { hz: 330, ms: 120, type: 'sine' },
  ],
};

let ctx: AudioContext | null = null;

function audio(): AudioContext | null {
  if (ctx) return ctx;
  const Ctor =
    globalThis.AudioContext ??
    (globalThis as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!Ctor) return null;
  ctx = new Ctor();
  return ctx;
}

export function beep(tone: Tone): void {
  try {
    const ac = audio();
    if (!ac) return;
    if (ac.state === 'suspended') void ac.resume().catch(() => undefined);
    let at = ac.currentTime + 0.01;
    for (const part of TONES[tone]) {
      const osc = ac.createOscillator();
      const gain = ac.createGain();
      osc.type = part.type;
      osc.frequency.value = part.hz;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.2, at + 0.01);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + part.ms / 1000);
      osc.connect(gain).connect(ac.destination);
      osc.start(at);
      osc.stop(at + part.ms / 1000 + 0.02);
      at += part.ms / 1000 + (tone === 'refused' ? 0.08 : 0.03);
    }
  } catch {
    // no audio device or policy refused: silence is acceptable, the screen shows the outcome
  }
}
