import { SAMPLE_RATE, type SampleSource } from '../../core/media/samples.ts';
import type { SpeakerCount } from '../../core/speakers/cluster-voices.ts';
import { SpeakerDetector } from '../../core/speakers/speaker-detector.ts';
import type { SpeakerTurn } from '../../core/speakers/speaker-turns.ts';
import type { SpeechWindow } from '../../core/transcribe/speech-windows.ts';

/**
 * Speaker detection riding along a file transcription: each window's pieces of speech are heard
 * while their samples are still kept (a stream keeps only the windows being decoded), so detection
 * costs no second read of the media and keeps only the voice prints.
 */
export class SpeakerListener {
  readonly #detector = new SpeakerDetector();
  readonly #samples: SampleSource;
  /** Time spent on detection so far. */
  ms = 0;

  constructor(samples: SampleSource) {
    this.#samples = samples;
  }

  hear(window: SpeechWindow): void {
    const started = performance.now();
    for (const piece of window.pieces) {
      this.#detector.add(this.#samples.subarray(Math.round(piece.start * SAMPLE_RATE), Math.round(piece.end * SAMPLE_RATE)), piece.start);
    }
    this.ms += performance.now() - started;
  }

  turns(count: SpeakerCount): SpeakerTurn[] {
    const started = performance.now();
    const turns = this.#detector.turns(count);
    this.ms += performance.now() - started;
    return turns;
  }
}
