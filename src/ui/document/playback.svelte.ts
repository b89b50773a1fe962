/** The media element the player shows, as the editor sees it: where the playhead is, and seeking. */
export interface MediaLike {
  currentTime: number;
  readonly paused: boolean;
  play(): Promise<void>;
  pause(): void;
}

/** Playback of the transcribed media: the playhead for the editor, seek and play/pause for its buttons and keys. */
export class Playback {
  #media: MediaLike | null = null;
  time = $state(0);
  playing = $state(false);

  /** New media starts where the playhead is (a search result opened before the file was there). */
  attach(media: MediaLike | null): void {
    this.#media = media;
    if (media && this.time > 0) media.currentTime = this.time;
  }

  /** Called by the element's timeupdate/play/pause events. */
  sync(): void {
    // Without media (a project opened, its file not picked yet) the playhead stays where it was put.
    if (this.#media) this.time = this.#media.currentTime;
    this.playing = this.#media ? !this.#media.paused : false;
  }

  /** Move the playhead without playing (a search result opened): the cue there becomes current. */
  seek(seconds: number): void {
    if (this.#media) this.#media.currentTime = seconds;
    this.time = seconds;
  }

  playFrom(seconds: number): void {
    if (!this.#media) return;
    this.#media.currentTime = seconds;
    this.time = seconds;
    void this.#media.play().catch(() => undefined);
  }

  toggle(): void {
    if (!this.#media) return;
    if (this.#media.paused) void this.#media.play().catch(() => undefined);
    else this.#media.pause();
  }
}
