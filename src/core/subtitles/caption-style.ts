/** How captions look when they are drawn into the picture or styled in ASS. */
export interface CaptionStyle {
  readonly font: CaptionFont;
  /** Text size as a percentage of the video's height. */
  readonly sizePercent: number;
  /** Text colour, `#rrggbb`. */
  readonly colour: string;
  /** The spoken word's colour when `karaoke` is on, `#rrggbb`. */
  readonly highlight: string;
  /** An outline around the letters, or a box behind the lines. */
  readonly backing: 'outline' | 'box';
  /** The outline's or box's colour, `#rrggbb`. */
  readonly backingColour: string;
  readonly position: 'bottom' | 'middle' | 'top';
  /** How wide a line may be, as a percentage of the video's width. */
  readonly maxWidthPercent: number;
  /** Light each word at its time (words are timed). */
  readonly karaoke: boolean;
}

export type CaptionFont = 'sans-serif' | 'serif' | 'monospace';

export const DEFAULT_CAPTION_STYLE: CaptionStyle = Object.freeze({
  font: 'sans-serif',
  sizePercent: 7,
  colour: '#ffffff',
  highlight: '#ffd400',
  backing: 'outline',
  backingColour: '#000000',
  position: 'bottom',
  maxWidthPercent: 84,
  karaoke: false,
});

/** Distance of the lines from the top or bottom edge, as a fraction of the height. */
export const EDGE_MARGIN = 0.05;

/** A style's values kept in range, whatever a form or a stored record says. */
export function captionStyle(partial: Partial<CaptionStyle>): CaptionStyle {
  const merged = { ...DEFAULT_CAPTION_STYLE, ...partial };
  const colour = (value: string, fallback: string): string => (/^#[0-9a-f]{6}$/i.test(value) ? value.toLowerCase() : fallback);
  return Object.freeze({
    ...merged,
    sizePercent: Math.min(20, Math.max(2, merged.sizePercent)),
    maxWidthPercent: Math.min(100, Math.max(30, merged.maxWidthPercent)),
    colour: colour(merged.colour, DEFAULT_CAPTION_STYLE.colour),
    highlight: colour(merged.highlight, DEFAULT_CAPTION_STYLE.highlight),
    backingColour: colour(merged.backingColour, DEFAULT_CAPTION_STYLE.backingColour),
  });
}
