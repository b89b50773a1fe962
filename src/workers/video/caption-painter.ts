import type { VideoSample } from 'mediabunny';
import { EDGE_MARGIN, type CaptionStyle } from '../../core/subtitles/caption-style.ts';
import type { Cue } from '../../core/subtitles/cue.ts';
import { captionWords, layoutCaption, wordAt, type LaidLine } from '../../core/video/caption-layout.ts';

const LINE_HEIGHT = 1.25;

/**
 * Draws frames with a caption on one OffscreenCanvas, reused for every frame (the encoder copies
 * each frame as it takes it): the picture, then the cue's lines in the style, the spoken word lit.
 */
export class CaptionPainter {
  readonly #canvas: OffscreenCanvas;
  readonly #ctx: OffscreenCanvasRenderingContext2D;
  readonly #style: CaptionStyle;
  readonly #px: number;
  /** The frame's pixels, copied in as RGBA; null where the browser cannot convert while copying. */
  #rgba: ImageData | null;
  /** Lines of the last cue drawn: a cue is laid out once, not on each of its frames. */
  #laid: { cue: Cue; lines: LaidLine[] } | null = null;

  constructor(width: number, height: number, style: CaptionStyle) {
    this.#canvas = new OffscreenCanvas(width, height);
    const ctx = this.#canvas.getContext('2d');
    if (!ctx) throw new Error('This browser cannot draw on an OffscreenCanvas in a worker.');
    this.#ctx = ctx;
    this.#style = style;
    this.#px = Math.max(8, Math.round((style.sizePercent / 100) * height));
    this.#rgba = new ImageData(width, height);
    ctx.font = `600 ${this.#px}px ${style.font}`;
    ctx.textBaseline = 'top';
    ctx.lineJoin = 'round';
  }

  /** The frame with the cue drawn over it, at media time `t`. */
  async paint(sample: VideoSample, cue: Cue, t: number): Promise<OffscreenCanvas> {
    const { width, height } = this.#canvas;
    await this.#picture(sample);
    const lines = this.#lines(cue);
    const spoken = this.#style.karaoke ? wordAt(cue, t) : -1;
    const block = lines.length * this.#px * LINE_HEIGHT;
    const top = this.#style.position === 'top' ? height * EDGE_MARGIN : this.#style.position === 'middle' ? (height - block) / 2 : height * (1 - EDGE_MARGIN) - block;
    lines.forEach((line, i) => this.#line(line, (width - line.width) / 2, top + i * this.#px * LINE_HEIGHT, spoken));
    return this.#canvas;
  }

  /**
   * The frame onto the canvas. Copied in as RGBA where it can be: drawing each decoded frame with
   * `drawImage` made Chromium hold ~450 MiB more while the job ran (bench: burn-in).
   */
  async #picture(sample: VideoSample): Promise<void> {
    const { width, height } = this.#canvas;
    const plain = sample.rotation === 0 && !sample.flip && sample.visibleRect.width === width && sample.visibleRect.height === height;
    if (this.#rgba && plain) {
      try {
        await sample.copyTo(this.#rgba.data, { format: 'RGBA', colorSpace: 'srgb' });
        return this.#ctx.putImageData(this.#rgba, 0, 0);
      } catch {
        this.#rgba = null;
      }
    }
    sample.draw(this.#ctx, 0, 0, width, height);
  }

  #lines(cue: Cue): LaidLine[] {
    if (this.#laid?.cue !== cue) {
      const maxWidth = (this.#style.maxWidthPercent / 100) * this.#canvas.width;
      this.#laid = { cue, lines: layoutCaption(captionWords(cue), maxWidth, (text) => this.#ctx.measureText(text).width) };
    }
    return this.#laid.lines;
  }

  #line(line: LaidLine, x: number, y: number, spoken: number): void {
    const ctx = this.#ctx;
    const { backing, backingColour, colour, highlight } = this.#style;
    if (backing === 'box') {
      const pad = this.#px * 0.25;
      ctx.fillStyle = backingColour;
      ctx.fillRect(x - pad, y - pad / 2, line.width + 2 * pad, this.#px * LINE_HEIGHT);
    }
    ctx.lineWidth = Math.max(2, this.#px / 7);
    ctx.strokeStyle = backingColour;
    for (const word of line.words) {
      if (backing === 'outline') ctx.strokeText(word.text, x + word.x, y);
      ctx.fillStyle = word.index === spoken ? highlight : colour;
      ctx.fillText(word.text, x + word.x, y);
    }
  }
}
