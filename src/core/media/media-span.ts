/** A stretch of media time, in seconds. */
export interface MediaSpan {
  readonly from: number;
  readonly to: number;
}
