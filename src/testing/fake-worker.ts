/** A worker whose posted messages are recorded and whose events a spec fires. */
export class FakeWorker<Out = unknown, In = unknown> {
  readonly sent: Out[] = [];
  readonly transfers: Transferable[][] = [];
  terminated = false;
  readonly #listeners = new Map<string, ((event: never) => void)[]>();

  postMessage(message: Out, transfer: Transferable[] = []): void {
    this.sent.push(message);
    this.transfers.push(transfer);
  }

  addEventListener(type: string, listener: (event: never) => void): void {
    this.#listeners.set(type, [...(this.#listeners.get(type) ?? []), listener]);
  }

  terminate(): void {
    this.terminated = true;
  }

  fire(type: string, event: unknown): void {
    for (const listener of this.#listeners.get(type) ?? []) listener(event as never);
  }

  reply(reply: In): void {
    this.fire('message', { data: reply });
  }

  /** The last request sent. */
  get last(): Out {
    return this.sent[this.sent.length - 1];
  }
}
