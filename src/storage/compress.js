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

