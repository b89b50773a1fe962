/**
 * `source` with its first item already asked for: work that would otherwise wait for the first
 * pull (speech detection, while a model loads) starts now. Items come in order, as from `source`.
 */
export function startEarly<T>(source: AsyncIterable<T>): AsyncIterable<T> {
  const iterator = source[Symbol.asyncIterator]();
  const first = iterator.next();
  first.catch(() => undefined); // a failure is thrown where the first item is awaited, not as unhandled
  return (async function* () {
    for (let result = await first; !result.done; result = await iterator.next()) yield result.value;
  })();
}
