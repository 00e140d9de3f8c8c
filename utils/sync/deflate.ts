/**
 * Raw DEFLATE through the platform's CompressionStream (Chrome ≥ 80, Firefox ≥ 113, Node ≥ 18):
 * the same code in the extension and in the unit tests, no library. Used on the text part of a
 * shard (notes, tag names) when it makes it smaller; the bit-packed part does not compress.
 */

async function run(stream: CompressionStream | DecompressionStream, bytes: Uint8Array): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  const read = async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      chunks.push(value);
    }
  };
  // Both sides at once, so that damaged input rejects both and neither rejection goes unheard.
  await Promise.all([writer.write(bytes as Uint8Array<ArrayBuffer>).then(() => writer.close()), read()]);
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Last results, by input: a device packs and reads the same shards again and again. */
const recent = new Map<string, Uint8Array>();
const RECENT = 256;

function remember(key: string, value: Uint8Array): Uint8Array {
  if (recent.size >= RECENT) recent.delete(recent.keys().next().value!);
  recent.set(key, value);
  return value;
}

const keyOf = (op: string, bytes: Uint8Array) => op + String.fromCharCode(...bytes);

export async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const key = bytes.length < 16_384 ? keyOf('d', bytes) : undefined;
  const hit = key && recent.get(key);
  if (hit) return hit.slice();
  const out = await run(new CompressionStream('deflate-raw'), bytes);
  return key ? remember(key, out).slice() : out;
}

export async function inflate(bytes: Uint8Array): Promise<Uint8Array> {
  const key = bytes.length < 16_384 ? keyOf('i', bytes) : undefined;
  const hit = key && recent.get(key);
  if (hit) return hit.slice();
  try {
    const out = await run(new DecompressionStream('deflate-raw'), bytes);
    return key ? remember(key, out).slice() : out;
  } catch (e) {
    throw new RangeError(`compressed text is damaged (${e instanceof Error ? e.message : String(e)})`);
  }
}
