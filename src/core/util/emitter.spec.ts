import { describe, expect, it } from 'vitest';
import { Emitter } from './emitter.ts';

describe('Emitter', () => {
  it('tells every listener, and on() returns what removes only that one', () => {
    const events = new Emitter<{ ended: number }>();
    const heard: string[] = [];
    const offA = events.on('ended', (n) => heard.push(`a${n}`));
    events.on('ended', (n) => heard.push(`b${n}`));
    events.emit('ended', 1);
    offA();
    events.emit('ended', 2);
    expect(heard).toEqual(['a1', 'b1', 'b2']);
  });

  it('once() hears one event', () => {
    const events = new Emitter<{ ready: void }>();
    let count = 0;
    events.once('ready', () => count++);
    events.emit('ready', undefined);
    events.emit('ready', undefined);
    expect(count).toBe(1);
  });
});
