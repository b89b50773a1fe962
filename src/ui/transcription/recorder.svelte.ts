/** Records from the microphone with MediaRecorder; the result is transcribed like a picked file. */
export class Recorder {
  readonly #media: Pick<MediaDevices, 'getUserMedia'> | undefined;
  #recorder: MediaRecorder | null = null;
  #chunks: Blob[] = [];
  recording = $state(false);
  error = $state<string | null>(null);

  constructor(media: Pick<MediaDevices, 'getUserMedia'> | undefined) {
    this.#media = media;
  }

  async start(): Promise<void> {
    this.error = null;
    if (!this.#media) return void (this.error = 'This browser cannot record audio here (it needs a secure page).');
    let stream: MediaStream;
    try {
      stream = await this.#media.getUserMedia({ audio: true });
    } catch {
      return void (this.error = 'The microphone is not available: allow access to it in the browser, or pick a file instead.');
    }
    this.#chunks = [];
    this.#recorder = new MediaRecorder(stream);
    this.#recorder.ondataavailable = (event) => this.#chunks.push(event.data);
    this.#recorder.start(250);
    this.recording = true;
  }

  /** Stops and returns the recording as a file, or null when nothing was recorded. */
  stop(): Promise<File | null> {
    const recorder = this.#recorder;
    if (!recorder) return Promise.resolve(null);
    return new Promise((resolve) => {
      recorder.onstop = () => {
        recorder.stream.getTracks().forEach((track) => track.stop());
        this.recording = false;
        this.#recorder = null;
        const type = recorder.mimeType || 'audio/webm';
        resolve(this.#chunks.length ? new File(this.#chunks, `recording-${new Date().toISOString().slice(0, 19).replace(/:/g, '-')}.webm`, { type }) : null);
      };
      recorder.stop();
    });
  }
}
