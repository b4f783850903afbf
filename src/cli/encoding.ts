// Reading a document's bytes as text and writing fixed text back in the same encoding. The core
// works on strings; this is where bytes become text, so it is where nothing may be lost: a file
// that cannot be written back byte for byte outside the fixed span is never written.

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

/** A document read as text. */
export interface DecodedText {
  kind: 'text';
  /** The text without its byte order mark: what the analysis reads (an editor strips it too). */
  text: string;
  encoding: TextEncodingName;
  byteOrderMark: boolean;
  /**
   * Why --fix must leave the file alone (the text is a lossy reading: bytes that are not valid in
   * the encoding became U+FFFD), or undefined when writing it back reproduces the file exactly.
   */
  notWritable?: string;
}

/** A file that is not text at all (NUL bytes without a UTF-16 byte order mark). */
export interface BinaryContent {
  kind: 'binary';
  reason: string;
}

export type DecodedDocument = DecodedText | BinaryContent;

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** Git's test for binary content: a NUL byte in the first 8,000 bytes. */
const BINARY_PROBE_BYTES = 8000;

export function decodeDocument(bytes: Uint8Array): DecodedDocument {
  if (startsWith(bytes, UTF8_BOM)) return decodeWith(bytes, 'utf-8', 3);
  if (startsWith(bytes, [0xff, 0xfe])) return decodeWith(bytes, 'utf-16le', 2);
  if (startsWith(bytes, [0xfe, 0xff])) return decodeWith(bytes, 'utf-16be', 2);
  if (bytes.subarray(0, BINARY_PROBE_BYTES).includes(0))
    return { kind: 'binary', reason: 'binary content (NUL bytes), not a Markdown text' };
  return decodeWith(bytes, 'utf-8', 0);
}

function decodeWith(bytes: Uint8Array, encoding: TextEncodingName, bomLength: number): DecodedText {
  const body = bytes.subarray(bomLength);
  const decoded: DecodedText = {
    kind: 'text',
    text: new TextDecoder(encoding, { ignoreBOM: true }).decode(body),
    encoding,
    byteOrderMark: bomLength > 0,
  };
  const invalid = firstInvalidByte(body, encoding);
  if (invalid !== undefined) {
    const what = encoding === 'utf-8' ? 'not valid UTF-8' : `not valid ${encoding === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE'}`;
    decoded.notWritable = `${what} (byte ${bomLength + invalid}); read with replacement characters`;
  } else if (!sameBytes(encodeDocument(decoded.text, decoded), bytes)) {
    decoded.notWritable = `its ${encoding} bytes do not survive a round trip`;
  }
  return decoded;
}

/** `text` in the encoding (and with the byte order mark) the document was read with. */
export function encodeDocument(text: string, like: Pick<DecodedText, 'encoding' | 'byteOrderMark'>): Uint8Array {
  const bom = like.byteOrderMark ? '\ufeff' : '';
  if (like.encoding === 'utf-8') return new TextEncoder().encode(bom + text);
  const units = bom + text;
  const bytes = new Uint8Array(units.length * 2);
  const [high, low] = like.encoding === 'utf-16le' ? [1, 0] : [0, 1];
  for (let i = 0; i < units.length; i++) {
    const unit = units.charCodeAt(i);
    bytes[2 * i + low] = unit & 0xff;
    bytes[2 * i + high] = unit >> 8;
  }
  return bytes;
}

/** Offset of the first byte that makes `bytes` invalid in `encoding`, or undefined when it is valid. */
function firstInvalidByte(bytes: Uint8Array, encoding: TextEncodingName): number | undefined {
  try {
    new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
    return undefined;
  } catch {
    // Rare (the file is broken): find the spot by decoding ever longer prefixes, halving the range.
    let valid = 0;
    let invalid = bytes.length;
    const step = encoding === 'utf-8' ? 1 : 2;
    while (invalid - valid > step) {
      const middle = valid + Math.floor((invalid - valid) / 2 / step) * step;
      if (decodesWithoutError(bytes.subarray(0, middle), encoding)) valid = middle;
      else invalid = middle;
    }
    return valid;
  }
}

function decodesWithoutError(bytes: Uint8Array, encoding: TextEncodingName): boolean {
  try {
    // stream: a prefix may end inside a character; only a real error counts.
    new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
