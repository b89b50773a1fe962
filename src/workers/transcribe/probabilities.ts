/** Speech probabilities appended as they come, in one growing array. */
export class Probabilities {
  #data = new Float32Array(1 << 12);
  #length = 0;

  append(probs: Float32Array): void {
    if (this.#length + probs.length > this.#data.length) {
      const data = new Float32Array(Math.max(this.#length + probs.length, this.#data.length * 2));
      data.set(this.#data.subarray(0, this.#length));
      this.#data = data;
    }
    this.#data.set(probs, this.#length);
    this.#length += probs.length;
  }

  get all(): Float32Array {
    return this.#data.subarray(0, this.#length);
  }
}
