import { open, type FileHandle } from 'node:fs/promises';
import type { VideoFacts } from '../parse/media-facts.js';

// A video's size and length are in its container's header: MP4 (and QuickTime .mov, the same
// boxes) keeps them in moov (mvhd, and each trak's tkhd and hdlr), WebM in its EBML Segment's
// Info and Tracks. Reading those few boxes takes a hundred lines and no dependency; the
// libraries that can (mp4box.js, music-metadata, mediainfo.js) are whole demuxers or a
// WebAssembly build of MediaInfo, for the two numbers a <video> tag needs. sharp reads no video.

/** The most of moov read into memory: far more than any real header (a two-hour film's is a few MB). */
const MAX_MOOV = 32 * 1024 * 1024;
/** WebM keeps Info and Tracks before the first Cluster: the file's first bytes. */
const WEBM_HEAD = 1024 * 1024;

/**
 * Width, height (as shown: a phone's portrait video is stored turned, with a matrix) and
 * duration of an MP4, MOV or WebM file. Throws when the file is none of these or has no video
 * track.
 */
export async function readVideoHeader(file: string): Promise<Omit<VideoFacts, 'kind' | 'bytes'>> {
  const handle = await open(file, 'r');
  try {
    const start = await read(handle, 0, 12);
    if (start.readUInt32BE(0) === 0x1a45dfa3) return { format: 'webm', ...webm(await read(handle, 0, WEBM_HEAD)) };
    if (['ftyp', 'moov', 'mdat', 'free', 'wide'].includes(start.toString('latin1', 4, 8))) return { format: 'mp4', ...mp4(await moovOf(handle)) };
    throw new Error('not an MP4, MOV or WebM file');
  } finally {
    await handle.close();
  }
}

async function read(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/** The moov box's contents, found by walking the top-level boxes (it may come after the media data). */
async function moovOf(handle: FileHandle): Promise<Buffer> {
  const { size: fileSize } = await handle.stat();
  let at = 0;
  while (at + 8 <= fileSize) {
    const head = await read(handle, at, 16);
    let size = head.readUInt32BE(0);
    let header = 8;
    if (size === 1) {
      size = Number(head.readBigUInt64BE(8));
      header = 16;
    } else if (size === 0) size = fileSize - at;
    if (size < header) break;
    if (head.toString('latin1', 4, 8) === 'moov') {
      if (size > MAX_MOOV) throw new Error('its header (moov) is too large');
      return read(handle, at + header, size - header);
    }
    at += size;
  }
  throw new Error('no moov box: the file is cut short or not a video');
}

/** The child boxes of a box's contents: type → contents, in order. */
function* boxes(data: Buffer): Generator<[string, Buffer]> {
  let at = 0;
  while (at + 8 <= data.length) {
    let size = data.readUInt32BE(at);
    let header = 8;
    if (size === 1 && at + 16 <= data.length) {
      size = Number(data.readBigUInt64BE(at + 8));
      header = 16;
    } else if (size === 0) size = data.length - at;
    if (size < header || at + size > data.length) return;
    yield [data.toString('latin1', at + 4, at + 8), data.subarray(at + header, at + size)];
    at += size;
  }
}

function mp4(moov: Buffer): { width: number; height: number; duration: number } {
  let duration = 0;
  for (const [type, box] of boxes(moov)) {
    if (type === 'mvhd') {
      const v1 = box[0] === 1;
      const timescale = box.readUInt32BE(v1 ? 20 : 12);
      const length = v1 ? Number(box.readBigUInt64BE(24)) : box.readUInt32BE(16);
      duration = timescale ? length / timescale : 0;
    }
  }
  for (const [type, trak] of boxes(moov)) {
    if (type !== 'trak') continue;
    let size: { width: number; height: number } | undefined;
    let handler = '';
    for (const [inner, box] of boxes(trak)) {
      if (inner === 'tkhd') size = trackSize(box);
      if (inner === 'mdia') for (const [kind, hdlr] of boxes(box)) if (kind === 'hdlr') handler = hdlr.toString('latin1', 8, 12);
    }
    if (handler === 'vide' && size && size.width && size.height) return { ...size, duration: round(duration) };
  }
  throw new Error('no video track');
}

/** tkhd's presentation size (16.16 fixed point), turned when its matrix turns the picture a quarter. */
function trackSize(tkhd: Buffer): { width: number; height: number } {
  const matrix = tkhd[0] === 1 ? 52 : 40;
  const a = tkhd.readInt32BE(matrix);
  const b = tkhd.readInt32BE(matrix + 4);
  const width = Math.round(tkhd.readUInt32BE(matrix + 36) / 65536);
  const height = Math.round(tkhd.readUInt32BE(matrix + 40) / 65536);
  return a === 0 && Math.abs(b) === 0x10000 ? { width: height, height: width } : { width, height };
}

const EBML = { segment: 0x18538067, info: 0x1549a966, timecodeScale: 0x2ad7b1, duration: 0x4489, tracks: 0x1654ae6b, trackEntry: 0xae, trackType: 0x83, video: 0xe0, pixelWidth: 0xb0, pixelHeight: 0xba, displayWidth: 0x54b0, displayHeight: 0x54ba, cluster: 0x1f43b675 };
const MASTERS = new Set([EBML.segment, EBML.info, EBML.tracks, EBML.trackEntry, EBML.video]);

/** An EBML variable-length number at `at`: its length and value (an id keeps its marker bits). */
function vint(data: Buffer, at: number, keepMarker: boolean): { length: number; value: number; unknown: boolean } | undefined {
  const first = data[at];
  if (first === undefined || first === 0) return undefined;
  const length = Math.clz32(first) - 23;
  if (at + length > data.length) return undefined;
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    value = value * 256 + data[at + i]!;
    allOnes &&= data[at + i] === 0xff;
  }
  return { length, value, unknown: allOnes };
}

