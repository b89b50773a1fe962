/**
 * The pace of a stream from the media reader to the transcriber, in one place because they must
 * agree: windows settle within MAX_OPEN_SECONDS + SETTLE_SECONDS of audio past `keepFrom`, heard in
 * VAD steps, so the reader must be allowed further ahead than that or the stream stops for good.
 */

/** The reader sends chunks of about this many seconds: fewer, larger messages between workers. */
export const CHUNK_SECONDS = 1;

/** Audio Silero reads between two looks for settled windows. */
export const VAD_STEP_SECONDS = 10;

/**
 * How far reading may run ahead of what the transcriber still holds: enough that Whisper never
 * waits for audio (reading is many times faster than transcribing), little enough that an hour of
 * media never sits decoded in memory (2 min of 16 kHz mono is 7.7 MB).
 */
export const READ_AHEAD_SECONDS = 120;

/** Whether the reader, having read `readSeconds`, may read on while the transcriber keeps audio from `keepFrom`. */
export function mayReadOn(readSeconds: number, keepFrom: number): boolean {
  return readSeconds - keepFrom <= READ_AHEAD_SECONDS;
}
