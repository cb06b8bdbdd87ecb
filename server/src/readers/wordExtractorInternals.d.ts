// The two modules of word-extractor's own that docExtractor.ts builds on (its package types only its public class).
declare module 'word-extractor/lib/buffer-reader' {
  class BufferReader {
    constructor(buffer: Buffer);
    open(): Promise<void>;
    close(): Promise<void>;
  }
  export = BufferReader;
}
declare module 'word-extractor/lib/word-ole-extractor' {
  const WordOleExtractor: unknown;
  export = WordOleExtractor;
}
