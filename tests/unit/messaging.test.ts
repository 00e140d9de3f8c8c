/**
 * Requests survive a worker stopped mid-way: the errors Chrome gives then are retried (every
 * request is idempotent); any other error is not.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { request, RequestError } from '../../utils/messaging';

beforeEach(() => fakeBrowser.reset());

describe('request', () => {
  it.each([
    'Could not establish connection. Receiving end does not exist.',
    'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received',
    'The message port closed before a response was received.',
  ])('sends again after “%s”', async (message) => {
    let calls = 0;
    const spy = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async () => {
      if (++calls < 3) throw new Error(message);
      return { ok: true, value: { done: calls } };
    });
    expect(await request('getStates', { ids: ['2609.00001'] })).toEqual({ done: 3 });
    spy.mockRestore();
  });

  it('gives up after a few tries, and never retries a refusal', async () => {
    let calls = 0;
    const spy = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async () => {
      calls++;
      throw new Error('The message port closed before a response was received.');
    });
    await expect(request('getStates', { ids: ['2609.00001'] })).rejects.toThrow(/port closed/);
    expect(calls).toBe(6);
    spy.mockImplementation(async () => ({ ok: false, code: 'quota', message: 'The disk is full' }));
    calls = 0;
    await expect(request('getStates', { ids: ['2609.00001'] })).rejects.toBeInstanceOf(RequestError);
    spy.mockRestore();
  });
});