function webm(data: Buffer): { width: number; height: number; duration: number } {
  let scale = 1_000_000;
  let ticks = 0;
  let width = 0;
  let height = 0;
  let display: { width: number; height: number } = { width: 0, height: 0 };
  let trackType = 0;
  let video: { width: number; height: number } | undefined;
  const walk = (from: number, to: number): void => {
    let at = from;
    while (at < to) {
      const id = vint(data, at, true);
      const size = id && vint(data, at + id.length, false);
      if (!id || !size) return;
      const body = at + id.length + size.length;
      const end = size.unknown ? to : Math.min(to, body + size.value);
      if (id.value === EBML.cluster) return;
      if (MASTERS.has(id.value)) {
        if (id.value === EBML.trackEntry) [trackType, width, height, display] = [0, 0, 0, { width: 0, height: 0 }];
        walk(body, end);
        if (id.value === EBML.trackEntry && trackType === 1 && !video) video = display.width && display.height ? display : { width, height };
      } else if (id.value === EBML.timecodeScale) scale = data.readUIntBE(body, Math.min(6, size.value));
      else if (id.value === EBML.duration) ticks = size.value === 4 ? data.readFloatBE(body) : data.readDoubleBE(body);
      else if (id.value === EBML.trackType) trackType = data[body]!;
      else if (id.value === EBML.pixelWidth) width = data.readUIntBE(body, size.value);
      else if (id.value === EBML.pixelHeight) height = data.readUIntBE(body, size.value);
      else if (id.value === EBML.displayWidth) display.width = data.readUIntBE(body, size.value);
      else if (id.value === EBML.displayHeight) display.height = data.readUIntBE(body, size.value);
      at = end;
    }
  };
  const header = vint(data, 0, true);
  const headerSize = header && vint(data, header.length, false);
  if (!header || !headerSize) throw new Error('not a WebM file');
  walk(header.length + headerSize.length + headerSize.value, data.length);
  const found = video as { width: number; height: number } | undefined;
  if (!found?.width || !found.height) throw new Error('no video track');
  return { width: found.width, height: found.height, duration: round((ticks * scale) / 1e9) };
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
