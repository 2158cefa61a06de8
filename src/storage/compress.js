// Raw DEFLATE of many texts at once, by the browser's own compressor: fast, and no
// compressor in the bundle. Null where the browser has none (the texts are then kept plain).

export async function deflateAll(texts) {
  if (typeof CompressionStream === 'undefined') return null;
  return Promise.all(
    texts.map(async (text) => {
      const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
      return new Uint8Array(await new Response(stream).arrayBuffer());
    }),
  );
}

// The inverse for stored chunks ("z1:" + base64 of raw DEFLATE), all at once and natively:
// opening a large book is mostly this. Null where the browser has no decompressor, and null
// for a chunk it cannot read, so that the app's own reader names the damage.
export async function inflateAll(values) {
  if (typeof DecompressionStream === 'undefined') return null;
  return Promise.all(
    values.map(async (value) => {
      try {
        const binary = atob(value.slice(3));
        const bytes = new Uint8Array(binary.length);
        for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
        const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
        return await new Response(stream).text();
      } catch {
        return null;
      }
    }),
  );
}
